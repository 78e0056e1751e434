//! Notifications: what users are told about applications and jobs (CONTRACT 2.11, 3.8).

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use thiserror::Error;
use tracing::instrument;

use crate::error::RepoError;
use crate::ids::{ApplicationId, JobId, NotificationId, UserId};
use crate::ports::Clock;

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

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait NotificationRepository: Send + Sync {
    /// The user's notifications, newest first (`created_at DESC, id DESC`).
    async fn list(
        &self,
        user: UserId,
        unread_only: bool,
        limit: i64,
        offset: i64,
    ) -> Result<NotificationPage, RepoError>;

    async fn unread_count(&self, user: UserId) -> Result<i64, RepoError>;

    /// Marks one of the user's notifications read, keeping the first `read_at`. `Ok(false)` when
    /// it is not theirs or does not exist.
    async fn mark_read(
        &self,
        user: UserId,
        id: NotificationId,
        now: DateTime<Utc>,
    ) -> Result<bool, RepoError>;

    /// Marks every unread notification of the user read.
    async fn mark_all_read(&self, user: UserId, now: DateTime<Utc>) -> Result<u64, RepoError>;

    /// `Ok(false)` when it is not theirs or does not exist.
    async fn delete(&self, user: UserId, id: NotificationId) -> Result<bool, RepoError>;
}

#[derive(Debug, Error)]
pub enum NotificationError {
    /// Not the caller's, or does not exist (never revealed which).
    #[error("notification not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

pub struct NotificationService {
    repo: Arc<dyn NotificationRepository>,
    clock: Arc<dyn Clock>,
}

impl NotificationService {
    pub fn new(repo: Arc<dyn NotificationRepository>, clock: Arc<dyn Clock>) -> Self {
        Self { repo, clock }
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn list(
        &self,
        user: UserId,
        unread_only: bool,
        limit: i64,
        offset: i64,
    ) -> Result<NotificationPage, RepoError> {
        self.repo.list(user, unread_only, limit, offset).await
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn unread_count(&self, user: UserId) -> Result<i64, RepoError> {
        self.repo.unread_count(user).await
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn mark_read(
        &self,
        user: UserId,
        id: NotificationId,
    ) -> Result<(), NotificationError> {
        if self.repo.mark_read(user, id, self.clock.now()).await? {
            Ok(())
        } else {
            Err(NotificationError::NotFound)
        }
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn mark_all_read(&self, user: UserId) -> Result<u64, RepoError> {
        self.repo.mark_all_read(user, self.clock.now()).await
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn delete(&self, user: UserId, id: NotificationId) -> Result<(), NotificationError> {
        if self.repo.delete(user, id).await? {
            Ok(())
        } else {
            Err(NotificationError::NotFound)
        }
    }
}

#[cfg(test)]
mod tests;
