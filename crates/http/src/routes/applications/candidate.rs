//! The candidate's side: applying, listing, reading and withdrawing their applications
//! (CONTRACT 3.7, 9.1).

use actix_web::web;
use intowork_domain::ApplicationId;
use intowork_domain::application::{CandidateApplicationError, Page};
use intowork_domain::limits::UserAction;
use intowork_domain::user::Role;

use super::candidate_wire::{ApplyRequest, CandidateApplication, CandidateApplicationPage};
use super::query::MineQuery;
use crate::error::responses::{Invalid, Limited, Missing, NeedsRole};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{RoleUser, ValidJson, ValidQuery};
use crate::role_gate;
use crate::state::AppState;
use crate::wire::MessageBody;

role_gate!(
    Applicant,
    Role::Candidate,
    "Seuls les candidats peuvent postuler"
);
role_gate!(
    ApplicationReader,
    Role::Candidate,
    "Seuls les candidats peuvent accéder à leurs candidatures"
);

#[utoipa::path(
    get,
    path = "/api/applications/my/applications",
    tag = "applications",
    security(("bearer" = [])),
    params(MineQuery),
    responses((status = 200, description = "The candidate's applications", body = CandidateApplicationPage), NeedsRole, Invalid)
)]
pub(super) async fn list_mine(
    state: web::Data<AppState>,
    user: RoleUser<ApplicationReader>,
    ValidQuery(q): ValidQuery<MineQuery>,
) -> Result<web::Json<CandidateApplicationPage>, ApiError> {
    let p = q.paging()?;
    let Page { items, total } = state
        .applications
        .list_mine(user.user().id, q.status(), p)
        .await?;
    let items = items.into_iter().map(CandidateApplication::from).collect();
    Ok(web::Json(CandidateApplicationPage::new(items, total, p)))
}

#[utoipa::path(
    post,
    path = "/api/applications/my/applications",
    tag = "applications",
    security(("bearer" = [])),
    request_body = ApplyRequest,
    responses((status = 200, description = "Applied", body = CandidateApplication), (status = 400, description = "`already_applied`, `invalid_cv` (not one of the caller's active CVs)", body = ErrorBody), NeedsRole, Missing, Invalid, Limited)
)]
pub(super) async fn apply(
    state: web::Data<AppState>,
    user: RoleUser<Applicant>,
    ValidJson(b): ValidJson<ApplyRequest>,
) -> Result<web::Json<CandidateApplication>, ApiError> {
    state
        .limits
        .user_action(user.user().id, UserAction::Apply)
        .await?;
    let (job, request) = b.into_domain();
    let created = state.applications.apply(user.user(), job, request).await?;
    Ok(web::Json(created.into()))
}

#[utoipa::path(
    get,
    path = "/api/applications/my/applications/{application_id}",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_id" = i64, Path, description = "Application id")),
    responses((status = 200, description = "The application", body = CandidateApplication), NeedsRole, Missing, Invalid)
)]
pub(super) async fn get_mine(
    state: web::Data<AppState>,
    user: RoleUser<ApplicationReader>,
    path: web::Path<i64>,
) -> Result<web::Json<CandidateApplication>, ApiError> {
    let a = state
        .applications
        .get_mine(user.user().id, ApplicationId(path.into_inner()))
        .await?;
    Ok(web::Json(a.into()))
}

#[utoipa::path(
    delete,
    path = "/api/applications/my/applications/{application_id}",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_id" = i64, Path, description = "Application id")),
    responses((status = 200, description = "Withdrawn", body = MessageBody), NeedsRole, Missing, Invalid)
)]
pub(super) async fn withdraw(
    state: web::Data<AppState>,
    user: RoleUser<ApplicationReader>,
    path: web::Path<i64>,
) -> Result<web::Json<MessageBody>, ApiError> {
    match state
        .applications
        .withdraw(user.user().id, ApplicationId(path.into_inner()))
        .await
    {
        Ok(()) => Ok(web::Json(MessageBody::new(
            "Candidature retirée avec succès",
        ))),
        Err(CandidateApplicationError::NotFound) => Err(ApiError::not_found(
            "Candidature introuvable ou impossible à retirer",
        )),
        Err(e) => Err(e.into()),
    }
}
