//! `/api/users*`: the legacy Clerk-era user routes, read-only and admin-only (CONTRACT 3.1, S2,
//! decision 8.14). `POST /api/users` is gone: the resource answers 405.

pub mod wire;

use actix_web::web;
use intowork_domain::UserId;
use intowork_domain::admin::UserFilter;
use utoipa::OpenApi;

use self::wire::LegacyUser;
use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing, NeedsRole};
use crate::extract::{AdminOnly, RoleUser, ValidQuery};
use crate::resource;
use crate::state::AppState;
use crate::wire::WindowQuery;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/users", get => list))
        .service(resource!("/api/users/{user_id}", get => get_one));
}

#[derive(OpenApi)]
#[openapi(paths(list, get_one))]
pub struct UsersApi;

// The reference returned every user at once; here `skip`/`limit` bound it like the admin lists.
#[utoipa::path(
    get,
    path = "/api/users",
    tag = "users",
    security(("bearer" = [])),
    params(WindowQuery),
    responses((status = 200, description = "Users", body = Vec<LegacyUser>), NeedsRole, Invalid)
)]
async fn list(
    state: web::Data<AppState>,
    _admin: RoleUser<AdminOnly>,
    ValidQuery(q): ValidQuery<WindowQuery>,
) -> Result<web::Json<Vec<LegacyUser>>, ApiError> {
    let users = state
        .admin
        .list_users(UserFilter::default(), q.window()?)
        .await?;
    Ok(web::Json(users.into_iter().map(LegacyUser::from).collect()))
}

#[utoipa::path(
    get,
    path = "/api/users/{user_id}",
    tag = "users",
    security(("bearer" = [])),
    params(("user_id" = i64, Path, description = "User id")),
    responses((status = 200, description = "The user", body = LegacyUser), NeedsRole, Missing, Invalid)
)]
async fn get_one(
    state: web::Data<AppState>,
    _admin: RoleUser<AdminOnly>,
    path: web::Path<i64>,
) -> Result<web::Json<LegacyUser>, ApiError> {
    let user = state.admin.get_user(UserId(path.into_inner())).await?;
    Ok(web::Json(user.into()))
}
