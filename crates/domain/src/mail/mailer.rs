//! The port mails leave through, and how a send can fail.

use async_trait::async_trait;
use thiserror::Error;

use super::message::{MessageId, OutgoingMail};

#[derive(Debug, Error)]
pub enum MailError {
    /// The message cannot be built (for example a recipient address the transport refuses).
    /// Retrying cannot help: the outbox marks the mail failed at once.
    #[error("message rejected: {0}")]
    Invalid(String),
    /// The transport failed (server unreachable, refused, timed out). The text is for logs only.
    #[error("mail delivery failed: {0}")]
    Delivery(String),
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait Mailer: Send + Sync {
    /// Sends `mail` with `id` as its `Message-ID` header and the mail's extra headers. Adapters
    /// MUST NOT log the body outside development: it can hold a reset link. MUST return
    /// `Invalid` only when no retry can succeed (a malformed recipient), `Delivery` otherwise.
    async fn send(&self, id: &MessageId, mail: &OutgoingMail) -> Result<(), MailError>;
}
