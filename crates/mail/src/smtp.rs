//! SMTP through lettre (tokio, rustls with aws-lc-rs, the system's root certificates).
//!
//! `SMTP_URL` scheme (lettre's connection URL, checked here first so a bad value stops the server
//! at start with a clear message):
//!
//! | URL | connection |
//! |---|---|
//! | `smtps://user:pass@host[:465]` | implicit TLS from the first byte (port 465 by default) |
//! | `smtp://user:pass@host[:587]?tls=required` | STARTTLS, refused if the server does not offer it |
//! | `smtp://user:pass@host[:587]?tls=opportunistic` | STARTTLS when offered, else plain |
//! | `smtp://host[:25]` | plain, no TLS: only for a local relay or tests |
//!
//! User and password are percent-encoded (`@` → `%40`). A path (`smtp://host/ehlo.name`) sets the
//! EHLO name; by default it is the machine's host name.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use intowork_domain::mail::{MailError, Mailer, MessageId, OutgoingMail};
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use thiserror::Error;
use url::Url;

/// How long one delivery may take (connect, TLS, dialogue) before it counts as failed.
const SEND_TIMEOUT: Duration = Duration::from_secs(15);

/// Why a mail setting is refused. The texts never repeat the URL: it may hold a password.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum MailConfigError {
    #[error("is not a URL ({0})")]
    NotAUrl(String),
    #[error("must start with smtp:// or smtps://")]
    Scheme,
    #[error("names no host")]
    NoHost,
    #[error("tls must be `required` or `opportunistic` (or leave it out for plain SMTP)")]
    TlsMode,
    #[error("smtps:// already means TLS; drop the tls parameter")]
    TlsOnSmtps,
    #[error("is not a valid mailbox such as `IntoWork <no-reply@example.com>` ({0})")]
    Mailbox(String),
    #[error("is refused by the SMTP client ({0})")]
    Transport(String),
}

/// How the connection is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpSecurity {
    Plain,
    StartTlsOpportunistic,
    StartTlsRequired,
    ImplicitTls,
}

/// What an `SMTP_URL` designates, without its secrets.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpEndpoint {
    pub host: String,
    /// `None`: the scheme's default port.
    pub port: Option<u16>,
    pub security: SmtpSecurity,
    pub has_credentials: bool,
}

impl fmt::Debug for SmtpEndpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpEndpoint")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("has_credentials", &self.has_credentials)
            .finish()
    }
}

impl SmtpEndpoint {
    pub fn parse(raw: &str) -> Result<SmtpEndpoint, MailConfigError> {
        let url = Url::parse(raw.trim()).map_err(|e| MailConfigError::NotAUrl(e.to_string()))?;
        let tls = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let security = match (url.scheme(), tls.as_deref()) {
            ("smtp", None) => SmtpSecurity::Plain,
            ("smtp", Some("required")) => SmtpSecurity::StartTlsRequired,
            ("smtp", Some("opportunistic")) => SmtpSecurity::StartTlsOpportunistic,
            ("smtp", Some(_)) => return Err(MailConfigError::TlsMode),
            ("smtps", None) => SmtpSecurity::ImplicitTls,
            ("smtps", Some(_)) => return Err(MailConfigError::TlsOnSmtps),
            _ => return Err(MailConfigError::Scheme),
        };
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or(MailConfigError::NoHost)?
            .to_owned();
        Ok(SmtpEndpoint {
            host,
            port: url.port(),
            security,
            has_credentials: !url.username().is_empty(),
        })
    }

    /// Whether a password would cross the network unencrypted.
    pub fn exposes_credentials(&self) -> bool {
        self.has_credentials
            && matches!(
                self.security,
                SmtpSecurity::Plain | SmtpSecurity::StartTlsOpportunistic
            )
    }
}

/// Checks a `MAIL_FROM` value (`no-reply@example.com` or `IntoWork <no-reply@example.com>`).
pub fn check_mailbox(raw: &str) -> Result<(), MailConfigError> {
    Mailbox::from_str(raw.trim())
        .map(|_| ())
        .map_err(|e| MailConfigError::Mailbox(e.to_string()))
}

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    endpoint: SmtpEndpoint,
}

impl fmt::Debug for SmtpMailer {
    // lettre's own Debug would print the credentials.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpMailer")
            .field("endpoint", &self.endpoint)
            .field("from", &self.from.to_string())
            .finish()
    }
}

