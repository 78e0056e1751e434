//! The pipeline page's quick message (HEAD 10.15): the employer's own words to the candidate, in
//! a plain-text mail queued with the status change it may come with.

use tracing::{info, instrument};

use super::employer::status_update;
use super::entity::StatusChange;
use super::error::EmployerApplicationError;
use super::notice;
use super::service::ApplicationService;
use super::status::ApplicationStatus;
use crate::ids::ApplicationId;
use crate::mail::{MailKind, OutgoingMail};
use crate::user::User;

/// What the employer writes; the repository addresses it to the application's candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuickMessage {
    pub subject: String,
    /// The employer's text and a line saying who sent it. Sent as plain text only: whatever it
    /// holds (`<script>`) is never interpreted as HTML.
    pub text: String,
}

impl QuickMessage {
    /// `subject` is made one line (it becomes a header).
    pub fn new(sender: &User, subject: &str, message: &str) -> QuickMessage {
        let subject = subject
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .trim()
            .to_owned();
        let name = format!("{} {}", sender.first_name, sender.last_name);
        let text = format!(
            "{}\n\n--\nCe message vous a été envoyé par {} via IntoWork.",
            message.trim_end(),
            name.trim()
        );
        QuickMessage { subject, text }
    }

    /// The mail to `to`: text only, no HTML part.
    pub fn mail(&self, to: &str) -> OutgoingMail {
        OutgoingMail::text(MailKind::QUICK_MESSAGE, to, &self.subject, &self.text)
    }
}

/// What a quick message did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuickMessageSent {
    pub change: StatusChange,
    /// The mail was queued (delivered by the outbox worker, with retries).
    pub email_sent: bool,
}

impl ApplicationService {
    /// Moves the application to `status` as the status route does (history, notification) when
    /// it differs, and queues `message`, all in one transaction. The employer's message stands
    /// for the automatic template mail of that status (HEAD 10.14): one action, one mail.
    #[instrument(skip_all, fields(user_id = %sender.id, application_id = %id, status = status.as_str()))]
    pub async fn quick_message(
        &self,
        sender: &User,
        id: ApplicationId,
        status: ApplicationStatus,
        message: QuickMessage,
    ) -> Result<QuickMessageSent, EmployerApplicationError> {
        let owner = self.owned_application(sender.id, id).await?;
        let notification = notice::status_changed(&owner, id, status);
        let update = status_update(status, sender.id, self.clock.now(), None);
        let changed = self
            .apps
            .quick_message(id, update, notification, message)
            .await?
            .ok_or(EmployerApplicationError::NotFound)?;
        info!(changed, "quick message queued");
        Ok(QuickMessageSent {
            change: StatusChange { status, changed },
            email_sent: true,
        })
    }
}
