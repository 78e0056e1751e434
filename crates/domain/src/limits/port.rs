//! The rate limiter port: one atomic counted attempt per call.

use std::time::Duration;

use async_trait::async_trait;
use thiserror::Error;

/// The outcome of one counted attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision {
    /// `false` once the key has used up its budget for the current window.
    pub allowed: bool,
    /// Time left until the current window of this key ends (when a refused caller may retry).
    pub retry_after: Duration,
}

#[derive(Debug, Error)]
pub enum LimitError {
    /// The store could not answer. Callers fail open (see [`Limits`]).
    #[error("rate limit store unavailable: {0}")]
    Unavailable(String),
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait RateLimiter: Send + Sync {
    /// Counts one attempt against `key` in a fixed window of length `window`, which starts with
    /// the key's first attempt, and says whether the attempt is within `limit`.
    ///
    /// MUST be atomic: `limit + 1` concurrent attempts on one key give exactly one refusal (across
    /// replicas too, for a shared store). Refused attempts count as well. `key` may hold personal
    /// data (an email): a store outside the process MUST NOT keep it in the clear, and adapters
    /// MUST NOT log it. `Err` only when the store cannot answer at all.
    async fn hit(&self, key: &str, limit: u32, window: Duration) -> Result<Decision, LimitError>;
}
