//! One error enum per admin use case.

use thiserror::Error;

use crate::error::RepoError;

#[derive(Debug, Error)]
pub enum SetActiveError {
    /// An admin targeting their own account, whatever the requested state.
    #[error("cannot change one's own account")]
    OwnAccount,
    #[error("user not found")]
    NotFound,
    #[error("target is an admin")]
    TargetIsAdmin,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum DeleteUserError {
    #[error("cannot delete one's own account")]
    OwnAccount,
    #[error("user not found")]
    NotFound,
    #[error("target is an admin")]
    TargetIsAdmin,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum FindUserError {
    #[error("user not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}
