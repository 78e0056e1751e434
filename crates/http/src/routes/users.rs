//! `/api/users*`: the legacy Clerk-era user routes, read-only and admin-only (CONTRACT 3.1, S2,
//! decision 8.14). `POST /api/users` is gone: the resource answers 405.

use actix_web::{HttpResponse, web};
use intowork_domain::UserId;
use intowork_domain::admin::{UserFilter, UserRecord};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::extract::{AdminOnly, RoleUser, ValidQuery};
use crate::openapi::schemas as oa;
use crate::resource;
use crate::routes::admin::window;
use crate::routes::wire::query_int;
use crate::state::AppState;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/users", get => list))
        .service(resource!("/api/users/{user_id}", get => get_one));
}

/// CONTRACT 3.1's object, with `clerk_id` null for accounts created by sign-up.
fn legacy_dto(u: &UserRecord) -> Value {
    json!({
        "clerk_id": u.clerk_id, "email": u.email, "role": u.role.as_str(),
        "first_name": u.first_name, "last_name": u.last_name, "id": u.id.get(),
        "is_active": u.is_active,
    })
}

/// The reference returned every user at once; here `skip`/`limit` bound it like the admin lists.
#[derive(Deserialize)]
struct ListQuery {
    #[serde(default, deserialize_with = "query_int")]
    skip: Option<i64>,
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
}

#[utoipa::path(
    get,
    path = "/api/users",
    tag = "users",
    security(("bearer" = [])),
    params(("skip" = Option<i64>, Query, description = "Rows to skip, ≥ 0 (default 0)"), ("limit" = Option<i64>, Query, description = "1 to 500 (default 50)")),
    responses((status = 200, description = "Users", body = Vec<oa::LegacyUser>), oa::NeedsRole, oa::Invalid)
)]
async fn list(
    state: web::Data<AppState>,
    _admin: RoleUser<AdminOnly>,
    ValidQuery(q): ValidQuery<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let users = state
        .admin
        .list_users(UserFilter::default(), window(q.skip, q.limit)?)
        .await?;
    Ok(HttpResponse::Ok().json(users.iter().map(legacy_dto).collect::<Vec<_>>()))
}

#[utoipa::path(
    get,
    path = "/api/users/{user_id}",
    tag = "users",
    security(("bearer" = [])),
    params(("user_id" = i64, Path, description = "User id")),
    responses((status = 200, description = "The user", body = oa::LegacyUser), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn get_one(
    state: web::Data<AppState>,
    _admin: RoleUser<AdminOnly>,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let user = state.admin.get_user(UserId(path.into_inner())).await?;
    Ok(HttpResponse::Ok().json(legacy_dto(&user)))
}
