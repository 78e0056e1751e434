//! A mailer that writes to the log instead of sending (CONTRACT 9.7).

use async_trait::async_trait;
use intowork_domain::mail::{MailError, Mailer, MessageId, OutgoingMail};
use tracing::{info, warn};

/// What the log mailer may write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogMode {
    /// Development: recipient, subject and body, so a developer can follow the reset link.
    Development,
    /// Production without `SMTP_URL`: mail is off. Only a warning with the subject: the body holds
    /// a reset token and the recipient is personal data.
    Disabled,
}

#[derive(Clone, Copy, Debug)]
pub struct LogMailer {
    mode: LogMode,
}

impl LogMailer {
    pub fn new(mode: LogMode) -> Self {
        Self { mode }
    }

    pub fn mode(&self) -> LogMode {
        self.mode
    }
}

#[async_trait]
impl Mailer for LogMailer {
    async fn send(&self, id: &MessageId, mail: &OutgoingMail) -> Result<(), MailError> {
        match self.mode {
            LogMode::Development => info!(
                message_id = %id,
                to = %mail.to,
                subject = %mail.subject,
                body = %mail.text,
                "mail not sent (no SMTP_URL): logged instead, development only"
            ),
            LogMode::Disabled => warn!(
                message_id = %id,
                kind = mail.kind.as_str(),
                subject = %mail.subject,
                "mail is off (ENVIRONMENT=production without SMTP_URL): message dropped"
            ),
        }
        // Dropping is the configured behaviour, not a failure of this request.
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use intowork_domain::mail::MailKind;

    use super::*;

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("log buffer").extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Everything `mode` logs for one mail.
    fn logged(mode: LogMode) -> String {
        let out = Captured::default();
        let writer = out.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        let id = MessageId::new("abc", "intowork.test").expect("a valid id");
        let mail = OutgoingMail::text(
            MailKind::PASSWORD_RESET,
            "jane@example.com",
            "Réinitialisation",
            "https://app/auth/reset-password?token=SECRET-TOKEN",
        );
        runtime
            .block_on(LogMailer::new(mode).send(&id, &mail))
            .expect("the log mailer never fails");
        let bytes = out.0.lock().expect("log buffer").clone();
        String::from_utf8(bytes).expect("utf-8 log")
    }

    #[test]
    fn development_logs_the_link_for_the_developer() {
        let log = logged(LogMode::Development);
        assert!(log.contains("SECRET-TOKEN"), "{log}");
        assert!(log.contains("jane@example.com"), "{log}");
    }

    #[test]
    fn production_without_smtp_never_logs_a_token_or_the_recipient() {
        let log = logged(LogMode::Disabled);
        assert!(log.contains("mail is off"), "{log}");
        assert!(log.contains("WARN"), "{log}");
        assert!(!log.contains("SECRET-TOKEN"), "{log}");
        assert!(!log.contains("jane@example.com"), "{log}");
    }
}