impl SmtpMailer {
    /// Builds the transport; nothing connects until the first mail.
    pub fn new(url: &str, from: &str) -> Result<SmtpMailer, MailConfigError> {
        let endpoint = SmtpEndpoint::parse(url)?;
        let from =
            Mailbox::from_str(from.trim()).map_err(|e| MailConfigError::Mailbox(e.to_string()))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.trim())
            .map_err(|e| MailConfigError::Transport(e.to_string()))?
            .timeout(Some(SEND_TIMEOUT))
            .build();
        Ok(SmtpMailer {
            transport,
            from,
            endpoint,
        })
    }

    pub fn endpoint(&self) -> &SmtpEndpoint {
        &self.endpoint
    }
}

impl SmtpMailer {
    /// The MIME message: the outbox's Message-ID, the mail's extra headers, and a plain-text
    /// body with an HTML alternative when the mail has one.
    fn message(&self, id: &MessageId, mail: &OutgoingMail) -> Result<Message, MailError> {
        let to = Mailbox::from_str(mail.to.trim())
            .map_err(|e| MailError::Invalid(format!("recipient: {e}")))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(id.as_str().to_owned()));
        for header in &mail.headers {
            // The domain checked the name; lettre encodes the value (RFC 2047) and folds it.
            let name = HeaderName::new_from_ascii(header.name().to_owned())
                .map_err(|e| MailError::Invalid(format!("header {}: {e}", header.name())))?;
            builder = builder.raw_header(HeaderValue::new(name, header.value().to_owned()));
        }
        let built = match &mail.html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                mail.text.clone(),
                html.clone(),
            )),
            None => builder
                .header(ContentType::TEXT_PLAIN)
                .body(mail.text.clone()),
        };
        built.map_err(|e| MailError::Invalid(e.to_string()))
    }
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, id: &MessageId, mail: &OutgoingMail) -> Result<(), MailError> {
        let message = self.message(id, mail)?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| MailError::Delivery(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_the_tls_mode() {
        let cases = [
            ("smtp://localhost:2525", SmtpSecurity::Plain, false),
            (
                "smtp://u:p%40ss@mail.example.com?tls=required",
                SmtpSecurity::StartTlsRequired,
                true,
            ),
            (
                "smtp://u:p@mail.example.com:587?tls=opportunistic",
                SmtpSecurity::StartTlsOpportunistic,
                true,
            ),
            (
                "smtps://u:p@smtp.example.com",
                SmtpSecurity::ImplicitTls,
                true,
            ),
        ];
        for (url, security, creds) in cases {
            let e = SmtpEndpoint::parse(url).unwrap();
            assert_eq!((e.security, e.has_credentials), (security, creds), "{url}");
        }
        let e = SmtpEndpoint::parse("smtp://u:p@host:2525").unwrap();
        assert_eq!((e.host.as_str(), e.port), ("host", Some(2525)));
        assert!(e.exposes_credentials());
        assert!(
            !SmtpEndpoint::parse("smtps://u:p@host")
                .unwrap()
                .exposes_credentials()
        );
    }

    #[test]
    fn bad_urls_are_refused_without_echoing_them() {
        for (url, err) in [
            ("http://host", MailConfigError::Scheme),
            ("smtp://host?tls=yes", MailConfigError::TlsMode),
            ("smtps://host?tls=required", MailConfigError::TlsOnSmtps),
            ("smtp:///no-host", MailConfigError::NoHost),
        ] {
            assert_eq!(SmtpEndpoint::parse(url).unwrap_err(), err, "{url}");
        }
        let e = SmtpEndpoint::parse("not a url with secret-pw").unwrap_err();
        assert!(!e.to_string().contains("secret-pw"));
        assert!(SmtpMailer::new("smtp://u:secret@h", "not a mailbox").is_err());
    }

    #[test]
    fn mailboxes_and_debug_output() {
        assert!(check_mailbox("IntoWork <no-reply@example.com>").is_ok());
        assert!(check_mailbox("no-reply@example.com").is_ok());
        assert!(check_mailbox("no-reply").is_err());
        let m = SmtpMailer::new(
            "smtps://user:hunter2@smtp.example.com",
            "no-reply@example.com",
        )
        .unwrap();
        let shown = format!("{m:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("smtp.example.com"), "{shown}");
    }
}
