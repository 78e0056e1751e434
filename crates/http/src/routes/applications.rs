//! `/api/applications`: applying, the candidate's applications, and the employer's review
//! (CONTRACT 3.7, 8.7, 9.1).

mod query;
pub mod wire;

use actix_web::web;
use intowork_domain::application::{CandidateApplicationError, Page};
use intowork_domain::limits::UserAction;
use intowork_domain::user::Role;
use intowork_domain::{ApplicationId, JobId};
use utoipa::OpenApi;

use self::query::{EmployerQuery, MineQuery};
use self::wire::{
    ApplyRequest, CandidateApplication, CandidateApplicationPage, EmployerApplication,
    EmployerApplicationPage, NotesRequest, NotesSet, StatusChanged, StatusRequest,
};
use crate::error::responses::{Invalid, Limited, Missing, NeedsRole, Rejected};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{RoleUser, ValidJson, ValidQuery};
use crate::state::AppState;
use crate::wire::MessageBody;
use crate::{resource, role_gate};

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
role_gate!(Reviewer, Role::Employer, "Accès réservé aux employeurs");

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/applications/my/applications", get => list_mine, post => apply))
        .service(
            resource!("/api/applications/my/applications/{application_id}",
            get => get_mine, delete => withdraw),
        )
        .service(resource!("/api/applications/employer/applications", get => list_for_employer))
        .service(
            resource!("/api/applications/employer/applications/{application_id}/status",
            put => change_status),
        )
        .service(
            resource!("/api/applications/employer/applications/{application_id}/notes",
            put => set_notes),
        );
}

#[derive(OpenApi)]
#[openapi(paths(
    list_mine,
    apply,
    get_mine,
    withdraw,
    list_for_employer,
    change_status,
    set_notes
))]
pub struct ApplicationsApi;

#[utoipa::path(
    get,
    path = "/api/applications/my/applications",
    tag = "applications",
    security(("bearer" = [])),
    params(MineQuery),
    responses((status = 200, description = "The candidate's applications", body = CandidateApplicationPage), NeedsRole, Invalid)
)]
async fn list_mine(
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
    responses((status = 200, description = "Applied", body = CandidateApplication), (status = 400, description = "`already_applied` and other refusals", body = ErrorBody), NeedsRole, Missing, Invalid, Limited)
)]
async fn apply(
    state: web::Data<AppState>,
    user: RoleUser<Applicant>,
    ValidJson(b): ValidJson<ApplyRequest>,
) -> Result<web::Json<CandidateApplication>, ApiError> {
    state
        .limits
        .user_action(user.user().id, UserAction::Apply)
        .await?;
    let created = state
        .applications
        .apply(user.user(), JobId(b.job_id), b.cover_letter)
        .await?;
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
async fn get_mine(
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
async fn withdraw(
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

#[utoipa::path(
    get,
    path = "/api/applications/employer/applications",
    tag = "applications",
    security(("bearer" = [])),
    params(EmployerQuery),
    responses((status = 200, description = "Applications to the employer's jobs", body = EmployerApplicationPage), NeedsRole, Invalid)
)]
async fn list_for_employer(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
    ValidQuery(q): ValidQuery<EmployerQuery>,
) -> Result<web::Json<EmployerApplicationPage>, ApiError> {
    let p = q.paging()?;
    let Page { items, total } = state
        .applications
        .list_for_employer(user.user().id, q.status(), q.job(), p)
        .await?;
    let items = items
        .into_iter()
        .map(|a| {
            let cv_url = a.cv_id.map(|cv| state.cvs.signed_link(cv));
            EmployerApplication::new(a, cv_url)
        })
        .collect();
    Ok(web::Json(EmployerApplicationPage::new(items, total, p)))
}

#[utoipa::path(
    put,
    path = "/api/applications/employer/applications/{application_id}/status",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_id" = i64, Path, description = "Application id")),
    request_body = StatusRequest,
    responses((status = 200, description = "Changed", body = StatusChanged), Rejected, NeedsRole, Missing, Invalid)
)]
async fn change_status(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<StatusRequest>,
) -> Result<web::Json<StatusChanged>, ApiError> {
    let id = ApplicationId(path.into_inner());
    let change = state
        .applications
        .change_status(user.user().id, id, &b.status)
        .await?;
    Ok(web::Json(StatusChanged {
        message: "Statut mis à jour avec succès",
        application_id: id.get(),
        new_status: change.status.into(),
    }))
}

#[utoipa::path(
    put,
    path = "/api/applications/employer/applications/{application_id}/notes",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_id" = i64, Path, description = "Application id")),
    request_body = NotesRequest,
    responses((status = 200, description = "Saved", body = NotesSet), NeedsRole, Missing, Invalid)
)]
async fn set_notes(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<NotesRequest>,
) -> Result<web::Json<NotesSet>, ApiError> {
    let id = ApplicationId(path.into_inner());
    state
        .applications
        .set_notes(user.user().id, id, b.notes.clone())
        .await?;
    Ok(web::Json(NotesSet {
        message: "Notes mises à jour avec succès",
        application_id: id.get(),
        notes: b.notes,
    }))
}
