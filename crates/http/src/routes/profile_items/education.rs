//! Education items: `POST /api/candidates/profile/education`, `PUT` and `DELETE` on
//! `…/education/{education_id}` (CONTRACT 3.3, 8.9 M3).

use actix_web::web;
use intowork_domain::candidate::{self, EducationFields, ItemKind, Patch, PeriodFields};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::shared::{
    Answer, Candidate, EducationAdder, ItemRequest, add_item, delete_item, update_item,
};
use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing, NeedsRole};
use crate::extract::{RoleUser, ValidJson};
use crate::state::AppState;
use crate::validation::ValidationItem;
use crate::wire::{MessageBody, present};

#[utoipa::path(
    post,
    path = "/api/candidates/profile/education",
    tag = "candidates",
    security(("bearer" = [])),
    request_body = EducationRequest,
    responses((status = 200, description = "Added", body = Education), NeedsRole, Invalid)
)]
pub(super) async fn add_education(
    state: web::Data<AppState>,
    user: RoleUser<EducationAdder>,
    ValidJson(b): ValidJson<EducationRequest>,
) -> Answer<Education> {
    add_item(&state, user.user(), b).await
}

#[utoipa::path(
    put,
    path = "/api/candidates/profile/education/{education_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("education_id" = i64, Path, description = "Education id")),
    request_body = EducationRequest,
    responses((status = 200, description = "Updated", body = Education), NeedsRole, Missing, Invalid)
)]
pub(super) async fn update_education(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<EducationRequest>,
) -> Answer<Education> {
    update_item(&state, user.user(), path.into_inner(), b).await
}

#[utoipa::path(
    delete,
    path = "/api/candidates/profile/education/{education_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("education_id" = i64, Path, description = "Education id")),
    responses((status = 200, description = "Deleted", body = MessageBody), NeedsRole, Missing, Invalid)
)]
pub(super) async fn delete_education(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
) -> Answer<MessageBody> {
    delete_item(&state, user.user(), ItemKind::Education, path.into_inner()).await
}

/// `school` is the contract's name; `institution` repeats it for the frontend.
#[derive(Clone, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub id: i64,
    pub degree: String,
    pub school: String,
    pub institution: String,
    pub field_of_study: Option<String>,
    pub location: Option<String>,
    pub start_date: String,
    pub end_date: Option<String>,
    pub is_current: bool,
    pub description: Option<String>,
}

impl From<candidate::Education> for Education {
    fn from(e: candidate::Education) -> Self {
        Self {
            id: e.id,
            degree: e.degree,
            institution: e.school.clone(),
            school: e.school,
            field_of_study: e.field_of_study,
            location: e.location,
            start_date: e.period.start_date,
            end_date: e.period.end_date,
            is_current: e.period.is_current,
            description: e.description,
        }
    }
}

/// `school` or its alias `institution` is required.
#[derive(Deserialize, ToSchema)]
pub struct EducationRequest {
    pub degree: String,
    #[serde(default)]
    pub school: Option<String>,
    #[serde(default)]
    pub institution: Option<String>,
    pub start_date: String,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub field_of_study: Patch<String>,
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

impl ItemRequest for EducationRequest {
    type Item = candidate::Education;
    type Answer = Education;

    /// `school` or the frontend's `institution` (8.9 M3).
    fn into_fields(self) -> Result<EducationFields, ApiError> {
        let school = self.school.or(self.institution).ok_or_else(|| {
            ApiError::validation(vec![ValidationItem::body_field(
                "missing",
                "school",
                "Field required",
            )])
        })?;
        Ok(EducationFields {
            degree: self.degree,
            school,
            field_of_study: self.field_of_study,
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
