//! Outgoing email: the port the account-recovery use case sends through (CONTRACT 8.10, 9.7). The
//! adapters (a log mailer, SMTP) live in `intowork-mail`.

use std::fmt;

use async_trait::async_trait;
use thiserror::Error;

/// One plain-text message to one recipient.
#[derive(Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    /// May hold a secret (a password reset link): never logged, and hidden from `Debug`.
    pub text: String,
}

impl fmt::Debug for OutgoingMail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OutgoingMail")
            .field("to", &self.to)
            .field("subject", &self.subject)
            .field("text", &"[redacted]")
            .finish()
    }
}

#[derive(Debug, Error)]
pub enum MailError {
    /// The message cannot be built (for example a recipient address the transport refuses).
    #[error("message rejected: {0}")]
    Invalid(String),
    /// The transport failed (server unreachable, refused, timed out). The text is for logs only.
    #[error("mail delivery failed: {0}")]
    Delivery(String),
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait Mailer: Send + Sync {
    /// Sends `mail`. Adapters MUST NOT log the body outside development: it can hold a reset link.
    async fn send(&self, mail: OutgoingMail) -> Result<(), MailError>;
}
