//! `/api/dashboard` and `/api/dashboard/activities` (CONTRACT 3.9): any authenticated user; the
//! stored role picks the variant.

pub mod wire;

use actix_web::web;
use utoipa::OpenApi;

use self::wire::{Activity, Dashboard};
use crate::error::ApiError;
use crate::error::responses::{Missing, NeedsAuth};
use crate::extract::AuthUser;
use crate::resource;
use crate::state::AppState;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/dashboard", get => dashboard))
        .service(resource!("/api/dashboard/activities", get => activities));
}

#[derive(OpenApi)]
#[openapi(paths(dashboard, activities))]
pub struct DashboardApi;

#[utoipa::path(
    get,
    path = "/api/dashboard",
    tag = "dashboard",
    security(("bearer" = [])),
    responses((status = 200, description = "Stats for the stored role", body = Dashboard), NeedsAuth, Missing)
)]
async fn dashboard(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
) -> Result<web::Json<Dashboard>, ApiError> {
    Ok(web::Json(state.dashboards.dashboard(&user).await?.into()))
}

#[utoipa::path(
    get,
    path = "/api/dashboard/activities",
    tag = "dashboard",
    security(("bearer" = [])),
    responses((status = 200, description = "Recent activity", body = Vec<Activity>), NeedsAuth, Missing)
)]
async fn activities(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
) -> Result<web::Json<Vec<Activity>>, ApiError> {
    let list = state.dashboards.activities(&user).await?;
    Ok(web::Json(list.into_iter().map(Activity::from).collect()))
}
