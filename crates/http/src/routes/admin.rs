//! `/api/admin`: the back-office (CONTRACT 3.10, 4.1 calls 46–51, 9.16). Every route is admin-only
//! (`RoleUser<AdminOnly>`: 401 without a token, 403 for other roles).

use actix_web::{HttpResponse, web};
use intowork_domain::UserId;
use intowork_domain::admin::{
    Actor, AdminJob, AdminStats, AuditEntry, EmployerRecord, UserFilter, UserRecord, Window,
};
use intowork_domain::job::JobStatus;
use intowork_domain::user::{Role, User};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::dto;
use crate::error::ApiError;
use crate::extract::{AdminOnly, RoleUser, ValidJson, ValidQuery};
use crate::openapi::schemas as oa;
use crate::resource;
use crate::routes::wire::{check_range, query_bool, query_int};
use crate::state::AppState;

type Admin = RoleUser<AdminOnly>;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/admin/stats", get => stats))
        .service(resource!("/api/admin/users", get => list_users))
        .service(resource!("/api/admin/users/{user_id}", delete => delete_user))
        .service(resource!("/api/admin/users/{user_id}/activate", put => set_active))
        .service(resource!("/api/admin/employers", get => list_employers))
        .service(resource!("/api/admin/jobs", get => list_jobs))
        .service(resource!("/api/admin/audit", get => list_audit))
        .service(resource!("/api/admin/me", get => me));
}

/// `skip` ≥ 0 (default 0) and 1 ≤ `limit` ≤ 500 (default 50), else 422 (CONTRACT 1.4).
pub(crate) fn window(skip: Option<i64>, limit: Option<i64>) -> Result<Window, ApiError> {
    Ok(Window {
        skip: check_range("skip", skip.unwrap_or(0), 0, None)?,
        limit: check_range("limit", limit.unwrap_or(50), 1, Some(500))?,
    })
}

#[derive(Deserialize)]
struct WindowQuery {
    #[serde(default, deserialize_with = "query_int")]
    skip: Option<i64>,
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
}

/// The user object of the admin lists and of the activate answer.
pub(crate) fn user_dto(u: &UserRecord) -> Value {
    json!({
        "id": u.id.get(), "email": u.email, "first_name": u.first_name,
        "last_name": u.last_name, "role": u.role.as_str(), "is_active": u.is_active,
        "created_at": dto::rfc3339(&u.created_at),
    })
}

fn stats_dto(s: &AdminStats) -> Value {
    let by_status: Map<String, Value> = s
        .jobs_by_status
        .iter()
        .map(|(status, n)| (status.as_str().to_owned(), Value::from(*n)))
        .collect();
    json!({
        "total_users": s.total_users, "total_candidates": s.total_candidates,
        "total_employers": s.total_employers, "total_companies": s.total_companies,
        "total_jobs": s.total_jobs, "total_applications": s.total_applications,
        "total_notifications": s.total_notifications, "active_users": s.active_users,
        "inactive_users": s.inactive_users, "jobs_by_status": by_status,
        "recent_signups": s.recent_signups,
    })
}

#[utoipa::path(
    get,
    path = "/api/admin/stats",
    tag = "admin",
    security(("bearer" = [])),
    responses((status = 200, description = "Platform counts", body = oa::AdminStats), oa::NeedsRole)
)]
async fn stats(state: web::Data<AppState>, _admin: Admin) -> Result<HttpResponse, ApiError> {
    let s = state.admin.stats().await?;
    Ok(HttpResponse::Ok().json(stats_dto(&s)))
}

