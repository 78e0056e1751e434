//! Outgoing mail (CONTRACT 8.10, 9.7; HEAD 10.13). A use case composes an [`OutgoingMail`] and
//! hands it to its repository, which writes it to the outbox in the same transaction as the
//! change that causes it. [`MailOutboxService`] delivers queued mails through the [`Mailer`] port
//! with retries, each with the stable [`MessageId`] fixed when it was queued: a crash or an SMTP
//! outage loses nothing, and a mail is sent at least once. The adapters (a log mailer, SMTP)
//! live in `intowork-mail`; the outbox table in `intowork-storage`.

mod delivery;
mod mailer;
mod message;
mod outbox;

pub use delivery::{DeliveryPolicy, DeliveryReport, MailOutboxService};
#[cfg(any(test, feature = "mocks"))]
pub use mailer::MockMailer;
pub use mailer::{MailError, Mailer};
pub use message::{InvalidHeader, MailHeader, MailKind, MessageId, OutgoingMail};
#[cfg(any(test, feature = "mocks"))]
pub use outbox::MockMailOutbox;
pub use outbox::{
    AttemptOutcome, ClaimedMail, MailOutbox, MailStatus, OutboxEntry, OutboxId, OutboxPage,
};

#[cfg(test)]
mod tests;
