//! `/api/notifications` (CONTRACT 3.8, 1.4 offset envelope): any authenticated user, only ever
//! their own notifications. The fixed paths (`unread-count`, `mark-all-read`) are registered before
//! `{notification_id}` so they are never taken for an id.

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use intowork_domain::NotificationId;
use intowork_domain::notification::{Notification, NotificationPage};
use serde::{Deserialize, Serialize};

use crate::dto::{Message, ser_opt_time, ser_time};
use crate::error::ApiError;
use crate::extract::{AuthUser, ValidQuery};
use crate::openapi::schemas as oa;
use crate::resource;
use crate::routes::wire::{check_range, query_bool, query_int};
use crate::state::AppState;

const DEFAULT_LIMIT: i64 = 20;
const MAX_LIMIT: i64 = 100;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!(["/api/notifications", "/api/notifications/"], get => list))
        .service(resource!("/api/notifications/unread-count", get => unread_count))
        .service(resource!("/api/notifications/mark-all-read", put => mark_all_read))
        .service(resource!("/api/notifications/{notification_id}/read", put => mark_read))
        .service(resource!("/api/notifications/{notification_id}", delete => delete));
}

#[derive(Serialize)]
pub struct NotificationDto<'a> {
    id: i64,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    message: &'a str,
    related_job_id: Option<i64>,
    related_application_id: Option<i64>,
    is_read: bool,
    #[serde(serialize_with = "ser_opt_time")]
    read_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "ser_time")]
    created_at: DateTime<Utc>,
}

pub fn notification_dto(n: &Notification) -> NotificationDto<'_> {
    NotificationDto {
        id: n.id.get(),
        kind: n.kind.as_str(),
        title: &n.title,
        message: &n.message,
        related_job_id: n.related_job_id.map(|j| j.get()),
        related_application_id: n.related_application_id.map(|a| a.get()),
        is_read: n.is_read,
        read_at: n.read_at,
        created_at: n.created_at,
    }
}

#[derive(Serialize)]
struct ListDto<'a> {
    notifications: Vec<NotificationDto<'a>>,
    total: i64,
    unread_count: i64,
}

fn list_dto(page: &NotificationPage) -> ListDto<'_> {
    ListDto {
        notifications: page.items.iter().map(notification_dto).collect(),
        total: page.total,
        unread_count: page.unread_count,
    }
}

#[derive(Deserialize)]
struct ListQuery {
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    #[serde(default, deserialize_with = "query_int")]
    offset: Option<i64>,
    #[serde(default, deserialize_with = "query_bool")]
    unread_only: Option<bool>,
}

#[utoipa::path(
    get,
    path = "/api/notifications",
    tag = "notifications",
    security(("bearer" = [])),
    params(("limit" = Option<i64>, Query, description = "1 to 100 (default 20)"), ("offset" = Option<i64>, Query, description = "≥ 0 (default 0)"), ("unread_only" = Option<bool>, Query, description = "Only unread ones")),
    responses((status = 200, description = "Newest first", body = oa::NotificationList), oa::NeedsAuth, oa::Invalid)
)]
async fn list(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    ValidQuery(q): ValidQuery<ListQuery>,
) -> Result<HttpResponse, ApiError> {
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
    Ok(HttpResponse::Ok().json(list_dto(&page)))
}

#[derive(Serialize)]
struct UnreadDto {
    unread_count: i64,
}

#[utoipa::path(
    get,
    path = "/api/notifications/unread-count",
    tag = "notifications",
    security(("bearer" = [])),
    responses((status = 200, description = "Unread count", body = oa::UnreadCount), oa::NeedsAuth)
)]
async fn unread_count(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
) -> Result<HttpResponse, ApiError> {
    let unread_count = state.notifications.unread_count(user.id).await?;
    Ok(HttpResponse::Ok().json(UnreadDto { unread_count }))
}

#[utoipa::path(
    put,
    path = "/api/notifications/{notification_id}/read",
    tag = "notifications",
    security(("bearer" = [])),
    params(("notification_id" = i64, Path, description = "Notification id")),
    responses((status = 200, description = "Read", body = oa::MessageBody), oa::NeedsAuth, oa::Missing, oa::Invalid)
)]
async fn mark_read(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = NotificationId(path.into_inner());
    state.notifications.mark_read(user.id, id).await?;
    Ok(HttpResponse::Ok().json(Message {
        message: "Notification marquée comme lue",
    }))
}

#[utoipa::path(
    put,
    path = "/api/notifications/mark-all-read",
    tag = "notifications",
    security(("bearer" = [])),
    responses((status = 200, description = "All read", body = oa::MessageBody), oa::NeedsAuth)
)]
async fn mark_all_read(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
) -> Result<HttpResponse, ApiError> {
    state.notifications.mark_all_read(user.id).await?;
    Ok(HttpResponse::Ok().json(Message {
        message: "Toutes les notifications marquées comme lues",
    }))
}

#[utoipa::path(
    delete,
    path = "/api/notifications/{notification_id}",
    tag = "notifications",
    security(("bearer" = [])),
    params(("notification_id" = i64, Path, description = "Notification id")),
    responses((status = 200, description = "Deleted", body = oa::MessageBody), oa::NeedsAuth, oa::Missing, oa::Invalid)
)]
async fn delete(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = NotificationId(path.into_inner());
    state.notifications.delete(user.id, id).await?;
    Ok(HttpResponse::Ok().json(Message {
        message: "Notification supprimée",
    }))
}
