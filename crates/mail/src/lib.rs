//! Mail adapters for the domain's [`Mailer`](intowork_domain::mail::Mailer) port (CONTRACT 8.10,
//! 9.7).
//!
//! * [`LogMailer`]: the default outside production. In development it logs the recipient, the
//!   subject and the body (which holds the reset link); when mail is off in production it logs only
//!   a warning, never anything with a token.
//! * [`SmtpMailer`]: SMTP through lettre, configured by `SMTP_URL` (see [`SmtpEndpoint`] for the
//!   URL scheme) and `MAIL_FROM`.

mod log;
mod smtp;

pub use log::{LogMailer, LogMode};
pub use smtp::{MailConfigError, SmtpEndpoint, SmtpMailer, SmtpSecurity, check_mailbox};
