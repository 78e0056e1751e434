//! Access tokens.

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::ids::UserId;
use crate::user::User;

/// The claims the domain reads back from a verified token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenClaims {
    pub user_id: UserId,
    pub token_version: i64,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("token expired")]
    Expired,
    /// Bad signature, wrong algorithm, malformed, missing `exp` or `sub`.
    #[error("invalid token")]
    Invalid,
    #[error("token could not be issued: {0}")]
    Issue(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuedToken {
    pub access_token: String,
    pub expires_at: DateTime<Utc>,
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
pub trait TokenIssuer: Send + Sync {
    /// Issues an access token for `user` (claims `sub`, `email`, `role`, `iat`, `exp`, `ver`).
    fn issue(&self, user: &User, now: DateTime<Utc>) -> Result<IssuedToken, TokenError>;

    /// Verifies signature and expiry. MUST return `Expired` only for a correctly signed token whose
    /// `exp` has passed, and `Invalid` for everything else that is wrong.
    fn verify(&self, token: &str) -> Result<TokenClaims, TokenError>;
}
