//! Port traits: what the domain needs from the outside world. Adapters implement them; services hold
//! them as `Arc<dyn Port>`, so adding a port never adds a type parameter.
//!
//! Each method's doc states its error contract. Repository methods are async: the storage adapter
//! runs its synchronous queries on the blocking pool, never on an async worker.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::error::RepoError;
use crate::ids::UserId;
use crate::user::{Email, NewUser, User};

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

/// What deleting a user removed, for the clean-up that must happen after the commit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeletedUser {
    /// Storage keys of the CV files whose rows were deleted; the caller removes the files.
    pub cv_keys: Vec<String>,
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

    /// Stores a new password hash. With `revoke_tokens` the token version is bumped so every token
    /// issued before is refused. Returns the updated user, `Ok(None)` if the user is gone.
    async fn set_password_hash(
        &self,
        id: UserId,
        hash: String,
        revoke_tokens: bool,
        now: DateTime<Utc>,
    ) -> Result<Option<User>, RepoError>;

    /// Changes the email (the token version is kept: the frontend reloads with its old token).
    async fn update_email(
        &self,
        id: UserId,
        email: Email,
        now: DateTime<Utc>,
    ) -> Result<User, UpdateEmailError>;

    /// Deletes the user and everything that hangs off it (CONTRACT 2.15) in one transaction:
    /// notifications, the candidate profile with its experiences, educations, skills, CV rows and
    /// applications, or the employer profile with its jobs and their applications. Candidates who
    /// lose an application this way get a `system` notification. Returns `Ok(None)` when the user
    /// does not exist; nothing is changed on error.
    async fn delete_cascade(
        &self,
        id: UserId,
        now: DateTime<Utc>,
    ) -> Result<Option<DeletedUser>, RepoError>;
}

/// Outcome of checking a password against a stored hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordCheck {
    Mismatch,
    Match,
    /// Correct, but the hash uses a legacy scheme (bcrypt) or outdated parameters: re-hash it.
    MatchNeedsRehash,
}

#[derive(Debug, Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(pub String);

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait PasswordHasher: Send + Sync {
    /// Hashes with the current scheme (argon2id). CPU-heavy: adapters run it off the async workers.
    async fn hash(&self, password: String) -> Result<String, HashError>;

    /// Checks `password` against `hash`. An unknown or corrupt hash format is a `Mismatch`, never an
    /// error the user could observe differently.
    async fn verify(&self, password: String, hash: String) -> Result<PasswordCheck, HashError>;

    /// Spends about as long as a real verification, so that unknown emails cannot be told from
    /// wrong passwords by timing.
    async fn dummy_verify(&self);
}

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

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The real clock, truncated to microseconds so timestamps round-trip exactly through both
/// databases.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        let now = Utc::now();
        DateTime::from_timestamp_micros(now.timestamp_micros()).unwrap_or(now)
    }
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait DatabaseHealth: Send + Sync {
    /// Runs a trivial query. `Err` when the database is unreachable or not yet migrated.
    async fn ping(&self) -> Result<(), RepoError>;
}
