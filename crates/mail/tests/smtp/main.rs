//! The SMTP adapter against a real SMTP server: the aiosmtpd instance `scripts/test` starts
//! (`TEST_SMTP_PORT`, `TEST_SMTP_DIR`). One binary for the crate.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed assertion

use std::time::Duration;

use intowork_domain::mail::{MailError, MailHeader, MailKind, Mailer, MessageId, OutgoingMail};
use intowork_mail::SmtpMailer;
use intowork_testkit::smtp::SmtpCapture;

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{prefix}-{nanos}@example.com")
}

fn id(unique: &str) -> MessageId {
    MessageId::new(unique, "intowork.test").unwrap()
}

fn plain(to: &str, text: &str) -> OutgoingMail {
    OutgoingMail::text(MailKind::PASSWORD_RESET, to, "s", text)
}

#[tokio::test]
async fn a_message_reaches_the_server_with_its_headers_and_utf8_body() {
    let capture = SmtpCapture::from_env();
    let mailer = SmtpMailer::new(&capture.url(), "IntoWork <no-reply@intowork.test>").unwrap();
    let to = unique("josephine");
    let text = "Bonjour Joséphine,\n\nVotre lien : https://app.example.com/auth/reset-password?\
                token=Ab-_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG\n\nÀ bientôt !\n";
    let mail = OutgoingMail::text(
        MailKind::PASSWORD_RESET,
        to.clone(),
        "Réinitialisation de votre mot de passe IntoWork",
        text,
    );
    let message_id = id(&format!("plain-{to}").replace('@', "."));
    mailer.send(&message_id, &mail).await.unwrap();
    let mails = capture.wait_for(&to, 1, Duration::from_secs(10)).await;
    assert_eq!(mails.len(), 1);
    let m = &mails[0];
    assert_eq!(m.mail_from, "no-reply@intowork.test");
    assert_eq!(m.rcpt_tos, vec![to.clone()]);
    assert_eq!(m.from, "IntoWork <no-reply@intowork.test>");
    assert_eq!(m.to, to);
    assert_eq!(m.subject, "Réinitialisation de votre mot de passe IntoWork");
    // The outbox's id, not one lettre would make up.
    assert_eq!(m.message_id, message_id.as_str());
    // Line endings travel as CRLF; the text itself (accents, the long link) arrives intact.
    assert_eq!(m.text.replace("\r\n", "\n").trim_end(), text.trim_end());
    assert_eq!(m.html, "");
}

#[tokio::test]
async fn extra_headers_and_an_html_alternative_travel_with_the_message() {
    let capture = SmtpCapture::from_env();
    let mailer = SmtpMailer::new(&capture.url(), "IntoWork <no-reply@intowork.test>").unwrap();
    let to = unique("alerts");
    let unsubscribe = "<https://api.intowork.test/api/job-alerts/unsubscribe?token=Ab-_09>";
    let mail = OutgoingMail::text(
        MailKind::PASSWORD_RESET,
        to.clone(),
        "Nouvelles offres",
        "Texte é",
    )
    .with_html("<p>Offres <b>é</b></p>")
    .with_header(MailHeader::new("List-Unsubscribe", unsubscribe).unwrap())
    .with_header(MailHeader::new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click").unwrap());
    let message_id = id(&format!("html-{}", to.replace('@', ".")));
    mailer.send(&message_id, &mail).await.unwrap();
    let m = &capture.wait_for(&to, 1, Duration::from_secs(10)).await[0];
    assert_eq!(m.message_id, message_id.as_str());
    assert_eq!(m.header("List-Unsubscribe"), Some(unsubscribe));
    assert_eq!(
        m.header("List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    assert_eq!(m.text.trim_end(), "Texte é");
    assert_eq!(m.html.trim_end(), "<p>Offres <b>é</b></p>");
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
        .send(&id("down"), &plain("someone@example.com", "t"))
        .await
        .unwrap_err();
    assert!(matches!(err, MailError::Delivery(_)), "{err:?}");
}

#[tokio::test]
async fn a_malformed_recipient_is_refused_before_connecting() {
    let capture = SmtpCapture::from_env();
    let mailer = SmtpMailer::new(&capture.url(), "no-reply@x.test").unwrap();
    let err = mailer
        .send(&id("bad"), &plain("not an address", "t"))
        .await
        .unwrap_err();
    assert!(matches!(err, MailError::Invalid(_)), "{err:?}");
}
