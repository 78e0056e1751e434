//! Password hashing.

use async_trait::async_trait;
use thiserror::Error;

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
