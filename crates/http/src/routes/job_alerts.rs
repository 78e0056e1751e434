//! `/api/job-alerts` (HEAD 10.16, 10.2): a candidate's alerts, only ever their own (another's is a
//! 404), and the signed one-click unsubscribe link, which needs no sign-in. The fixed paths
//! (`stats/summary`, `unsubscribe`) are registered before `{alert_id}`.

pub mod wire;

use actix_web::{HttpResponse, web};
use intowork_domain::job_alert::{Frequency, JobAlertId, MAX_PREVIEW};
use intowork_domain::user::Role;
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

use self::wire::{CreateAlert, DetailBody, JobAlertBody, Preview, Summary, UpdateAlert, frequency};
use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing, NeedsRole};
use crate::extract::{RoleUser, ValidJson, ValidQuery};
use crate::state::AppState;
use crate::wire::{TokenText, check_range, query_bool, query_int};
use crate::{resource, role_gate};

role_gate!(
    /// A candidate's own alerts.
    AlertOwner,
    Role::Candidate,
    "Accès réservé aux candidats"
);

type Candidate = RoleUser<AlertOwner>;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!(["/api/job-alerts", "/api/job-alerts/"], get => list, post => create))
        .service(resource!("/api/job-alerts/stats/summary", get => summary))
        .service(
            resource!("/api/job-alerts/unsubscribe", get => unsubscribe, post => unsubscribe_post),
        )
        .service(
            resource!("/api/job-alerts/{alert_id}", get => get, patch => update, delete => delete),
        )
        .service(resource!("/api/job-alerts/{alert_id}/toggle", post => toggle))
        .service(resource!("/api/job-alerts/{alert_id}/preview", get => preview));
}

#[derive(OpenApi)]
#[openapi(paths(
    list,
    create,
    summary,
    unsubscribe,
    unsubscribe_post,
    get,
    update,
    delete,
    toggle,
    preview
))]
pub struct JobAlertsApi;

const NOT_FOUND: &str = "Job alert not found";

fn not_found() -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::NOT_FOUND,
        "job_alert_not_found",
        NOT_FOUND,
    )
}

fn alert_id(raw: i64) -> Result<JobAlertId, ApiError> {
    // Ids are positive: anything else names no alert.
    if raw < 1 {
        return Err(not_found());
    }
    Ok(JobAlertId(raw))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only active (or inactive) alerts
    #[serde(default, deserialize_with = "query_bool")]
    is_active: Option<bool>,
}

#[utoipa::path(get, path = "/api/job-alerts", tag = "job-alerts", security(("bearer" = [])),
    params(ListQuery),
    responses((status = 200, description = "The caller's alerts, newest first", body = Vec<JobAlertBody>), NeedsRole, Invalid))]
async fn list(
    state: web::Data<AppState>,
    user: Candidate,
    ValidQuery(q): ValidQuery<ListQuery>,
) -> Result<web::Json<Vec<JobAlertBody>>, ApiError> {
    let alerts = state.job_alerts.list(user.user().id, q.is_active).await?;
    Ok(web::Json(
        alerts.into_iter().map(JobAlertBody::from).collect(),
    ))
}

#[utoipa::path(post, path = "/api/job-alerts", tag = "job-alerts", security(("bearer" = [])),
    request_body = CreateAlert,
    responses((status = 201, description = "Created", body = JobAlertBody), NeedsRole, Invalid))]
async fn create(
    state: web::Data<AppState>,
    user: Candidate,
    ValidJson(body): ValidJson<CreateAlert>,
) -> Result<HttpResponse, ApiError> {
    let freq = match &body.frequency {
        Some(f) => frequency(f, &["body", "frequency"])?,
        None => Frequency::Daily,
    };
    let criteria = body.criteria.into_domain()?;
    let alert = state
        .job_alerts
        .create(user.user().id, &body.name, criteria, freq)
        .await?;
    Ok(HttpResponse::Created().json(JobAlertBody::from(alert)))
}

#[utoipa::path(get, path = "/api/job-alerts/stats/summary", tag = "job-alerts", security(("bearer" = [])),
    responses((status = 200, description = "Counts of the caller's alerts", body = Summary), NeedsRole))]
