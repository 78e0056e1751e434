//! One error enum per use case.

use thiserror::Error;

use crate::error::RepoError;

#[derive(Debug, Error)]
pub enum InviteError {
    /// An employer needs a company name (not blank).
    #[error("company name required for an employer")]
    CompanyNameRequired,
    /// Another user has this email (compared case-insensitively).
    #[error("email already registered")]
    EmailTaken,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum ResendCredentialsError {
    #[error("user not found")]
    NotFound,
    /// Admins' credentials are not the back-office's business (CONTRACT 9.16).
    #[error("target is an admin")]
    TargetIsAdmin,
    /// A deactivated account's links do not work (they need an active user).
    #[error("account is inactive")]
    Inactive,
    /// A link went out less than a minute ago; it was kept and nothing was sent.
    #[error("a link was sent less than a minute ago")]
    RecentlySent,
    #[error(transparent)]
    Repo(#[from] RepoError),
}
