//! The caller's own notifications: list, count, mark read, delete.

use std::sync::Arc;

use derive_new::new;
use tracing::instrument;

use super::entity::NotificationPage;
use super::error::NotificationError;
use super::port::{NotificationQuery, NotificationRepository};
use crate::error::RepoError;
use crate::ids::{NotificationId, UserId};
use crate::ports::Clock;

#[derive(new)]
pub struct NotificationService {
    pub(super) repo: Arc<dyn NotificationRepository>,
    pub(super) clock: Arc<dyn Clock>,
}

impl NotificationService {
    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn list(
        &self,
        user: UserId,
        unread_only: bool,
        limit: i64,
        offset: i64,
    ) -> Result<NotificationPage, RepoError> {
        self.repo
            .list(NotificationQuery {
                user,
                unread_only,
                limit,
                offset,
            })
            .await
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
        let found = self.repo.mark_read(user, id, self.clock.now()).await?;
        found.then_some(()).ok_or(NotificationError::NotFound)
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn mark_all_read(&self, user: UserId) -> Result<u64, RepoError> {
        self.repo.mark_all_read(user, self.clock.now()).await
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn delete(&self, user: UserId, id: NotificationId) -> Result<(), NotificationError> {
        let found = self.repo.delete(user, id).await?;
        found.then_some(()).ok_or(NotificationError::NotFound)
    }
}
