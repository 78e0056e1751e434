//! Experience items: `POST /api/candidates/profile/experiences`, `PUT` and `DELETE` on
//! `…/experiences/{experience_id}` (CONTRACT 3.3).

use actix_web::web;
use intowork_domain::candidate::{self, ExperienceFields, ItemKind, Patch, PeriodFields};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::shared::{
    Answer, Candidate, ExperienceAdder, ItemRequest, add_item, delete_item, update_item,
};
use crate::error::ApiError;
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
    add_item(&state, user.user(), b).await
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
    update_item(&state, user.user(), path.into_inner(), b).await
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
            start_date: e.period.start_date,
            end_date: e.period.end_date,
            is_current: e.period.is_current,
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

impl ItemRequest for ExperienceRequest {
    type Item = candidate::Experience;
    type Answer = Experience;

    fn into_fields(self) -> Result<ExperienceFields, ApiError> {
        Ok(ExperienceFields {
            title: self.title,
            company: self.company,
            location: self.location,
            period: PeriodFields {
                start_date: self.start_date,
                end_date: self.end_date,
                is_current: self.is_current,
            },
            description: self.description,
        })
    }
}
