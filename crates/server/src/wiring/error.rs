//! Why the configured adapters could not be built. The texts name what to fix; they are part of
//! the start-up and command messages operators see.

use intowork_domain::files::FileStoreError;
use intowork_domain::reports::RenderError;
use intowork_mail::MailConfigError;
use intowork_ratelimit::InvalidRedisUrl;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum WiringError {
    #[error("file storage: {0}")]
    Files(FileStoreError),
    #[error("signing secret: {0}")]
    Secret(std::io::Error),
    #[error("REDIS_URL: {0}")]
    Redis(#[from] InvalidRedisUrl),
    #[error("SMTP_URL or MAIL_FROM: {0}")]
    Mail(#[from] MailConfigError),
    /// The PDF reports' embedded fonts cannot be read (a build defect, never configuration).
    #[error("PDF reports: {0}")]
    Reports(#[from] RenderError),
}
