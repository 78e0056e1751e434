//! Password recovery by email (CONTRACT 8.10, 9.7): a single-use, hashed, one-hour token sent as a
//! link to the frontend's reset page.
//!
//! `send_reset_link` is meant to run off the request path (the HTTP layer spawns it), so the answer
//! to `forgot-password` is the same, in the same time, whether or not the address has an account.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use thiserror::Error;
use tracing::{info, instrument};

use crate::error::RepoError;
use crate::ids::UserId;
use crate::mail::{MailError, Mailer, OutgoingMail};
use crate::ports::{Clock, HashError, PasswordHasher, UserRepository};
use crate::user::{PasswordPolicyError, User, check_password_policy, normalize_email};

/// How long a reset link works.
pub const RESET_TOKEN_TTL: TimeDelta = TimeDelta::hours(1);

/// Longest token accepted on reset: real ones are 43 characters; anything far longer is not worth
/// hashing.
const MAX_TOKEN_LEN: usize = 256;

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
    /// In one write transaction: removes the user's earlier tokens (used or not) and stores this
    /// one, so only the newest link works.
    async fn replace(
        &self,
        user: UserId,
        token_hash: String,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), RepoError>;

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

/// Where links point.
#[derive(Clone, Debug)]
pub struct RecoverySettings {
    /// The frontend's origin (`FRONTEND_URL`), without a trailing slash.
    pub frontend_url: String,
}

/// What a forgot-password request led to. Only logged: the client always gets the same answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResetRequestOutcome {
    Sent,
    NoAccount,
    Inactive,
}

#[derive(Debug, Error)]
pub enum ResetRequestError {
    #[error(transparent)]
    Repo(#[from] RepoError),
    #[error(transparent)]
    Mail(#[from] MailError),
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

pub struct PasswordResetService {
    users: Arc<dyn UserRepository>,
    resets: Arc<dyn ResetTokenRepository>,
    tokens: Arc<dyn ResetTokens>,
    hasher: Arc<dyn PasswordHasher>,
    mailer: Arc<dyn Mailer>,
    clock: Arc<dyn Clock>,
    settings: RecoverySettings,
}

impl PasswordResetService {
    pub fn new(
        users: Arc<dyn UserRepository>,
        resets: Arc<dyn ResetTokenRepository>,
        tokens: Arc<dyn ResetTokens>,
        hasher: Arc<dyn PasswordHasher>,
        mailer: Arc<dyn Mailer>,
        clock: Arc<dyn Clock>,
        settings: RecoverySettings,
    ) -> Self {
        Self {
            users,
            resets,
            tokens,
            hasher,
            mailer,
            clock,
            settings,
        }
    }

    /// Emails a reset link when `raw_email` belongs to an active account; does nothing otherwise.
    /// Accounts without a password (legacy) may use it to set one.
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
        let now = self.clock.now();
        self.resets
            .replace(
                user.id,
                self.tokens.hash(&token),
                now + RESET_TOKEN_TTL,
                now,
            )
            .await?;
        self.mailer.send(self.reset_mail(&user, &token)).await?;
        info!(user_id = %user.id, "password reset link sent");
        Ok(ResetRequestOutcome::Sent)
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

    fn reset_mail(&self, user: &User, token: &str) -> OutgoingMail {
        let link = format!(
            "{}/auth/reset-password?token={token}",
            self.settings.frontend_url.trim_end_matches('/')
        );
        OutgoingMail {
            to: user.email.clone(),
            subject: "Réinitialisation de votre mot de passe IntoWork".to_owned(),
            text: format!(
                "Bonjour {first},\n\n\
                 Vous avez demandé à réinitialiser le mot de passe de votre compte IntoWork.\n\
                 Ouvrez ce lien pour choisir un nouveau mot de passe (il expire dans une heure et ne \
                 sert qu'une fois) :\n\n{link}\n\n\
                 Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de \
                 passe reste inchangé.\n\n\
                 L'équipe IntoWork\n",
                first = user.first_name
            ),
        }
    }
}

#[cfg(test)]
mod tests;
