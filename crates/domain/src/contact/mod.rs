//! The public contact form (HEAD 10.17): a visitor's message is queued as a plain-text mail to
//! the operator's address, its `Reply-To` the visitor. Without an address configured the message
//! is only logged, and without its body (it may hold anything a stranger typed).

use std::sync::Arc;

use thiserror::Error;
use tracing::{info, instrument};

use crate::error::RepoError;
use crate::mail::{MailHeader, MailKind, MailOutbox, OutgoingMail};
use crate::ports::Clock;

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_SUBJECT_CHARS: usize = 200;
pub const MAX_MESSAGE_CHARS: usize = 5000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactMessage {
    pub name: String,
    /// Already checked to be an email address by the caller.
    pub email: String,
    pub subject: String,
    pub message: String,
}

#[derive(Debug, Error)]
pub enum ContactError {
    #[error("{0}: empty")]
    Empty(&'static str),
    #[error("{0}: too long")]
    TooLong(&'static str),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

pub struct ContactService {
    outbox: Arc<dyn MailOutbox>,
    clock: Arc<dyn Clock>,
    /// `CONTACT_EMAIL`; `None`: messages are logged only.
    to: Option<String>,
}

/// What became of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactOutcome {
    Queued,
    Logged,
}

impl ContactService {
    pub fn new(outbox: Arc<dyn MailOutbox>, clock: Arc<dyn Clock>, to: Option<String>) -> Self {
        Self { outbox, clock, to }
    }

    #[instrument(skip_all)]
    pub async fn send(&self, message: ContactMessage) -> Result<ContactOutcome, ContactError> {
        let message = checked(message)?;
        let Some(to) = &self.to else {
            info!(
                name = %message.name,
                email = %message.email,
                subject = %message.subject,
                chars = message.message.chars().count(),
                "contact message received (CONTACT_EMAIL unset: not mailed)"
            );
            return Ok(ContactOutcome::Logged);
        };
        let text = format!(
            "Message envoyé depuis le formulaire de contact.\n\nNom : {}\nE-mail : {}\nSujet : {}\n\n{}\n",
            message.name, message.email, message.subject, message.message
        );
        let mut mail = OutgoingMail::text(
            MailKind::CONTACT,
            to.clone(),
            format!("[Contact] {}", message.subject),
            text,
        );
        if let Ok(h) = MailHeader::new("Reply-To", &message.email) {
            mail = mail.with_header(h);
        }
        self.outbox.enqueue(mail, self.clock.now()).await?;
        Ok(ContactOutcome::Queued)
    }
}

/// Trimmed, non-empty, bounded; the subject and name on one line (they reach a header).
pub fn checked(m: ContactMessage) -> Result<ContactMessage, ContactError> {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let fields = [
        ("name", one_line(&m.name), MAX_NAME_CHARS),
        ("subject", one_line(&m.subject), MAX_SUBJECT_CHARS),
        ("message", m.message.trim().to_owned(), MAX_MESSAGE_CHARS),
    ];
    for (field, value, max) in &fields {
        if value.is_empty() {
            return Err(ContactError::Empty(field));
        }
        if value.chars().count() > *max {
            return Err(ContactError::TooLong(field));
        }
    }
    let [(_, name, _), (_, subject, _), (_, message, _)] = fields;
    Ok(ContactMessage {
        name,
        email: m.email.trim().to_owned(),
        subject,
        message,
    })
}

#[cfg(test)]
mod tests;