#[derive(Deserialize)]
struct UsersQuery {
    #[serde(default, deserialize_with = "query_int")]
    skip: Option<i64>,
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    role: Option<String>,
    #[serde(default, deserialize_with = "query_bool")]
    is_active: Option<bool>,
    search: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/admin/users",
    tag = "admin",
    security(("bearer" = [])),
    params(("skip" = Option<i64>, Query, description = "Rows to skip, ≥ 0 (default 0)"), ("limit" = Option<i64>, Query, description = "1 to 500 (default 50)"), ("role" = Option<String>, Query, description = "candidate, employer or admin"), ("is_active" = Option<bool>, Query, description = "Active or not"), ("search" = Option<String>, Query, description = "E-mail or name contains")),
    responses((status = 200, description = "Users", body = Vec<oa::AdminUser>), (status = 400, description = "`invalid_role`", body = oa::ErrorBody), oa::NeedsRole, oa::Invalid)
)]
async fn list_users(
    state: web::Data<AppState>,
    _admin: Admin,
    ValidQuery(q): ValidQuery<UsersQuery>,
) -> Result<HttpResponse, ApiError> {
    let window = window(q.skip, q.limit)?;
    // An empty `role=` (a cleared select) is no filter, as in the reference.
    let role = match q.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        None => None,
        Some(raw) => Some(Role::parse(raw).ok_or_else(|| {
            ApiError::bad_request("invalid_role", format!("Invalid role: {raw}"))
        })?),
    };
    let filter = UserFilter {
        role,
        is_active: q.is_active,
        search: q.search,
    };
    let users = state.admin.list_users(filter, window).await?;
    Ok(HttpResponse::Ok().json(users.iter().map(user_dto).collect::<Vec<_>>()))
}

fn employer_dto(e: &EmployerRecord) -> Value {
    json!({
        "id": e.id.get(), "user_id": e.user_id.get(), "email": e.email,
        "first_name": e.first_name, "last_name": e.last_name, "company_name": e.company_name,
        "position": e.position, "phone": e.phone, "is_active": e.is_active,
        "created_at": dto::rfc3339(&e.created_at),
    })
}

#[utoipa::path(
    get,
    path = "/api/admin/employers",
    tag = "admin",
    security(("bearer" = [])),
    params(("skip" = Option<i64>, Query, description = "Rows to skip, ≥ 0 (default 0)"), ("limit" = Option<i64>, Query, description = "1 to 500 (default 50)")),
    responses((status = 200, description = "Employers", body = Vec<oa::AdminEmployer>), oa::NeedsRole, oa::Invalid)
)]
async fn list_employers(
    state: web::Data<AppState>,
    _admin: Admin,
    ValidQuery(q): ValidQuery<WindowQuery>,
) -> Result<HttpResponse, ApiError> {
    let list = state.admin.list_employers(window(q.skip, q.limit)?).await?;
    Ok(HttpResponse::Ok().json(list.iter().map(employer_dto).collect::<Vec<_>>()))
}

#[derive(Deserialize)]
struct JobsQuery {
    #[serde(default, deserialize_with = "query_int")]
    skip: Option<i64>,
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    status: Option<String>,
}

fn job_dto(j: &AdminJob) -> Value {
    json!({
        "id": j.id.get(), "title": j.title, "company_name": j.company_name,
        "employer_email": j.employer_email.as_deref().unwrap_or("N/A"),
        "status": j.status.as_str(), "location": j.location,
        "applications_count": j.applications_count, "created_at": dto::rfc3339(&j.created_at),
    })
}

#[utoipa::path(
    get,
    path = "/api/admin/jobs",
    tag = "admin",
    security(("bearer" = [])),
    params(("skip" = Option<i64>, Query, description = "Rows to skip, ≥ 0 (default 0)"), ("limit" = Option<i64>, Query, description = "1 to 500 (default 50)"), ("status" = Option<String>, Query, description = "draft, published, closed, archived")),
    responses((status = 200, description = "Jobs", body = Vec<oa::AdminJob>), oa::NeedsRole, oa::Invalid)
)]
async fn list_jobs(
    state: web::Data<AppState>,
    _admin: Admin,
    ValidQuery(q): ValidQuery<JobsQuery>,
) -> Result<HttpResponse, ApiError> {
    let window = window(q.skip, q.limit)?;
    // Lowercase values, any letter case accepted; an unknown value is no filter (CONTRACT 5.10).
    let status = q
        .status
        .as_deref()
        .and_then(|s| JobStatus::parse(&s.trim().to_ascii_lowercase()));
    let jobs = state.admin.list_jobs(status, window).await?;
    Ok(HttpResponse::Ok().json(jobs.iter().map(job_dto).collect::<Vec<_>>()))
}

