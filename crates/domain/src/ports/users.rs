//! The user store.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use thiserror::Error;

use super::account_removal::{AccountRemoval, DeletedUser};
use super::commit::Commit;
use crate::error::RepoError;
use crate::ids::UserId;
use crate::user::{Email, NewUser, User};

/// Why a password hash is written, which decides what else the write does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordHashChange {
    /// The same password under a stronger hash (the sign-in upgrade): nothing else changes.
    Rehash,
    /// A new password: every token issued before is refused (the token version is bumped) and
    /// every outstanding password-reset link dies with the old password.
    NewPassword,
}

#[derive(Debug, Error)]
pub enum CreateUserError {
    /// Another user already has this email (compared case-insensitively).
    #[error("email already registered")]
    EmailTaken,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum UpdateEmailError {
    /// Another user already has this email (compared case-insensitively).
    #[error("email already in use")]
    EmailTaken,
    /// The user vanished between authentication and the update.
    #[error("user not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait UserRepository: Send + Sync {
    /// Inserts the user and its empty candidate or employer profile in one transaction.
    /// MUST return `EmailTaken` when `new.email.normalized()` belongs to another user, including
    /// when a concurrent request inserted it first (the unique index decides, not a prior read).
    async fn create_with_profile(&self, new: NewUser) -> Result<User, CreateUserError>;

    /// `Ok(None)` when no user has this id.
    async fn find_by_id(&self, id: UserId) -> Result<Option<User>, RepoError>;

    /// Looks a user up by the normalised email (see [`crate::user::normalize_email`]).
    async fn find_by_email(&self, email_norm: &str) -> Result<Option<User>, RepoError>;

    /// Stores a password hash, with the effects `change` names (see [`PasswordHashChange`]), all
    /// in one transaction. Returns the updated user, `Ok(None)` if the user is gone.
    async fn set_password_hash(
        &self,
        id: UserId,
        hash: String,
        change: PasswordHashChange,
        now: DateTime<Utc>,
    ) -> Result<Option<User>, RepoError>;

    /// Changes the email (the token version is kept: the frontend reloads with its old token) and,
    /// in the same transaction, MUST delete the user's password-reset tokens: a link mailed to the
    /// old address must not set a password once the address has changed.
    async fn update_email(
        &self,
        id: UserId,
        email: Email,
        now: DateTime<Utc>,
    ) -> Result<User, UpdateEmailError>;

    /// The candidates' user ids with an application to a job of `employer_user`'s employer
    /// profile (the user itself excluded), ascending and distinct; empty for other accounts.
    async fn applicants_of(&self, employer_user: UserId) -> Result<Vec<UserId>, RepoError>;

    /// In one transaction: writes `removal.notifications` and deletes the user with everything
    /// that hangs off it (CONTRACT 2.15): notifications, the candidate profile with its
    /// experiences, educations, skills, CV rows and applications, or the employer profile with its
    /// jobs and their applications. MUST answer `NotFound` when the user does not exist and
    /// `Stale` when [`UserRepository::applicants_of`] no longer equals `removal.applicants`,
    /// writing nothing in both cases.
    async fn delete_account(
        &self,
        removal: AccountRemoval,
    ) -> Result<Commit<DeletedUser>, RepoError>;
}
