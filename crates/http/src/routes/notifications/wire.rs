//! Bodies of the notification routes (CONTRACT 3.8, 1.4 offset envelope).

use chrono::{DateTime, Utc};
use intowork_domain::notification::{self, NotificationPage};
use serde::Serialize;
use utoipa::ToSchema;

use crate::wire::{NotificationType, ser_opt_time, ser_time};

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Notification {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: NotificationType,
    pub title: String,
    pub message: String,
    pub related_job_id: Option<i64>,
    pub related_application_id: Option<i64>,
    pub is_read: bool,
    #[serde(serialize_with = "ser_opt_time")]
    pub read_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
}

impl From<notification::Notification> for Notification {
    fn from(n: notification::Notification) -> Self {
        Self {
            id: n.id.get(),
            kind: n.kind.into(),
            title: n.title,
            message: n.message,
            related_job_id: n.related_job_id.map(|j| j.get()),
            related_application_id: n.related_application_id.map(|a| a.get()),
            is_read: n.is_read,
            read_at: n.read_at,
            created_at: n.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationList {
    pub notifications: Vec<Notification>,
    pub total: i64,
    pub unread_count: i64,
}

impl From<NotificationPage> for NotificationList {
    fn from(page: NotificationPage) -> Self {
        Self {
            notifications: page.items.into_iter().map(Notification::from).collect(),
            total: page.total,
            unread_count: page.unread_count,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnreadCount {
    pub unread_count: i64,
}
