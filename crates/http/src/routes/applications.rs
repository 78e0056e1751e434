//! `/api/applications`: applying, the candidate's applications, and the employer's review
//! (CONTRACT 3.7, 8.7, 9.1).

use actix_web::{HttpResponse, web};
use intowork_domain::application::{
    ApplicationStatus, CandidateApplication, EmployerApplication, Page,
};
use intowork_domain::job::Paging;
use intowork_domain::limits::UserAction;
use intowork_domain::user::Role;
use intowork_domain::{ApplicationId, JobId};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::dto::{self, Message};
use crate::error::ApiError;
use crate::extract::{RoleUser, ValidJson, ValidQuery};
use crate::openapi::schemas as oa;
use crate::routes::wire::{paging, query_int};
use crate::state::AppState;
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

/// The candidate's view: `notes` is always null there (CONTRACT A3, 8.9 M12).
fn candidate_dto(a: &CandidateApplication) -> Value {
    let job = a.job.as_ref().map_or_else(
        || json!({}),
        |j| {
            json!({
                "id": j.id.get(), "title": j.title,
                "company_name": j.company_name.as_deref().unwrap_or("Entreprise inconnue"),
                "location": j.location, "location_type": j.location_type.as_str(),
                "job_type": j.job_type.as_str(), "salary_min": j.salary_min,
                "salary_max": j.salary_max, "currency": j.currency,
            })
        },
    );
    json!({
        "id": a.id.get(), "job_id": a.job_id.get(), "candidate_id": a.candidate_id.get(),
        "status": a.status.as_str(), "applied_at": dto::rfc3339(&a.applied_at),
        "notes": null, "job": job,
    })
}

fn page_dto(items: Vec<Value>, total: i64, p: Paging) -> Value {
    json!({
        "applications": items, "total": total, "page": p.page, "limit": p.limit,
        "total_pages": p.total_pages(total),
    })
}

#[derive(Deserialize)]
struct MineQuery {
    #[serde(default, deserialize_with = "query_int")]
    page: Option<i64>,
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    status: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/applications/my/applications",
    tag = "applications",
    security(("bearer" = [])),
    params(("page" = Option<i64>, Query, description = "Page, ≥ 1 (default 1)"), ("limit" = Option<i64>, Query, description = "Page size"), ("status" = Option<String>, Query, description = "Filter by status")),
    responses((status = 200, description = "The candidate's applications", body = oa::CandidateApplicationPage), oa::NeedsRole, oa::Invalid)
)]
async fn list_mine(
    state: web::Data<AppState>,
    user: RoleUser<ApplicationReader>,
    ValidQuery(q): ValidQuery<MineQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = paging(q.page, q.limit, 10, 50)?;
    let status = ApplicationStatus::parse_filter(q.status.as_deref());
    let Page { items, total } = state
        .applications
        .list_mine(user.user().id, status, p)
        .await?;
    Ok(HttpResponse::Ok().json(page_dto(
        items.iter().map(candidate_dto).collect(),
        total,
        p,
    )))
}

#[derive(Deserialize)]
struct ApplyBody {
    job_id: i64,
    #[serde(default)]
    cover_letter: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/applications/my/applications",
    tag = "applications",
    security(("bearer" = [])),
    request_body = oa::ApplyRequest,
    responses((status = 200, description = "Applied", body = oa::CandidateApplication), (status = 400, description = "`already_applied` and other refusals", body = oa::ErrorBody), oa::NeedsRole, oa::Missing, oa::Invalid, oa::Limited)
)]
async fn apply(
    state: web::Data<AppState>,
    user: RoleUser<Applicant>,
    ValidJson(b): ValidJson<ApplyBody>,
) -> Result<HttpResponse, ApiError> {
    state
        .limits
        .user_action(user.user().id, UserAction::Apply)
        .await?;
    let created = state
        .applications
        .apply(user.user(), JobId(b.job_id), b.cover_letter)
        .await?;
    Ok(HttpResponse::Ok().json(candidate_dto(&created)))
}

