//! Abuse limits (CONTRACT 8.17, 9.2): how many attempts each caller gets, per key and per window.
//!
//! The counting itself sits behind the [`RateLimiter`] port (in memory for one instance, Redis so
//! replicas share one budget). [`Limits`] is the small policy service the HTTP layer calls before a
//! use case: it names the keys, picks the budgets and fails open when the store cannot answer, so
//! an outage of the limiter never blocks every sign-in. The use cases themselves know nothing of it.

mod budgets;
mod policy;
mod port;
mod rule;

pub use budgets::{DailyCeilings, RateBudgets, SIGNIN_EMAIL_FACTOR, SIGNIN_IP_FACTOR};
pub use policy::{Limited, Limits, UserAction};
#[cfg(any(test, feature = "mocks"))]
pub use port::MockRateLimiter;
pub use port::{Decision, LimitError, RateLimiter};

#[cfg(test)]
mod tests;
