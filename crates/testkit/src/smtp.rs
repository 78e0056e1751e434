//! The local SMTP server the test command starts (`scripts/lib/smtp.sh`: aiosmtpd with the
//! `smtp_capture.py` handler), and the messages it received. Missing configuration is a test
//! failure (a panic), never a skip.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Deserialize;

/// One received message, decoded by Python's MIME parser.
#[derive(Clone, Debug, Deserialize)]
pub struct CapturedMail {
    /// Envelope sender (`MAIL FROM`).
    pub mail_from: String,
    /// Envelope recipients (`RCPT TO`).
    pub rcpt_tos: Vec<String>,
    /// Header values.
    pub from: String,
    pub to: String,
    pub subject: String,
    /// The `Message-ID` header.
    #[serde(default)]
    pub message_id: String,
    /// The text/plain body, line endings as received.
    pub text: String,
    /// The text/html alternative, empty when there is none.
    #[serde(default)]
    pub html: String,
    /// Every header, in order, decoded.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
}

impl CapturedMail {
    /// The first value of header `name` (case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct SmtpCapture {
    pub port: u16,
    pub dir: PathBuf,
}

impl SmtpCapture {
    /// `TEST_SMTP_PORT` and `TEST_SMTP_DIR`, as exported by `scripts/test`.
    ///
    /// # Panics
    /// When either is missing or unusable.
    pub fn from_env() -> SmtpCapture {
        let port = std::env::var("TEST_SMTP_PORT")
            .ok()
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or_else(|| {
                panic!(
                    "TEST_SMTP_PORT is not set: run the tests through scripts/test, which starts \
                     a local SMTP server (aiosmtpd), or export TEST_SMTP_PORT and TEST_SMTP_DIR"
                )
            });
        let dir = PathBuf::from(
            std::env::var("TEST_SMTP_DIR").expect("TEST_SMTP_DIR is not set (see scripts/test)"),
        );
        assert!(
            dir.is_dir(),
            "TEST_SMTP_DIR {} is not a directory",
            dir.display()
        );
        SmtpCapture { port, dir }
    }

    /// An `SMTP_URL` for the server (plain SMTP, no credentials).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far whose envelope names `recipient` (case-insensitively).
    pub fn messages_to(&self, recipient: &str) -> Vec<CapturedMail> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", self.dir.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        // Names start with a nanosecond timestamp: oldest first.
        names.sort();
        names
            .into_iter()
            .filter_map(|path| {
                let text = std::fs::read_to_string(&path).ok()?;
                serde_json::from_str::<CapturedMail>(&text).ok()
            })
            .filter(|m| m.rcpt_tos.iter().any(|r| r.eq_ignore_ascii_case(recipient)))
            .collect()
    }

    /// Waits up to `timeout` for `count` messages to `recipient`; returns them, oldest first.
    ///
    /// # Panics
    /// When fewer arrive in time.
    pub async fn wait_for(
        &self,
        recipient: &str,
        count: usize,
        timeout: Duration,
    ) -> Vec<CapturedMail> {
        let deadline = Instant::now() + timeout;
        loop {
            let found = self.messages_to(recipient);
            if found.len() >= count {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "expected {count} mail(s) to {recipient} within {timeout:?}, got {}",
                found.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
