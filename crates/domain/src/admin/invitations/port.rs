//! The store of the accounts an admin creates.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::command::NewInvitedAccount;
use crate::admin::{AuditRecord, UserRecord};
use crate::error::RepoError;
use crate::mail::OutgoingMail;
use crate::ports::CreateUserError;
use crate::recovery::IssuedResetToken;

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait InvitationRepository: Send + Sync {
    /// In one write transaction: the user with no password hash, its empty candidate or employer
    /// profile, for an employer a **new** company attached to it, the reset token of
    /// `account.token_hash`, `audit` about the new user and `account.mail` queued for delivery. MUST return `EmailTaken` when the
    /// normalised email belongs to another user, including when a concurrent request inserted it
    /// first (the unique index decides), writing nothing then.
    async fn create_account(
        &self,
        account: NewInvitedAccount,
        audit: AuditRecord,
    ) -> Result<UserRecord, CreateUserError>;

    /// In one write transaction, as
    /// [`crate::recovery::ResetTokenRepository::replace_unless_recent`] (the user's other tokens
    /// go, unless one younger than `recent_since` is still usable: then `false` and nothing is
    /// written), and with the new token `audit` about its user and `mail` queued for delivery.
    async fn reissue(
        &self,
        token: IssuedResetToken,
        recent_since: DateTime<Utc>,
        audit: AuditRecord,
        mail: OutgoingMail,
    ) -> Result<bool, RepoError>;
}