#[utoipa::path(
    get,
    path = "/api/applications/my/applications/{application_id}",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_id" = i64, Path, description = "Application id")),
    responses((status = 200, description = "The application", body = oa::CandidateApplication), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn get_mine(
    state: web::Data<AppState>,
    user: RoleUser<ApplicationReader>,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let a = state
        .applications
        .get_mine(user.user().id, ApplicationId(path.into_inner()))
        .await?;
    Ok(HttpResponse::Ok().json(candidate_dto(&a)))
}

#[utoipa::path(
    delete,
    path = "/api/applications/my/applications/{application_id}",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_id" = i64, Path, description = "Application id")),
    responses((status = 200, description = "Withdrawn", body = oa::MessageBody), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn withdraw(
    state: web::Data<AppState>,
    user: RoleUser<ApplicationReader>,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    match state
        .applications
        .withdraw(user.user().id, ApplicationId(path.into_inner()))
        .await
    {
        Ok(()) => Ok(HttpResponse::Ok().json(Message {
            message: "Candidature retirée avec succès",
        })),
        Err(intowork_domain::application::CandidateApplicationError::NotFound) => Err(
            ApiError::not_found("Candidature introuvable ou impossible à retirer"),
        ),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct EmployerQuery {
    #[serde(default, deserialize_with = "query_int")]
    page: Option<i64>,
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    status: Option<String>,
    #[serde(default, deserialize_with = "query_int")]
    job_id: Option<i64>,
}

/// The employer's view, with a signed, expiring link to the CV the application was made with.
fn employer_dto(state: &AppState, a: &EmployerApplication) -> Value {
    json!({
        "id": a.id.get(), "job_id": a.job_id.get(), "job_title": a.job_title,
        "candidate_id": a.candidate_id.get(),
        "candidate_name": format!("{} {}", a.candidate_first_name, a.candidate_last_name),
        "candidate_email": a.candidate_email, "candidate_phone": a.candidate_phone,
        "status": a.status.as_str(), "applied_at": dto::rfc3339(&a.applied_at),
        "cover_letter": a.cover_letter, "notes": a.notes,
        "cv_url": a.cv_id.map(|cv| state.cvs.signed_link(cv)),
    })
}

#[utoipa::path(
    get,
    path = "/api/applications/employer/applications",
    tag = "applications",
    security(("bearer" = [])),
    params(("page" = Option<i64>, Query, description = "Page, ≥ 1 (default 1)"), ("limit" = Option<i64>, Query, description = "Page size"), ("status" = Option<String>, Query, description = "Filter by status"), ("job_id" = Option<i64>, Query, description = "Filter by job")),
    responses((status = 200, description = "Applications to the employer's jobs", body = oa::EmployerApplicationPage), oa::NeedsRole, oa::Invalid)
)]
async fn list_for_employer(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
    ValidQuery(q): ValidQuery<EmployerQuery>,
) -> Result<HttpResponse, ApiError> {
    let p = paging(q.page, q.limit, 20, 100)?;
    let status = ApplicationStatus::parse_filter(q.status.as_deref());
    let job = q.job_id.filter(|id| *id != 0).map(JobId);
    let Page { items, total } = state
        .applications
        .list_for_employer(user.user().id, status, job, p)
        .await?;
    let items = items.iter().map(|a| employer_dto(&state, a)).collect();
    Ok(HttpResponse::Ok().json(page_dto(items, total, p)))
}

#[derive(Deserialize)]
struct StatusBody {
    status: String,
}

#[utoipa::path(
    put,
    path = "/api/applications/employer/applications/{application_id}/status",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_id" = i64, Path, description = "Application id")),
    request_body = oa::StatusRequest,
    responses((status = 200, description = "Changed", body = oa::StatusChanged), oa::Rejected, oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn change_status(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<StatusBody>,
) -> Result<HttpResponse, ApiError> {
    let id = ApplicationId(path.into_inner());
    let change = state
        .applications
        .change_status(user.user().id, id, &b.status)
        .await?;
    Ok(HttpResponse::Ok().json(json!({
        "message": "Statut mis à jour avec succès",
        "application_id": id.get(),
        "new_status": change.status.as_str(),
    })))
}

#[derive(Deserialize)]
struct NotesBody {
    notes: String,
}

#[utoipa::path(
    put,
    path = "/api/applications/employer/applications/{application_id}/notes",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_id" = i64, Path, description = "Application id")),
    request_body = oa::NotesRequest,
    responses((status = 200, description = "Saved", body = oa::NotesSet), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn set_notes(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<NotesBody>,
) -> Result<HttpResponse, ApiError> {
    let id = ApplicationId(path.into_inner());
    state
        .applications
        .set_notes(user.user().id, id, b.notes.clone())
        .await?;
    Ok(HttpResponse::Ok().json(json!({
        "message": "Notes mises à jour avec succès",
        "application_id": id.get(),
        "notes": b.notes,
    })))
}
