//! The employer's own message to a candidate, as the quick message sends it (HEAD 10.15).

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
