//! What a recovery request led to, and the errors of both use cases.

use thiserror::Error;

use crate::error::RepoError;
use crate::ports::HashError;
use crate::user::PasswordPolicyError;

/// What a forgot-password request led to. Only logged: the client always gets the same answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResetRequestOutcome {
    /// A new link, its mail queued in the outbox.
    Queued,
    /// The account got a link less than [`RESET_LINK_MIN_INTERVAL`] ago that still works: no
    /// new link, no mail.
    ///
    /// [`RESET_LINK_MIN_INTERVAL`]: super::RESET_LINK_MIN_INTERVAL
    RecentLinkKept,
    NoAccount,
    Inactive,
}

#[derive(Debug, Error)]
pub enum ResetRequestError {
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum ResetPasswordError {
    /// Unknown, used or expired token, or an inactive account.
    #[error("reset link invalid or expired")]
    InvalidToken,
    #[error("new password rejected by policy")]
    WeakPassword(PasswordPolicyError),
    #[error(transparent)]
    Hash(#[from] HashError),
    #[error(transparent)]
    Repo(#[from] RepoError),
}
