//! The notification repository port.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::entity::NotificationPage;
use crate::error::RepoError;
use crate::ids::{NotificationId, UserId};

/// One page of a user's notifications: whose, whether only the unread ones, and the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotificationQuery {
    pub user: UserId,
    pub unread_only: bool,
    pub limit: i64,
    pub offset: i64,
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait NotificationRepository: Send + Sync {
    /// The user's notifications, newest first (`created_at DESC, id DESC`).
    async fn list(&self, query: NotificationQuery) -> Result<NotificationPage, RepoError>;

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
