//! `/api/admin`: the back-office (CONTRACT 3.10, 4.1 calls 46–51, 9.16; HEAD.md 10.12, with the
//! accounts and companies routes in their own modules). Every route is admin-only
//! (`RoleUser<AdminOnly>`: 401 without a token, 403 for other roles).

pub mod account_wire;
mod accounts;
mod companies;
pub mod company_wire;
mod query;
pub mod wire;

use actix_web::web;
use intowork_domain::UserId;
use intowork_domain::admin::Actor;
use utoipa::OpenApi;

use self::query::{JobsQuery, UsersQuery};
use self::wire::{
    ActivateRequest, AdminEmployer, AdminJob, AdminMe, AdminStats, AdminUser, AuditEntry,
};
use crate::error::responses::{Invalid, Missing, NeedsRole};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{AdminOnly, PublicBase, RoleUser, ValidJson, ValidQuery};
use crate::resource;
use crate::state::AppState;
use crate::wire::{MessageBody, WindowQuery};

type Admin = RoleUser<AdminOnly>;

pub use self::accounts::AdminAccountsApi;
pub use self::companies::AdminCompaniesApi;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/admin/stats", get => stats))
        .service(resource!("/api/admin/users", get => list_users, post => accounts::create_user))
        .service(resource!("/api/admin/users/{user_id}", delete => delete_user))
        .service(resource!("/api/admin/users/{user_id}/activate", put => set_active))
        .service(resource!("/api/admin/employers", get => list_employers))
        .service(resource!("/api/admin/jobs", get => list_jobs))
        .service(resource!("/api/admin/audit", get => list_audit))
        .service(resource!("/api/admin/me", get => me))
        .configure(accounts::config)
        .configure(companies::config);
}

#[derive(OpenApi)]
#[openapi(paths(
    stats,
    list_users,
    delete_user,
    set_active,
    list_employers,
    list_jobs,
    list_audit,
    me
))]
pub struct AdminApi;

#[utoipa::path(
    get,
    path = "/api/admin/stats",
    tag = "admin",
    security(("bearer" = [])),
    responses((status = 200, description = "Platform counts", body = AdminStats), NeedsRole)
)]
async fn stats(
    state: web::Data<AppState>,
    _admin: Admin,
) -> Result<web::Json<AdminStats>, ApiError> {
    Ok(web::Json(state.admin.stats().await?.into()))
}

#[utoipa::path(
    get,
    path = "/api/admin/users",
    tag = "admin",
    security(("bearer" = [])),
    params(UsersQuery),
    responses((status = 200, description = "Users", body = Vec<AdminUser>), (status = 400, description = "`invalid_role`", body = ErrorBody), NeedsRole, Invalid)
)]
async fn list_users(
    state: web::Data<AppState>,
    _admin: Admin,
    ValidQuery(q): ValidQuery<UsersQuery>,
) -> Result<web::Json<Vec<AdminUser>>, ApiError> {
    let window = q.window()?;
    let filter = q.into_filter()?;
    let users = state.admin.list_users(filter, window).await?;
    Ok(web::Json(users.into_iter().map(AdminUser::from).collect()))
}

#[utoipa::path(
    get,
    path = "/api/admin/employers",
    tag = "admin",
    security(("bearer" = [])),
    params(WindowQuery),
    responses((status = 200, description = "Employers", body = Vec<AdminEmployer>), NeedsRole, Invalid)
)]
async fn list_employers(
    state: web::Data<AppState>,
    _admin: Admin,
    ValidQuery(q): ValidQuery<WindowQuery>,
) -> Result<web::Json<Vec<AdminEmployer>>, ApiError> {
    let list = state.admin.list_employers(q.window()?).await?;
    Ok(web::Json(
        list.into_iter().map(AdminEmployer::from).collect(),
    ))
}

#[utoipa::path(
    get,
    path = "/api/admin/jobs",
    tag = "admin",
    security(("bearer" = [])),
    params(JobsQuery),
    responses((status = 200, description = "Jobs", body = Vec<AdminJob>), NeedsRole, Invalid)
)]
async fn list_jobs(
    state: web::Data<AppState>,
    base: PublicBase,
    _admin: Admin,
    ValidQuery(q): ValidQuery<JobsQuery>,
) -> Result<web::Json<Vec<AdminJob>>, ApiError> {
    let jobs = state.admin.list_jobs(q.status(), q.window()?).await?;
    let jobs = jobs.into_iter().map(|j| AdminJob::new(j, &base));
    Ok(web::Json(jobs.collect()))
}

#[utoipa::path(
    put,
    path = "/api/admin/users/{user_id}/activate",
    tag = "admin",
    security(("bearer" = [])),
    params(("user_id" = i64, Path, description = "User id")),
    request_body = ActivateRequest,
    responses((status = 200, description = "Updated", body = AdminUser), (status = 400, description = "`own_account` or `admin_target`", body = ErrorBody), NeedsRole, Missing, Invalid)
)]
async fn set_active(
    state: web::Data<AppState>,
    admin: Admin,
    path: web::Path<i64>,
    ValidJson(body): ValidJson<ActivateRequest>,
) -> Result<web::Json<AdminUser>, ApiError> {
    let actor = Actor::Admin(admin.0);
    let user = state
        .admin
        .set_active(&actor, UserId(path.into_inner()), body.is_active)
        .await?;
    Ok(web::Json(user.into()))
}

#[utoipa::path(
    delete,
    path = "/api/admin/users/{user_id}",
    tag = "admin",
    security(("bearer" = [])),
    params(("user_id" = i64, Path, description = "User id")),
    responses((status = 200, description = "Deleted", body = MessageBody), (status = 400, description = "`own_account` or `admin_target`", body = ErrorBody), NeedsRole, Missing, Invalid)
)]
async fn delete_user(
    state: web::Data<AppState>,
    admin: Admin,
    path: web::Path<i64>,
) -> Result<web::Json<MessageBody>, ApiError> {
    let actor = Actor::Admin(admin.0);
    let deleted = state
        .admin
        .delete_user(&actor, UserId(path.into_inner()))
        .await?;
    Ok(web::Json(MessageBody::new(format!(
        "User {} deleted successfully",
        deleted.email
    ))))
}

#[utoipa::path(
    get,
    path = "/api/admin/audit",
    tag = "admin",
    security(("bearer" = [])),
    params(WindowQuery),
    responses((status = 200, description = "Audit log, newest first", body = Vec<AuditEntry>), NeedsRole, Invalid)
)]
async fn list_audit(
    state: web::Data<AppState>,
    _admin: Admin,
    ValidQuery(q): ValidQuery<WindowQuery>,
) -> Result<web::Json<Vec<AuditEntry>>, ApiError> {
    let entries = state.admin.list_audit(q.window()?).await?;
    Ok(web::Json(
        entries.into_iter().map(AuditEntry::from).collect(),
    ))
}

#[utoipa::path(
    get,
    path = "/api/admin/me",
    tag = "admin",
    security(("bearer" = [])),
    responses((status = 200, description = "The signed-in admin", body = AdminMe), NeedsRole)
)]
async fn me(admin: Admin) -> web::Json<AdminMe> {
    web::Json(admin.user().into())
}
