//! The ports recovery needs: token generation and hashing, and the stored (hashed) tokens.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::error::RepoError;
use crate::ids::UserId;
use crate::mail::OutgoingMail;
use crate::user::User;

/// A reset token as it is stored: whose it is, its hash (never the token), when it was issued
/// and when it stops working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuedResetToken {
    pub user: UserId,
    pub token_hash: String,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// Creates reset tokens and the value stored in their place.
#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
pub trait ResetTokens: Send + Sync {
    /// A fresh, URL-safe token with at least 256 bits of randomness.
    fn generate(&self) -> String;

    /// What is stored instead of the token (SHA-256, hex). Deterministic; no secret involved, so a
    /// leaked table gives no usable link.
    fn hash(&self, token: &str) -> String;
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait ResetTokenRepository: Send + Sync {
    /// In one write transaction: unless the user holds a usable token (unused, not expired at
    /// `token.issued_at`) issued after `recent_since`, removes the user's earlier tokens
    /// (used or not), stores this one, so only the newest link works, and queues `mail` (the
    /// link) in the outbox. Returns whether it stored; when it did not, no mail is queued
    /// either. One transaction, so concurrent requests cannot both pass the check, and a token
    /// is never stored without its mail nor a mail queued for a token that was not.
    async fn replace_unless_recent(
        &self,
        token: IssuedResetToken,
        recent_since: DateTime<Utc>,
        mail: OutgoingMail,
    ) -> Result<bool, RepoError>;

    /// `true` when a token with this hash is unused, expires after `now` and belongs to an active
    /// user. A read only: [`ResetTokenRepository::consume`] checks again.
    async fn is_usable(&self, token_hash: String, now: DateTime<Utc>) -> Result<bool, RepoError>;

    /// In one write transaction: marks the token used, stores `password_hash` and bumps the token
    /// version (older access tokens die). `Ok(None)` when the token is unknown, used, expired, or
    /// its user inactive; nothing is written then. MUST succeed at most once per token, also when
    /// two requests race.
    async fn consume(
        &self,
        token_hash: String,
        password_hash: String,
        now: DateTime<Utc>,
    ) -> Result<Option<User>, RepoError>;
}