async fn summary(
    state: web::Data<AppState>,
    user: Candidate,
) -> Result<web::Json<Summary>, ApiError> {
    Ok(web::Json(
        state.job_alerts.stats(user.user().id).await?.into(),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct TokenQuery {
    /// The signed token of the mailed link
    #[serde(default)]
    #[param(inline)]
    token: Option<TokenText>,
}

async fn do_unsubscribe(
    state: &AppState,
    token: Option<TokenText>,
) -> Result<web::Json<DetailBody>, ApiError> {
    let token = token.map(TokenText::into_inner).unwrap_or_default();
    state.alert_delivery.unsubscribe(&token).await?;
    Ok(web::Json(DetailBody {
        detail: "Alerte désactivée : vous ne recevrez plus ces e-mails.",
    }))
}

#[utoipa::path(get, path = "/api/job-alerts/unsubscribe", tag = "job-alerts",
    params(TokenQuery),
    responses((status = 200, description = "The alert is off", body = DetailBody),
        (status = 400, description = "Malformed or forged link, or the alert no longer exists", body = crate::error::ErrorBody),
        Invalid))]
async fn unsubscribe(
    state: web::Data<AppState>,
    ValidQuery(q): ValidQuery<TokenQuery>,
) -> Result<web::Json<DetailBody>, ApiError> {
    do_unsubscribe(&state, q.token).await
}

/// RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` to the header's link; the
/// token is in the query, so the form body is not read.
#[utoipa::path(post, path = "/api/job-alerts/unsubscribe", tag = "job-alerts",
    params(TokenQuery),
    responses((status = 200, description = "The alert is off", body = DetailBody),
        (status = 400, description = "Malformed or forged link, or the alert no longer exists", body = crate::error::ErrorBody),
        Invalid))]
async fn unsubscribe_post(
    state: web::Data<AppState>,
    ValidQuery(q): ValidQuery<TokenQuery>,
) -> Result<web::Json<DetailBody>, ApiError> {
    do_unsubscribe(&state, q.token).await
}

#[utoipa::path(get, path = "/api/job-alerts/{alert_id}", tag = "job-alerts", security(("bearer" = [])),
    params(("alert_id" = i64, Path, description = "Alert id")),
    responses((status = 200, description = "The alert", body = JobAlertBody), NeedsRole, Missing, Invalid))]
async fn get(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
) -> Result<web::Json<JobAlertBody>, ApiError> {
    let alert = state
        .job_alerts
        .get(user.user().id, alert_id(path.into_inner())?)
        .await?;
    Ok(web::Json(alert.into()))
}

#[utoipa::path(patch, path = "/api/job-alerts/{alert_id}", tag = "job-alerts", security(("bearer" = [])),
    params(("alert_id" = i64, Path, description = "Alert id")),
    request_body = UpdateAlert,
    responses((status = 200, description = "The changed alert", body = JobAlertBody), NeedsRole, Missing, Invalid))]
async fn update(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
    ValidJson(body): ValidJson<UpdateAlert>,
) -> Result<web::Json<JobAlertBody>, ApiError> {
    let id = alert_id(path.into_inner())?;
    let changes = body.into_domain()?;
    let alert = state.job_alerts.update(user.user().id, id, changes).await?;
    Ok(web::Json(alert.into()))
}

#[utoipa::path(delete, path = "/api/job-alerts/{alert_id}", tag = "job-alerts", security(("bearer" = [])),
    params(("alert_id" = i64, Path, description = "Alert id")),
    responses((status = 204, description = "Deleted"), NeedsRole, Missing, Invalid))]
async fn delete(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    state
        .job_alerts
        .delete(user.user().id, alert_id(path.into_inner())?)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/job-alerts/{alert_id}/toggle", tag = "job-alerts", security(("bearer" = [])),
    params(("alert_id" = i64, Path, description = "Alert id")),
    responses((status = 200, description = "The alert, switched", body = JobAlertBody), NeedsRole, Missing, Invalid))]
async fn toggle(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
) -> Result<web::Json<JobAlertBody>, ApiError> {
    let alert = state
        .job_alerts
        .toggle(user.user().id, alert_id(path.into_inner())?)
        .await?;
    Ok(web::Json(alert.into()))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct PreviewQuery {
    /// 1 to 100 (default 20)
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
}

#[utoipa::path(get, path = "/api/job-alerts/{alert_id}/preview", tag = "job-alerts", security(("bearer" = [])),
    params(("alert_id" = i64, Path, description = "Alert id"), PreviewQuery),
    responses((status = 200, description = "Published jobs the alert matches now, newest first", body = Preview), NeedsRole, Missing, Invalid))]
async fn preview(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
    ValidQuery(q): ValidQuery<PreviewQuery>,
) -> Result<web::Json<Preview>, ApiError> {
    let id = alert_id(path.into_inner())?;
    let limit = check_range("limit", q.limit.unwrap_or(20), 1, Some(MAX_PREVIEW))?;
    let (alert, jobs) = state.job_alerts.preview(user.user().id, id, limit).await?;
    Ok(web::Json(Preview::new(&alert, jobs)))
}
