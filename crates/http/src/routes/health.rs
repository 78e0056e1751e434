//! Liveness, readiness and the reference's informational routes (CONTRACT 6, 8.15).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde_json::json;

use crate::dto::rfc3339;
use crate::error::ApiError;
use crate::openapi::schemas as oa;
use crate::resource;
use crate::state::AppState;

const SERVICE: &str = "intowork-backend";

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/", get => root))
        .service(resource!("/health", get => health))
        .service(resource!("/health/ready", get => ready))
        .service(resource!("/api/ping", get => ping))
        .service(resource!("/api/status", get => status))
        .service(resource!("/api/db-status", get => db_status));
}

#[utoipa::path(
    get,
    path = "/",
    tag = "health",
    responses((status = 200, description = "Service information", body = oa::RootInfo))
)]
async fn root() -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "status": "ok", "service": SERVICE, "version": "1.0.0", "docs": "/docs"
    }))
}

/// Liveness: never touches the database, so a database outage does not restart the process.
#[utoipa::path(
    get,
    path = "/health",
    tag = "health",
    responses((status = 200, description = "Alive (never touches the database)", body = oa::Liveness))
)]
async fn health() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "healthy", "service": SERVICE }))
}

/// Readiness: the database and file storage both answer.
#[utoipa::path(
    get,
    path = "/health/ready",
    tag = "health",
    responses((status = 200, description = "Database and storage answer", body = oa::Readiness), (status = 503, description = "Not ready (`not_ready`)", body = oa::Readiness, headers(("Retry-After" = u32))))
)]
async fn ready(state: web::Data<AppState>) -> HttpResponse {
    let r = state.health.readiness().await;
    let word = |ok: bool| if ok { "ok" } else { "unavailable" };
    let mut body = json!({
        "status": if r.is_ready() { "ready" } else { "unavailable" },
        "database": word(r.database),
        "storage": word(r.storage),
    });
    if r.is_ready() {
        HttpResponse::Ok().json(body)
    } else {
        body["detail"] = json!("Service not ready");
        body["code"] = json!("not_ready");
        HttpResponse::build(StatusCode::SERVICE_UNAVAILABLE)
            .insert_header(("Retry-After", "5"))
            .json(body)
    }
}

#[utoipa::path(
    get,
    path = "/api/ping",
    tag = "health",
    responses((status = 200, description = "Pong", body = oa::Ping))
)]
async fn ping() -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "ping": "pong", "timestamp": rfc3339(&Utc::now()), "service": SERVICE
    }))
}

#[utoipa::path(
    get,
    path = "/api/status",
    tag = "health",
    responses((status = 200, description = "Static status", body = oa::ServiceStatus))
)]
async fn status() -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "status": "running",
        "phase": "Phase 1 - Foundation",
        "features": ["ping", "health_check"],
        "next": "database_models"
    }))
}

/// Database readiness without the reference's user count or driver text (CONTRACT S4).
#[utoipa::path(
    get,
    path = "/api/db-status",
    tag = "health",
    responses((status = 200, description = "Database reachable", body = oa::DbStatus), (status = 503, description = "Database unavailable (`database_unavailable`)", body = oa::ErrorBody))
)]
async fn db_status(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    if state.health.database_ready().await {
        Ok(HttpResponse::Ok().json(json!({
            "status": "connected",
            "test_query": 1,
            "message": "Database connection successful"
        })))
    } else {
        Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "database_unavailable",
            "Database unavailable",
        ))
    }
}
