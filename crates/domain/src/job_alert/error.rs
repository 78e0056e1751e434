//! The job alert use cases' errors.

use thiserror::Error;

use super::criteria::InvalidAlert;
use crate::error::RepoError;

#[derive(Debug, Error)]
pub enum JobAlertError {
    /// Not the caller's, or does not exist (never revealed which).
    #[error("job alert not found")]
    NotFound,
    #[error(transparent)]
    Invalid(#[from] InvalidAlert),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum UnsubscribeError {
    /// Malformed, forged, or for an alert that no longer exists.
    #[error("invalid unsubscribe link")]
    InvalidLink,
    #[error(transparent)]
    Repo(#[from] RepoError),
}
