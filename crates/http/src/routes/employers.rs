//! `/api/employers/me` (CONTRACT 3.4, 8.8). Any signed-in user may call it (7.11); without an
//! employer profile the answer is 404.

pub mod wire;

use actix_web::web;
use utoipa::OpenApi;

use self::wire::{Employer, EmployerRequest, EmployerUpdated};
use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing, NeedsAuth};
use crate::extract::{AuthUser, ValidJson};
use crate::resource;
use crate::state::AppState;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/employers/me", get => me, put => update_me));
}

#[derive(OpenApi)]
#[openapi(paths(me, update_me))]
pub struct EmployersApi;

#[utoipa::path(
    get,
    path = "/api/employers/me",
    tag = "employers",
    security(("bearer" = [])),
    responses((status = 200, description = "The employer profile", body = Employer), NeedsAuth, Missing)
)]
async fn me(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
) -> Result<web::Json<Employer>, ApiError> {
    Ok(web::Json(
        state.companies.employer_profile(&user).await?.into(),
    ))
}

// Every field optional; `null` means "leave as is" (the reference applies non-null values only).
#[utoipa::path(
    put,
    path = "/api/employers/me",
    tag = "employers",
    security(("bearer" = [])),
    request_body = EmployerRequest,
    responses((status = 200, description = "Updated", body = EmployerUpdated), NeedsAuth, Missing, Invalid)
)]
async fn update_me(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    ValidJson(body): ValidJson<EmployerRequest>,
) -> Result<web::Json<EmployerUpdated>, ApiError> {
    let employer = state
        .companies
        .update_employer_profile(&user, body.into())
        .await?;
    Ok(web::Json(EmployerUpdated {
        message: "Employer profile updated successfully",
        employer: employer.into(),
    }))
}
