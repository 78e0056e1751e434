//! A composed mail: what a use case decided to send, before it is queued in the outbox.

use std::borrow::Cow;
use std::fmt;

use thiserror::Error;

/// What a mail is about (`password_reset`, `set_password`, …). Open-ended on purpose: a new kind
/// of mail needs a constant here, never a migration, and a row written by a newer version of the
/// service still reads back. Lower-case ASCII letters, digits and `_`, at most 40 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MailKind(Cow<'static, str>);

impl MailKind {
    pub const PASSWORD_RESET: MailKind = MailKind(Cow::Borrowed("password_reset"));
    pub const SET_PASSWORD: MailKind = MailKind(Cow::Borrowed("set_password"));
    /// A candidate mail from an email template (normally named after its template type).
    pub const TEMPLATE: MailKind = MailKind(Cow::Borrowed("template"));
    /// An employer's own words to a candidate, from the pipeline page.
    pub const QUICK_MESSAGE: MailKind = MailKind(Cow::Borrowed("quick_message"));
    pub const JOB_ALERT: MailKind = MailKind(Cow::Borrowed("job_alert"));
    pub const CONTACT: MailKind = MailKind(Cow::Borrowed("contact"));

    /// `None` for an empty, too long or otherwise malformed kind.
    pub fn parse(raw: &str) -> Option<MailKind> {
        let ok = !raw.is_empty()
            && raw.len() <= 40
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        ok.then(|| MailKind(Cow::Owned(raw.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a header was refused when a mail was composed.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum InvalidHeader {
    #[error("header name must be 1 to 76 printable ASCII characters without `:`")]
    Name,
    /// The transport writes these itself, from the mail's own fields.
    #[error("header {0} is set by the mailer")]
    Reserved(String),
    #[error("header value must be one line of at most 998 characters")]
    Value,
}

/// Headers a composed mail may not set: the transport derives them from the mail's fields, and
/// a second copy would confuse receivers (or redirect the mail).
const RESERVED: &[&str] = &[
    "from",
    "to",
    "cc",
    "bcc",
    "sender",
    "subject",
    "date",
    "message-id",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
];

/// One extra header (`List-Unsubscribe`, `Reply-To`, …), checked so that no value can inject a
/// line into the message. `Debug` shows the name only: an unsubscribe link is a credential.
#[derive(Clone, PartialEq, Eq)]
pub struct MailHeader {
    name: String,
    value: String,
}

impl MailHeader {
    pub fn new(name: &str, value: &str) -> Result<MailHeader, InvalidHeader> {
        let name_ok = !name.is_empty()
            && name.len() <= 76
            && name.bytes().all(|b| b.is_ascii_graphic() && b != b':');
        if !name_ok {
            return Err(InvalidHeader::Name);
        }
        if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(name)) {
            return Err(InvalidHeader::Reserved(name.to_owned()));
        }
        if value.len() > 998 || value.chars().any(char::is_control) {
            return Err(InvalidHeader::Value);
        }
        Ok(MailHeader {
            name: name.to_owned(),
            value: value.to_owned(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Debug for MailHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: [redacted]", self.name)
    }
}

/// A mail's RFC 5322 `Message-ID` (`<unique@domain>`), fixed when the mail is queued: every
/// delivery attempt carries the same one, so a receiver can drop a duplicate.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MessageId(String);

impl MessageId {
    /// `<unique@domain>`; `None` when either part is empty or not plain printable ASCII.
    pub fn new(unique: &str, domain: &str) -> Option<MessageId> {
        Self::parse(&format!("<{unique}@{domain}>"))
    }

    /// Checks a stored id: angle brackets around `left@right`, printable ASCII, no spaces.
    pub fn parse(raw: &str) -> Option<MessageId> {
        let inner = raw.strip_prefix('<')?.strip_suffix('>')?;
        let (left, right) = inner.split_once('@')?;
        let part_ok = |p: &str| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_graphic() && !b"<>@()[]\\,;:\"".contains(&b))
        };
        (raw.len() <= 250 && part_ok(left) && part_ok(right)).then(|| MessageId(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One message to one recipient: a plain-text body, optionally an HTML alternative, and extra
/// headers. The domain composes it; the outbox stores it; a mailer sends it.
#[derive(Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub kind: MailKind,
    pub to: String,
    pub subject: String,
    /// May hold a secret (a password reset link): never logged, and hidden from `Debug`.
    pub text: String,
    /// Same rule as `text`.
    pub html: Option<String>,
    pub headers: Vec<MailHeader>,
}

impl OutgoingMail {
    /// A plain-text mail without extra headers.
    pub fn text(
        kind: MailKind,
        to: impl Into<String>,
        subject: impl Into<String>,
        text: impl Into<String>,
    ) -> OutgoingMail {
        OutgoingMail {
            kind,
            to: to.into(),
            subject: subject.into(),
            text: text.into(),
            html: None,
            headers: Vec::new(),
        }
    }

    /// Adds an HTML alternative to the text.
    pub fn with_html(mut self, html: impl Into<String>) -> OutgoingMail {
        self.html = Some(html.into());
        self
    }

    pub fn with_header(mut self, header: MailHeader) -> OutgoingMail {
        self.headers.push(header);
        self
    }
}

impl fmt::Debug for OutgoingMail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OutgoingMail")
            .field("kind", &self.kind.as_str())
            .field("to", &self.to)
            .field("subject", &self.subject)
            .field("text", &"[redacted]")
            .field("html", &self.html.as_ref().map(|_| "[redacted]"))
            .field("headers", &self.headers)
            .finish()
    }
}
