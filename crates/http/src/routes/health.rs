//! Liveness, readiness and the reference's informational routes (CONTRACT 6, 8.15).

pub mod wire;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use utoipa::OpenApi;

use self::wire::{
    DB_CONNECTED, DbStatus, LIVENESS, Liveness, Ping, ROOT_INFO, Readiness, RootInfo,
    SERVICE_STATUS, ServiceStatus,
};
use crate::error::{ApiError, ErrorBody};
use crate::resource;
use crate::state::AppState;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/", get => root))
        .service(resource!("/health", get => health))
        .service(resource!("/health/ready", get => ready))
        .service(resource!("/api/ping", get => ping))
        .service(resource!("/api/status", get => status))
        .service(resource!("/api/db-status", get => db_status));
}

#[derive(OpenApi)]
#[openapi(paths(root, health, ready, ping, status, db_status))]
pub struct HealthApi;

#[utoipa::path(
    get,
    path = "/",
    tag = "health",
    responses((status = 200, description = "Service information", body = RootInfo))
)]
async fn root() -> web::Json<RootInfo> {
    web::Json(ROOT_INFO)
}

/// Liveness: never touches the database, so a database outage does not restart the process.
#[utoipa::path(
    get,
    path = "/health",
    tag = "health",
    responses((status = 200, description = "Alive (never touches the database)", body = Liveness))
)]
async fn health() -> web::Json<Liveness> {
    web::Json(LIVENESS)
}

/// Readiness: the database and file storage both answer.
#[utoipa::path(
    get,
    path = "/health/ready",
    tag = "health",
    responses((status = 200, description = "Database and storage answer", body = Readiness), (status = 503, description = "Not ready (`not_ready`)", body = Readiness, headers(("Retry-After" = u32))))
)]
async fn ready(state: web::Data<AppState>) -> HttpResponse {
    let readiness = state.health.readiness().await;
    if readiness.is_ready() {
        HttpResponse::Ok().json(Readiness::from(readiness))
    } else {
        HttpResponse::build(StatusCode::SERVICE_UNAVAILABLE)
            .insert_header(("Retry-After", "5"))
            .json(Readiness::from(readiness))
    }
}

#[utoipa::path(
    get,
    path = "/api/ping",
    tag = "health",
    responses((status = 200, description = "Pong", body = Ping))
)]
async fn ping() -> web::Json<Ping> {
    web::Json(Ping::now())
}

#[utoipa::path(
    get,
    path = "/api/status",
    tag = "health",
    responses((status = 200, description = "Static status", body = ServiceStatus))
)]
async fn status() -> web::Json<ServiceStatus> {
    web::Json(SERVICE_STATUS)
}

/// Database readiness without the reference's user count or driver text (CONTRACT S4).
#[utoipa::path(
    get,
    path = "/api/db-status",
    tag = "health",
    responses((status = 200, description = "Database reachable", body = DbStatus), (status = 503, description = "Database unavailable (`database_unavailable`)", body = ErrorBody))
)]
async fn db_status(state: web::Data<AppState>) -> Result<web::Json<DbStatus>, ApiError> {
    if state.health.database_ready().await {
        Ok(web::Json(DB_CONNECTED))
    } else {
        Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "database_unavailable",
            "Database unavailable",
        ))
    }
}
