//! The employer's side: the applications to their jobs, with status changes and private notes
//! (CONTRACT 3.7, 8.7).

use actix_web::web;
use intowork_domain::application::Page;
use intowork_domain::user::Role;
use intowork_domain::{ApplicationId, CvId};

use super::employer_wire::{
    ApplicationSources, EmployerApplication, EmployerApplicationPage, NotesRequest, NotesSet,
    StatusChanged, StatusRequest,
};
use super::query::EmployerQuery;
use crate::error::responses::{Invalid, Missing, NeedsRole, Rejected};
use crate::error::{ApiError, after_checks};
use crate::extract::{PublicBase, RoleUser, ValidJson, ValidQuery};
use crate::role_gate;
use crate::state::AppState;

role_gate!(
    /// The employer's review of applications to their jobs.
    Reviewer,
    Role::Employer,
    "Accès réservé aux employeurs"
);

/// The absolute signed link of the CV an application was made with: both frontends open a
/// `cv_url` that starts with `http` as is (HEAD.md 10.6).
pub(super) fn cv_link(state: &AppState, base: &PublicBase, cv: CvId) -> String {
    base.url(&format!("/{}", state.cvs.signed_link(cv)))
}

#[utoipa::path(
    get,
    path = "/api/applications/employer/applications",
    tag = "applications",
    security(("bearer" = [])),
    params(EmployerQuery),
    responses((status = 200, description = "Applications to the employer's jobs", body = EmployerApplicationPage), NeedsRole, Invalid)
)]
pub(super) async fn list_for_employer(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
    base: PublicBase,
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
            let cv_url = a.cv_id.map(|cv| cv_link(&state, &base, cv));
            EmployerApplication::new(a, cv_url)
        })
        .collect();
    Ok(web::Json(EmployerApplicationPage::new(items, total, p)))
}

#[utoipa::path(
    get,
    path = "/api/applications/employer/applications/sources",
    tag = "applications",
    security(("bearer" = [])),
    responses((status = 200, description = "The employer's applications by channel (`direct` when none was recorded), most first", body = ApplicationSources), NeedsRole, Missing)
)]
pub(super) async fn sources(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
) -> Result<web::Json<ApplicationSources>, ApiError> {
    let breakdown = state.applications.sources(user.user().id).await?;
    Ok(web::Json(breakdown.into()))
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
pub(super) async fn change_status(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<StatusRequest>,
) -> Result<web::Json<StatusChanged>, ApiError> {
    let id = ApplicationId(path.into_inner());
    let user_id = user.user().id;
    // The contract checks the employer, the application and its owner before the value (3.7).
    let reviewable = state.applications.check_reviewable(user_id, id);
    let status = after_checks(b.status(), reviewable).await?;
    let change = state
        .applications
        .change_status(user_id, id, status)
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
pub(super) async fn set_notes(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<NotesRequest>,
) -> Result<web::Json<NotesSet>, ApiError> {
    let id = ApplicationId(path.into_inner());
    let notes = b.notes.into_inner();
    state
        .applications
        .set_notes(user.user().id, id, notes.clone())
        .await?;
    Ok(web::Json(NotesSet {
        message: "Notes mises à jour avec succès",
        application_id: id.get(),
        notes,
    }))
}
