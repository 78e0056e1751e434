//! Mail settings (CONTRACT 8.10, 9.7, 9.19; HEAD 10.7, 10.13): `SMTP_URL`, `MAIL_FROM`,
//! `FRONTEND_URL`, `RESET_PASSWORD_PATH`, `CONTACT_EMAIL`, and the outbox's `MAIL_MAX_ATTEMPTS`,
//! `MAIL_RETRY_BASE_SECS`, `MAIL_POLL_INTERVAL_SECS`. Errors name the variable and never repeat
//! the URL (it may hold the SMTP password).

use std::time::Duration;

use intowork_mail::{SmtpEndpoint, check_mailbox};

use super::problems::{ConfigProblem, Problems};
use super::raw::Raw;
use super::secret::Secret;
use super::values::{http_origin, non_empty, parse_range};

/// The development default of `FRONTEND_URL`: the Next.js dev server.
const DEFAULT_FRONTEND_URL: &str = "http://localhost:3000";
/// The current frontend's reset page (HEAD 10.7; the French pages carry no locale prefix).
const DEFAULT_RESET_PASSWORD_PATH: &str = "/reset-password";
/// The sender when `MAIL_FROM` is unset and mail only goes to the log.
const DEFAULT_MAIL_FROM: &str = "IntoWork <no-reply@localhost>";

#[derive(Clone, Debug)]
pub struct MailSettings {
    /// `SMTP_URL`: mail goes out through this server when set; otherwise the log mailer is used
    /// (it shows links in development only). A secret: it usually carries the password.
    pub smtp_url: Option<Secret>,
    /// `MAIL_FROM`: the sender mailbox, `IntoWork <no-reply@example.com>`. Required with SMTP.
    pub from: String,
    /// `FRONTEND_URL`: the origin the reset links point at, without a trailing slash.
    pub frontend_url: String,
    /// `RESET_PASSWORD_PATH`: the frontend's reset page, `/reset-password` by default; links are
    /// `{frontend_url}{reset_path}?token=…`.
    pub reset_path: String,
    /// `CONTACT_EMAIL`: where the contact form's messages are mailed; `None`: they are only
    /// logged, without their text.
    pub contact_email: Option<String>,
    /// `MAIL_MAX_ATTEMPTS` (default 8): delivery attempts before a mail is marked failed.
    pub max_attempts: u32,
    /// `MAIL_RETRY_BASE_SECS` (default 30): the wait after a first failed attempt, doubled after
    /// each further one, at most an hour.
    pub retry_base: Duration,
    /// `MAIL_POLL_INTERVAL_SECS` (default 5): how often each instance looks for due mails (a
    /// mail queued by the instance itself is sent at once).
    pub poll_interval: Duration,
}

pub(super) fn parse(raw: &Raw, production: bool, problems: &mut Problems) -> Option<MailSettings> {
    let smtp_url = non_empty(raw.smtp_url.as_deref());
    if let Some(url) = &smtp_url
        && let Err(problem) = check_smtp_url(url, production)
    {
        problems.report(problem.var, problem.reason);
    }
    let smtp = smtp_url.is_some();
    let from = problems.check(sender(raw, smtp));
    // Links to localhost would reach nobody.
    let frontend_url = problems.check(frontend_origin(raw, production && smtp));
    let reset_path = problems.check(reset_path(raw));
    let contact_email = problems.check(contact_email(raw));
    let max_attempts = problems.check(parse_range(
        "MAIL_MAX_ATTEMPTS",
        &raw.mail_max_attempts,
        1,
        100,
    ));
    let retry_base = problems.check(parse_range(
        "MAIL_RETRY_BASE_SECS",
        &raw.mail_retry_base_secs,
        1,
        3600,
    ));
    let poll = problems.check(parse_range(
        "MAIL_POLL_INTERVAL_SECS",
        &raw.mail_poll_interval_secs,
        1,
        3600,
    ));
    Some(MailSettings {
        smtp_url: smtp_url.map(Secret::new),
        from: from?,
        frontend_url: frontend_url?,
        reset_path: reset_path?,
        contact_email: contact_email?,
        max_attempts: max_attempts?,
        retry_base: Duration::from_secs(retry_base?.into()),
        poll_interval: Duration::from_secs(poll?.into()),
    })
}

fn check_smtp_url(url: &str, production: bool) -> Result<(), ConfigProblem> {
    let endpoint =
        SmtpEndpoint::parse(url).map_err(|e| ConfigProblem::new("SMTP_URL", e.to_string()))?;
    if production && endpoint.exposes_credentials() {
        return Err(ConfigProblem::new(
            "SMTP_URL",
            "would send the SMTP password unencrypted: use smtps:// or ?tls=required",
        ));
    }
    Ok(())
}

/// `MAIL_FROM`, required when mail goes out over SMTP.
fn sender(raw: &Raw, smtp: bool) -> Result<String, ConfigProblem> {
    match non_empty(raw.mail_from.as_deref()) {
        Some(from) => {
            check_mailbox(&from).map_err(|e| ConfigProblem::new("MAIL_FROM", e.to_string()))?;
            Ok(from)
        }
        None if smtp => Err(ConfigProblem::new(
            "MAIL_FROM",
            "is required when SMTP_URL is set",
        )),
        None => Ok(DEFAULT_MAIL_FROM.to_owned()),
    }
}

/// `FRONTEND_URL` as an origin without a trailing slash.
fn frontend_origin(raw: &Raw, required: bool) -> Result<String, ConfigProblem> {
    let url = match non_empty(raw.frontend_url.as_deref()) {
        Some(url) => url,
        None if required => {
            return Err(ConfigProblem::new(
                "FRONTEND_URL",
                "is required in production when SMTP_URL is set (reset links point at it)",
            ));
        }
        None => DEFAULT_FRONTEND_URL.to_owned(),
    };
    http_origin("FRONTEND_URL", &url, "https://intowork.app")
}

/// `CONTACT_EMAIL`, a mailbox when set.
fn contact_email(raw: &Raw) -> Result<Option<String>, ConfigProblem> {
    let Some(to) = non_empty(raw.contact_email.as_deref()) else {
        return Ok(None);
    };
    check_mailbox(&to).map_err(|e| ConfigProblem::new("CONTACT_EMAIL", e.to_string()))?;
    Ok(Some(to))
}

/// `RESET_PASSWORD_PATH`: a path of the frontend, appended to `FRONTEND_URL` (the token is added as
/// the query, so the path carries none).
fn reset_path(raw: &Raw) -> Result<String, ConfigProblem> {
    let Some(path) = non_empty(raw.reset_password_path.as_deref()) else {
        return Ok(DEFAULT_RESET_PASSWORD_PATH.to_owned());
    };
    let valid = path.starts_with('/')
        && !path.starts_with("//")
        && path.len() <= 200
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-_.~".contains(&b));
    if !valid {
        return Err(ConfigProblem::new(
            "RESET_PASSWORD_PATH",
            "must be a path such as /reset-password or /en/reset-password (letters, digits, `/-_.~`)",
        ));
    }
    Ok(path)
}
