//! The notification use cases' error.

use thiserror::Error;

use crate::error::RepoError;

#[derive(Debug, Error)]
pub enum NotificationError {
    /// Not the caller's, or does not exist (never revealed which).
    #[error("notification not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}
