//! The two recovery use cases: sending a reset link, and setting a new password with it.

use std::sync::Arc;

use chrono::TimeDelta;
use derive_new::new;
use tracing::{info, instrument};

use super::error::{ResetPasswordError, ResetRequestError, ResetRequestOutcome};
use super::mail::{RecoverySettings, reset_mail};
use super::port::{IssuedResetToken, ResetTokenRepository, ResetTokens};
use crate::ports::{Clock, PasswordHasher, UserRepository};
use crate::user::{check_password_policy, normalize_email};

/// How long a reset link works.
pub const RESET_TOKEN_TTL: TimeDelta = TimeDelta::hours(1);

/// A working link is replaced at most once in this time: whoever asks, and from however many
/// addresses, a mailbox gets at most one reset mail a minute, and the owner's link is not
/// replaced under their feet by a stranger's requests. The answer to the request stays the same.
pub const RESET_LINK_MIN_INTERVAL: TimeDelta = TimeDelta::seconds(60);

/// Longest token accepted on reset: real ones are 43 characters; anything far longer is not worth
/// hashing.
const MAX_TOKEN_LEN: usize = 256;

#[derive(new)]
pub struct PasswordResetService {
    pub(super) users: Arc<dyn UserRepository>,
    pub(super) resets: Arc<dyn ResetTokenRepository>,
    pub(super) tokens: Arc<dyn ResetTokens>,
    pub(super) hasher: Arc<dyn PasswordHasher>,
    pub(super) clock: Arc<dyn Clock>,
    pub(super) settings: RecoverySettings,
}

impl PasswordResetService {
    /// Queues a reset link mail (in the transaction that stores its token; the outbox delivers
    /// it) when `raw_email` belongs to an active account whose newest working link is older than
    /// [`RESET_LINK_MIN_INTERVAL`]; does nothing otherwise. Accounts without a password (legacy)
    /// may use it to set one.
    #[instrument(skip_all)]
    pub async fn send_reset_link(
        &self,
        raw_email: &str,
    ) -> Result<ResetRequestOutcome, ResetRequestError> {
        let Some(user) = self
            .users
            .find_by_email(&normalize_email(raw_email))
            .await?
        else {
            return Ok(ResetRequestOutcome::NoAccount);
        };
        if !user.is_active {
            info!(user_id = %user.id, "password reset requested for an inactive account; no mail");
            return Ok(ResetRequestOutcome::Inactive);
        }
        let token = self.tokens.generate();
        let mail = reset_mail(&self.settings, &user, &token);
        let now = self.clock.now();
        let stored = self
            .resets
            .replace_unless_recent(
                IssuedResetToken {
                    user: user.id,
                    token_hash: self.tokens.hash(&token),
                    issued_at: now,
                    expires_at: now + RESET_TOKEN_TTL,
                },
                now - RESET_LINK_MIN_INTERVAL,
                mail,
            )
            .await?;
        if !stored {
            info!(user_id = %user.id, "password reset link sent less than a minute ago; kept it, no mail");
            return Ok(ResetRequestOutcome::RecentLinkKept);
        }
        info!(user_id = %user.id, "password reset link queued");
        Ok(ResetRequestOutcome::Queued)
    }

    /// Sets a new password with a token from a reset link. The token is checked before the
    /// (costly) hashing, and again, atomically, when it is consumed.
    #[instrument(skip_all)]
    pub async fn reset_password(
        &self,
        token: &str,
        new_password: String,
    ) -> Result<(), ResetPasswordError> {
        let token = token.trim();
        if token.is_empty() || token.len() > MAX_TOKEN_LEN {
            return Err(ResetPasswordError::InvalidToken);
        }
        let token_hash = self.tokens.hash(token);
        if !self
            .resets
            .is_usable(token_hash.clone(), self.clock.now())
            .await?
        {
            return Err(ResetPasswordError::InvalidToken);
        }
        check_password_policy(&new_password).map_err(ResetPasswordError::WeakPassword)?;
        let password_hash = self.hasher.hash(new_password).await?;
        let user = self
            .resets
            .consume(token_hash, password_hash, self.clock.now())
            .await?
            .ok_or(ResetPasswordError::InvalidToken)?;
        info!(user_id = %user.id, "password reset; older tokens revoked");
        Ok(())
    }
}
