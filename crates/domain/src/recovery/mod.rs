//! Password recovery by email (CONTRACT 8.10, 9.7): a single-use, hashed, one-hour token sent as a
//! link to the frontend's reset page.
//!
//! `send_reset_link` stores the token and queues its mail in one transaction; the outbox delivers
//! it. It is meant to run off the request path (the HTTP layer spawns it), so the answer to
//! `forgot-password` is the same, in the same time, whether or not the address has an account.

mod error;
mod mail;
mod port;
mod service;

pub use error::{ResetPasswordError, ResetRequestError, ResetRequestOutcome};
pub use mail::RecoverySettings;
pub use port::{IssuedResetToken, ResetTokenRepository, ResetTokens};
#[cfg(any(test, feature = "mocks"))]
pub use port::{MockResetTokenRepository, MockResetTokens};
pub use service::{PasswordResetService, RESET_LINK_MIN_INTERVAL, RESET_TOKEN_TTL};

#[cfg(test)]
mod tests;
