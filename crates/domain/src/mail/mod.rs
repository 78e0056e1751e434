//! Outgoing mail (CONTRACT 8.10, 9.7; HEAD 10.13). A use case composes an [`OutgoingMail`] and
//! hands it to its repository, which writes it to the outbox in the same transaction as the
//! change that causes it. [`MailOutboxService`] delivers queued mails through the [`Mailer`] port
//! with retries, each with the stable [`MessageId`] fixed when it was queued: a crash or an SMTP
//! outage loses nothing, and a mail is sent at least once. The adapters (a log mailer, SMTP)
//! live in `intowork-mail`; the outbox table in `intowork-storage`.

mod delivery;
mod message;
mod outbox;

use async_trait::async_trait;
use thiserror::Error;

pub use delivery::{DeliveryPolicy, DeliveryReport, MailOutboxService};
pub use message::{InvalidHeader, MailHeader, MailKind, MessageId, OutgoingMail};
#[cfg(any(test, feature = "mocks"))]
pub use outbox::MockMailOutbox;
pub use outbox::{
    AttemptOutcome, ClaimedMail, MailOutbox, MailStatus, OutboxEntry, OutboxId, OutboxPage,
};

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

#[cfg(test)]
mod tests;
