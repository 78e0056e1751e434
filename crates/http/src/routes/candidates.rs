//! `/api/candidates/profile`: the candidate's profile (CONTRACT 3.3, 8.9). Its items have their own
//! routes (`profile_items`), the CV files theirs (`cvs`).

pub mod wire;

use actix_web::web;
use intowork_domain::user::Role;
use utoipa::OpenApi;

use self::wire::{CandidateProfile, ProfileRequest};
use crate::error::ApiError;
use crate::error::responses::{Invalid, NeedsRole};
use crate::extract::{RoleUser, ValidJson};
use crate::state::AppState;
use crate::{resource, role_gate};

role_gate!(
    /// The profile and the candidate's CV routes.
    ProfileReader,
    Role::Candidate,
    "Seuls les candidats peuvent accéder à cette ressource"
);
role_gate!(
    ProfileWriter,
    Role::Candidate,
    "Seuls les candidats peuvent modifier leur profil"
);

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/candidates/profile", get => get_profile, put => put_profile));
}

#[derive(OpenApi)]
#[openapi(paths(get_profile, put_profile))]
pub struct CandidatesApi;

#[utoipa::path(
    get,
    path = "/api/candidates/profile",
    tag = "candidates",
    security(("bearer" = [])),
    responses((status = 200, description = "The profile", body = CandidateProfile), NeedsRole)
)]
async fn get_profile(
    state: web::Data<AppState>,
    user: RoleUser<ProfileReader>,
) -> Result<web::Json<CandidateProfile>, ApiError> {
    let profile = state.profiles.profile(user.user().id).await?;
    Ok(web::Json(profile.into()))
}

#[utoipa::path(
    put,
    path = "/api/candidates/profile",
    tag = "candidates",
    security(("bearer" = [])),
    request_body = ProfileRequest,
    responses((status = 200, description = "Updated profile", body = CandidateProfile), NeedsRole, Invalid)
)]
async fn put_profile(
    state: web::Data<AppState>,
    user: RoleUser<ProfileWriter>,
    ValidJson(b): ValidJson<ProfileRequest>,
) -> Result<web::Json<CandidateProfile>, ApiError> {
    let profile = state.profiles.update(user.user().id, b.into()).await?;
    Ok(web::Json(profile.into()))
}
