//! `/api/dashboard` and `/api/dashboard/activities` (CONTRACT 3.9): any authenticated user; the
//! stored role picks the variant. Keys are camelCase on the wire, as the frontend reads them.

use actix_web::{HttpResponse, web};
use intowork_domain::dashboard::{Activity, Dashboard, Stat};
use serde::Serialize;

use crate::error::ApiError;
use crate::extract::AuthUser;
use crate::openapi::schemas as oa;
use crate::resource;
use crate::state::AppState;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/dashboard", get => dashboard))
        .service(resource!("/api/dashboard/activities", get => activities));
}

#[derive(Serialize)]
struct StatDto<'a> {
    title: &'static str,
    value: &'a str,
    change: &'a str,
    #[serde(rename = "changeType")]
    change_type: &'static str,
    color: &'static str,
}

#[derive(Serialize)]
struct ActivityDto<'a> {
    id: i64,
    action: &'static str,
    target: &'a str,
    time: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct DashboardDto<'a> {
    stats: Vec<StatDto<'a>>,
    #[serde(rename = "recentActivities")]
    recent_activities: Vec<ActivityDto<'a>>,
    #[serde(rename = "profileCompletion")]
    profile_completion: i64,
}

fn stat_dto(s: &Stat) -> StatDto<'_> {
    StatDto {
        title: s.title,
        value: &s.value,
        change: &s.change,
        change_type: s.change_type.as_str(),
        color: s.color.as_str(),
    }
}

fn activity_dto(a: &Activity) -> ActivityDto<'_> {
    ActivityDto {
        id: a.id,
        action: a.action,
        target: &a.target,
        time: &a.time,
        kind: a.kind.as_str(),
    }
}

fn dashboard_dto(d: &Dashboard) -> DashboardDto<'_> {
    DashboardDto {
        stats: d.stats.iter().map(stat_dto).collect(),
        recent_activities: d.recent_activities.iter().map(activity_dto).collect(),
        profile_completion: d.profile_completion,
    }
}

#[utoipa::path(
    get,
    path = "/api/dashboard",
    tag = "dashboard",
    security(("bearer" = [])),
    responses((status = 200, description = "Stats for the stored role", body = oa::Dashboard), oa::NeedsAuth, oa::Missing)
)]
async fn dashboard(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
) -> Result<HttpResponse, ApiError> {
    let d = state.dashboards.dashboard(&user).await?;
    Ok(HttpResponse::Ok().json(dashboard_dto(&d)))
}

#[utoipa::path(
    get,
    path = "/api/dashboard/activities",
    tag = "dashboard",
    security(("bearer" = [])),
    responses((status = 200, description = "Recent activity", body = Vec<oa::Activity>), oa::NeedsAuth, oa::Missing)
)]
async fn activities(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
) -> Result<HttpResponse, ApiError> {
    let list = state.dashboards.activities(&user).await?;
    let body: Vec<ActivityDto<'_>> = list.iter().map(activity_dto).collect();
    Ok(HttpResponse::Ok().json(body))
}
