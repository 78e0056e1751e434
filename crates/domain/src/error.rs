//! The storage failure every repository port may return.
//!
//! It is deliberately opaque: the domain never branches on SQL details. Conditions the domain does
//! care about (an email already taken, a duplicate application) are variants of each use case's own
//! error enum, mapped from constraint violations by the adapter.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum RepoError {
    /// The store cannot be reached right now (pool timeout, connection refused, not yet migrated).
    /// Callers answer 503 and may retry.
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    /// Anything else. The text is for logs only and never reaches a client.
    #[error("storage failure: {0}")]
    Internal(String),
}
