//! `/api/notifications` (CONTRACT 3.8, 1.4 offset envelope): any authenticated user, only ever
//! their own notifications. The fixed paths (`unread-count`, `mark-all-read`) are registered before
//! `{notification_id}` so they are never taken for an id.

pub mod wire;

use actix_web::web;
use intowork_domain::NotificationId;
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

use self::wire::{NotificationList, UnreadCount};
use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing, NeedsAuth};
use crate::extract::{AuthUser, ValidQuery};
use crate::resource;
use crate::state::AppState;
use crate::wire::{MessageBody, check_range, query_bool, query_int};

const DEFAULT_LIMIT: i64 = 20;
const MAX_LIMIT: i64 = 100;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!(["/api/notifications", "/api/notifications/"], get => list))
        .service(resource!("/api/notifications/unread-count", get => unread_count))
        .service(resource!("/api/notifications/mark-all-read", put => mark_all_read))
        .service(resource!("/api/notifications/{notification_id}/read", put => mark_read))
        .service(resource!("/api/notifications/{notification_id}", delete => delete));
}

#[derive(OpenApi)]
#[openapi(paths(list, unread_count, mark_all_read, mark_read, delete))]
pub struct NotificationsApi;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// 1 to 100 (default 20)
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    /// ≥ 0 (default 0)
    #[serde(default, deserialize_with = "query_int")]
    offset: Option<i64>,
    /// Only unread ones
    #[serde(default, deserialize_with = "query_bool")]
    unread_only: Option<bool>,
}

#[utoipa::path(
    get,
    path = "/api/notifications",
    tag = "notifications",
    security(("bearer" = [])),
    params(ListQuery),
    responses((status = 200, description = "Newest first", body = NotificationList), NeedsAuth, Invalid)
)]
async fn list(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    ValidQuery(q): ValidQuery<ListQuery>,
) -> Result<web::Json<NotificationList>, ApiError> {
    let limit = check_range(
        "limit",
        q.limit.unwrap_or(DEFAULT_LIMIT),
        1,
        Some(MAX_LIMIT),
    )?;
    let offset = check_range("offset", q.offset.unwrap_or(0), 0, None)?;
    let unread_only = q.unread_only.unwrap_or(false);
    let page = state
        .notifications
        .list(user.id, unread_only, limit, offset)
        .await?;
    Ok(web::Json(page.into()))
}

#[utoipa::path(
    get,
    path = "/api/notifications/unread-count",
    tag = "notifications",
    security(("bearer" = [])),
    responses((status = 200, description = "Unread count", body = UnreadCount), NeedsAuth)
)]
async fn unread_count(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
) -> Result<web::Json<UnreadCount>, ApiError> {
    let unread_count = state.notifications.unread_count(user.id).await?;
    Ok(web::Json(UnreadCount { unread_count }))
}

#[utoipa::path(
    put,
    path = "/api/notifications/{notification_id}/read",
    tag = "notifications",
    security(("bearer" = [])),
    params(("notification_id" = i64, Path, description = "Notification id")),
    responses((status = 200, description = "Read", body = MessageBody), NeedsAuth, Missing, Invalid)
)]
async fn mark_read(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    path: web::Path<i64>,
) -> Result<web::Json<MessageBody>, ApiError> {
    let id = NotificationId(path.into_inner());
    state.notifications.mark_read(user.id, id).await?;
    Ok(web::Json(MessageBody::new(
        "Notification marquée comme lue",
    )))
}

#[utoipa::path(
    put,
    path = "/api/notifications/mark-all-read",
    tag = "notifications",
    security(("bearer" = [])),
    responses((status = 200, description = "All read", body = MessageBody), NeedsAuth)
)]
async fn mark_all_read(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
) -> Result<web::Json<MessageBody>, ApiError> {
    state.notifications.mark_all_read(user.id).await?;
    Ok(web::Json(MessageBody::new(
        "Toutes les notifications marquées comme lues",
    )))
}

#[utoipa::path(
    delete,
    path = "/api/notifications/{notification_id}",
    tag = "notifications",
    security(("bearer" = [])),
    params(("notification_id" = i64, Path, description = "Notification id")),
    responses((status = 200, description = "Deleted", body = MessageBody), NeedsAuth, Missing, Invalid)
)]
async fn delete(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    path: web::Path<i64>,
) -> Result<web::Json<MessageBody>, ApiError> {
    let id = NotificationId(path.into_inner());
    state.notifications.delete(user.id, id).await?;
    Ok(web::Json(MessageBody::new("Notification supprimée")))
}
