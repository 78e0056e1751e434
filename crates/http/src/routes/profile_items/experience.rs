//! Experience items: `POST /api/candidates/profile/experiences`, `PUT` and `DELETE` on
//! `…/experiences/{experience_id}` (CONTRACT 3.3).

use actix_web::web;
use intowork_domain::candidate::{self, ExperienceFields, ItemKind, Patch};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::shared::{Answer, Candidate, ExperienceAdder, delete_item};
use crate::error::responses::{Invalid, Missing, NeedsRole};
use crate::extract::{RoleUser, ValidJson};
use crate::state::AppState;
use crate::wire::{MessageBody, present};

#[utoipa::path(
    post,
    path = "/api/candidates/profile/experiences",
    tag = "candidates",
    security(("bearer" = [])),
    request_body = ExperienceRequest,
    responses((status = 200, description = "Added", body = Experience), NeedsRole, Invalid)
)]
pub(super) async fn add_experience(
    state: web::Data<AppState>,
    user: RoleUser<ExperienceAdder>,
    ValidJson(b): ValidJson<ExperienceRequest>,
) -> Answer<Experience> {
    let added = state.profiles.add_experience(user.user().id, b.into());
    Ok(web::Json(added.await?.into()))
}

#[utoipa::path(
    put,
    path = "/api/candidates/profile/experiences/{experience_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("experience_id" = i64, Path, description = "Experience id")),
    request_body = ExperienceRequest,
    responses((status = 200, description = "Updated", body = Experience), NeedsRole, Missing, Invalid)
)]
pub(super) async fn update_experience(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<ExperienceRequest>,
) -> Answer<Experience> {
    let id = path.into_inner();
    let updated = state
        .profiles
        .update_experience(user.user().id, id, b.into());
    Ok(web::Json(updated.await?.into()))
}

#[utoipa::path(
    delete,
    path = "/api/candidates/profile/experiences/{experience_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("experience_id" = i64, Path, description = "Experience id")),
    responses((status = 200, description = "Deleted", body = MessageBody), NeedsRole, Missing, Invalid)
)]
pub(super) async fn delete_experience(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
) -> Answer<MessageBody> {
    delete_item(&state, user.user(), ItemKind::Experience, path.into_inner()).await
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    pub id: i64,
    pub title: String,
    pub company: String,
    pub location: Option<String>,
    pub start_date: String,
    pub end_date: Option<String>,
    pub is_current: bool,
    pub description: Option<String>,
}

impl From<candidate::Experience> for Experience {
    fn from(e: candidate::Experience) -> Self {
        Self {
            id: e.id,
            title: e.title,
            company: e.company,
            location: e.location,
            start_date: e.start_date,
            end_date: e.end_date,
            is_current: e.is_current,
            description: e.description,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"title": "Développeuse", "company": "Acme", "start_date": "2023-01"}))]
pub struct ExperienceRequest {
    pub title: String,
    pub company: String,
    pub start_date: String,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub location: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub end_date: Patch<String>,
    #[serde(default)]
    pub is_current: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub description: Patch<String>,
}

impl From<ExperienceRequest> for ExperienceFields {
    fn from(b: ExperienceRequest) -> Self {
        ExperienceFields {
            title: b.title,
            company: b.company,
            start_date: b.start_date,
            location: b.location,
            end_date: b.end_date,
            is_current: b.is_current,
            description: b.description,
        }
    }
}
