//! `/api/dashboard` and `/api/dashboard/activities` (CONTRACT 3.9): any authenticated user; the
//! stored role picks the variant. `/api/dashboard/employer-funnel` (HEAD.md 10.10): employers.

pub mod wire;

use actix_web::web;
use utoipa::OpenApi;

use intowork_domain::user::Role;

use self::wire::{Activity, Dashboard, EmployerFunnel};
use crate::error::ApiError;
use crate::error::responses::{Missing, NeedsAuth, NeedsRole};
use crate::extract::{AuthUser, RoleUser};
use crate::state::AppState;
use crate::{resource, role_gate};

role_gate!(FunnelReader, Role::Employer, "Accès réservé aux employeurs");

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/dashboard", get => dashboard))
        .service(resource!("/api/dashboard/activities", get => activities))
        .service(resource!("/api/dashboard/employer-funnel", get => employer_funnel));
}

#[derive(OpenApi)]
#[openapi(paths(dashboard, activities, employer_funnel))]
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

#[utoipa::path(
    get,
    path = "/api/dashboard/employer-funnel",
    tag = "dashboard",
    security(("bearer" = [])),
    responses((status = 200, description = "Every stage counts the applications that ever reached it or a later one; empty lists without a company", body = EmployerFunnel), NeedsRole)
)]
async fn employer_funnel(
    state: web::Data<AppState>,
    user: RoleUser<FunnelReader>,
) -> Result<web::Json<EmployerFunnel>, ApiError> {
    let funnel = state.dashboards.employer_funnel(user.user().id).await?;
    Ok(web::Json(funnel.into()))
}
