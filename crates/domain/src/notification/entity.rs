//! Notifications and their kinds.

use chrono::{DateTime, Utc};

use crate::ids::{ApplicationId, JobId, NotificationId, UserId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotificationKind {
    NewApplication,
    StatusChange,
    NewJob,
    Message,
    System,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 5] = [
        NotificationKind::NewApplication,
        NotificationKind::StatusChange,
        NotificationKind::NewJob,
        NotificationKind::Message,
        NotificationKind::System,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::NewApplication => "new_application",
            NotificationKind::StatusChange => "status_change",
            NotificationKind::NewJob => "new_job",
            NotificationKind::Message => "message",
            NotificationKind::System => "system",
        }
    }

    pub fn parse(value: &str) -> Option<NotificationKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// A notification to create, built by the use case that causes it and written by the repository
/// in the same transaction as that event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewNotification {
    pub user_id: UserId,
    pub kind: NotificationKind,
    pub title: String,
    pub message: String,
    pub related_job_id: Option<JobId>,
    pub related_application_id: Option<ApplicationId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    pub id: NotificationId,
    pub kind: NotificationKind,
    pub title: String,
    pub message: String,
    pub related_job_id: Option<JobId>,
    pub related_application_id: Option<ApplicationId>,
    pub is_read: bool,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotificationPage {
    pub items: Vec<Notification>,
    /// Size of the filtered set.
    pub total: i64,
    /// Every unread notification of the user, whatever the filter.
    pub unread_count: i64,
}