#[derive(Deserialize)]
struct ActivateBody {
    is_active: bool,
}

#[utoipa::path(
    put,
    path = "/api/admin/users/{user_id}/activate",
    tag = "admin",
    security(("bearer" = [])),
    params(("user_id" = i64, Path, description = "User id")),
    request_body = oa::ActivateRequest,
    responses((status = 200, description = "Updated", body = oa::AdminUser), (status = 400, description = "`own_account` or `admin_target`", body = oa::ErrorBody), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn set_active(
    state: web::Data<AppState>,
    admin: Admin,
    path: web::Path<i64>,
    ValidJson(body): ValidJson<ActivateBody>,
) -> Result<HttpResponse, ApiError> {
    let actor = Actor::Admin(admin.0);
    let user = state
        .admin
        .set_active(&actor, UserId(path.into_inner()), body.is_active)
        .await?;
    Ok(HttpResponse::Ok().json(user_dto(&user)))
}

#[utoipa::path(
    delete,
    path = "/api/admin/users/{user_id}",
    tag = "admin",
    security(("bearer" = [])),
    params(("user_id" = i64, Path, description = "User id")),
    responses((status = 200, description = "Deleted", body = oa::MessageBody), (status = 400, description = "`own_account` or `admin_target`", body = oa::ErrorBody), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn delete_user(
    state: web::Data<AppState>,
    admin: Admin,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = Actor::Admin(admin.0);
    let deleted = state
        .admin
        .delete_user(&actor, UserId(path.into_inner()))
        .await?;
    Ok(HttpResponse::Ok().json(json!({
        "message": format!("User {} deleted successfully", deleted.email),
    })))
}

/// `details` is stored as JSON text: returned as JSON when it parses, as a string otherwise.
fn audit_dto(a: &AuditEntry) -> Value {
    let details = a
        .details
        .as_deref()
        .map(|d| serde_json::from_str::<Value>(d).unwrap_or_else(|_| Value::String(d.to_owned())));
    json!({
        "id": a.id, "actor_user_id": a.actor_user_id.map(UserId::get),
        "actor_email": a.actor_email, "action": a.action,
        "target_user_id": a.target_user_id.map(UserId::get), "target_email": a.target_email,
        "details": details, "created_at": dto::rfc3339(&a.created_at),
    })
}

#[utoipa::path(
    get,
    path = "/api/admin/audit",
    tag = "admin",
    security(("bearer" = [])),
    params(("skip" = Option<i64>, Query, description = "Rows to skip, ≥ 0 (default 0)"), ("limit" = Option<i64>, Query, description = "1 to 500 (default 50)")),
    responses((status = 200, description = "Audit log, newest first", body = Vec<oa::AuditEntry>), oa::NeedsRole, oa::Invalid)
)]
async fn list_audit(
    state: web::Data<AppState>,
    _admin: Admin,
    ValidQuery(q): ValidQuery<WindowQuery>,
) -> Result<HttpResponse, ApiError> {
    let entries = state.admin.list_audit(window(q.skip, q.limit)?).await?;
    Ok(HttpResponse::Ok().json(entries.iter().map(audit_dto).collect::<Vec<_>>()))
}

fn me_dto(u: &User) -> Value {
    json!({
        "id": u.id.get(), "email": u.email, "first_name": u.first_name,
        "last_name": u.last_name, "role": u.role.as_str(), "is_active": u.is_active,
    })
}

#[utoipa::path(
    get,
    path = "/api/admin/me",
    tag = "admin",
    security(("bearer" = [])),
    responses((status = 200, description = "The signed-in admin", body = oa::AdminMe), oa::NeedsRole)
)]
async fn me(admin: Admin) -> HttpResponse {
    HttpResponse::Ok().json(me_dto(admin.user()))
}
