//! The SMTP adapter against a real SMTP server: the aiosmtpd instance `scripts/test` starts
//! (`TEST_SMTP_PORT`, `TEST_SMTP_DIR`). One binary for the crate.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed assertion

use std::time::Duration;

use intowork_domain::mail::{MailError, Mailer, OutgoingMail};
use intowork_mail::SmtpMailer;
use intowork_testkit::smtp::SmtpCapture;

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{prefix}-{nanos}@example.com")
}

#[tokio::test]
async fn a_message_reaches_the_server_with_its_headers_and_utf8_body() {
    let capture = SmtpCapture::from_env();
    let mailer = SmtpMailer::new(&capture.url(), "IntoWork <no-reply@intowork.test>").unwrap();
    let to = unique("josephine");
    let text = "Bonjour Joséphine,\n\nVotre lien : https://app.example.com/auth/reset-password?\
                token=Ab-_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG\n\nÀ bientôt !\n";
    mailer
        .send(OutgoingMail {
            to: to.clone(),
            subject: "Réinitialisation de votre mot de passe IntoWork".into(),
            text: text.into(),
        })
        .await
        .unwrap();
    let mails = capture.wait_for(&to, 1, Duration::from_secs(10)).await;
    assert_eq!(mails.len(), 1);
    let m = &mails[0];
    assert_eq!(m.mail_from, "no-reply@intowork.test");
    assert_eq!(m.rcpt_tos, vec![to.clone()]);
    assert_eq!(m.from, "IntoWork <no-reply@intowork.test>");
    assert_eq!(m.to, to);
    assert_eq!(m.subject, "Réinitialisation de votre mot de passe IntoWork");
    // Line endings travel as CRLF; the text itself (accents, the long link) arrives intact.
    assert_eq!(m.text.replace("\r\n", "\n").trim_end(), text.trim_end());
}

#[tokio::test]
async fn an_unreachable_server_is_a_delivery_error() {
    // A port nobody listens on: bind one, then free it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mailer = SmtpMailer::new(&format!("smtp://127.0.0.1:{port}"), "no-reply@x.test").unwrap();
    let err = mailer
        .send(OutgoingMail {
            to: "someone@example.com".into(),
            subject: "s".into(),
            text: "t".into(),
        })
        .await
        .unwrap_err();
    assert!(matches!(err, MailError::Delivery(_)), "{err:?}");
}

#[tokio::test]
async fn a_malformed_recipient_is_refused_before_connecting() {
    let capture = SmtpCapture::from_env();
    let mailer = SmtpMailer::new(&capture.url(), "no-reply@x.test").unwrap();
    let err = mailer
        .send(OutgoingMail {
            to: "not an address".into(),
            subject: "s".into(),
            text: "t".into(),
        })
        .await
        .unwrap_err();
    assert!(matches!(err, MailError::Invalid(_)), "{err:?}");
}
