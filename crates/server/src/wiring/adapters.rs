//! The adapters the configuration chooses: where CV files live (`STORAGE_BACKEND`) and how mail
//! goes out (`SMTP_URL`, `MAIL_FROM`).

use std::sync::Arc;

use intowork_domain::files::FileStore;
use intowork_domain::mail::Mailer;
use intowork_files::{LocalFileStore, S3Config, S3FileStore};
use intowork_mail::{LogMailer, LogMode, MailConfigError, SmtpMailer};
use intowork_storage::Outbox;
use tracing::{info, warn};

use super::error::WiringError;
use crate::settings::{Settings, StorageSettings};

/// The configured file store (`STORAGE_BACKEND`), shared by the server and the operator commands.
pub fn file_store(settings: &Settings) -> Result<Arc<dyn FileStore>, WiringError> {
    Ok(match &settings.storage {
        StorageSettings::Local => Arc::new(LocalFileStore::new(settings.upload_dir.clone())),
        StorageSettings::S3(s3) => Arc::new(
            S3FileStore::new(S3Config {
                bucket: s3.bucket.clone(),
                endpoint: s3.endpoint.clone(),
                region: s3.region.clone(),
                access_key_id: s3.access_key_id.clone(),
                secret_access_key: s3.secret_access_key.expose().to_owned(),
                force_path_style: s3.force_path_style,
                allow_http: s3
                    .endpoint
                    .as_deref()
                    .is_some_and(|e| e.starts_with("http://")),
            })
            .map_err(WiringError::Files)?,
        ),
    })
}

/// SMTP when `SMTP_URL` is set; otherwise the log mailer, which shows links in development and
/// only warns in production (CONTRACT 9.7).
pub fn mailer(settings: &Settings) -> Result<Arc<dyn Mailer>, MailConfigError> {
    match &settings.mail.smtp_url {
        Some(url) => {
            let smtp = SmtpMailer::new(url.expose(), &settings.mail.from)?;
            let endpoint = smtp.endpoint();
            info!(host = %endpoint.host, security = ?endpoint.security, "mail goes out over SMTP");
            Ok(Arc::new(smtp))
        }
        None if settings.is_production() => {
            warn!(
                "SMTP_URL is not set: mail is off; password reset requests are answered but no \
                 mail is sent"
            );
            Ok(Arc::new(LogMailer::new(LogMode::Disabled)))
        }
        None => {
            info!("SMTP_URL is not set: mail (reset links included) is written to the log");
            Ok(Arc::new(LogMailer::new(LogMode::Development)))
        }
    }
}

/// The outbox queue of this process: Message-IDs end with the domain of `MAIL_FROM`.
pub fn outbox(settings: &Settings) -> Outbox {
    Outbox::new(&message_id_domain(&settings.mail.from))
}

/// `example.com` of `IntoWork <no-reply@example.com>` (already checked to be a mailbox).
fn message_id_domain(from: &str) -> String {
    from.rsplit('@')
        .next()
        .unwrap_or_default()
        .trim()
        .trim_end_matches('>')
        .trim()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::message_id_domain;

    #[test]
    fn message_ids_take_the_senders_domain() {
        assert_eq!(
            message_id_domain("IntoWork <no-reply@Mail.Example.com>"),
            "mail.example.com"
        );
        assert_eq!(message_id_domain("no-reply@localhost"), "localhost");
    }
}
