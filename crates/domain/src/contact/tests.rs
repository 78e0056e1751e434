use std::sync::Arc;

use chrono::{TimeZone, Utc};

use super::*;
use crate::mail::MockMailOutbox;
use crate::ports::MockClock;

fn message() -> ContactMessage {
    ContactMessage {
        name: " Léa\nDiop ".into(),
        email: "lea@example.test".into(),
        subject: "Partenariat".into(),
        message: "Bonjour <b>équipe</b>".into(),
    }
}

fn clock() -> Arc<MockClock> {
    let mut clock = MockClock::new();
    clock
        .expect_now()
        .returning(|| Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap());
    Arc::new(clock)
}

#[tokio::test]
async fn a_message_is_queued_as_plain_text_to_the_contact_address() {
    let mut outbox = MockMailOutbox::new();
    outbox
        .expect_enqueue()
        .withf(|mail, _| {
            mail.to == "contact@intowork.test"
                && mail.kind == MailKind::CONTACT
                && mail.subject == "[Contact] Partenariat"
                && mail.html.is_none()
                && mail.text.contains("Nom : Léa Diop")
                && mail.text.contains("Bonjour <b>équipe</b>")
                && mail
                    .headers
                    .iter()
                    .any(|h| h.name() == "Reply-To" && h.value() == "lea@example.test")
        })
        .times(1)
        .returning(|_, _| Ok(crate::mail::MessageId::new("x", "y").unwrap()));
    let service = ContactService::new(
        Arc::new(outbox),
        clock(),
        Some("contact@intowork.test".into()),
    );
    assert_eq!(
        service.send(message()).await.unwrap(),
        ContactOutcome::Queued
    );
}

#[tokio::test]
async fn without_an_address_nothing_is_queued() {
    let outbox = MockMailOutbox::new();
    let service = ContactService::new(Arc::new(outbox), clock(), None);
    assert_eq!(
        service.send(message()).await.unwrap(),
        ContactOutcome::Logged
    );
}

#[test]
fn fields_are_required_and_bounded() {
    let empty = ContactMessage {
        message: "  ".into(),
        ..message()
    };
    assert!(matches!(
        checked(empty),
        Err(ContactError::Empty("message"))
    ));
    let long = ContactMessage {
        subject: "x".repeat(MAX_SUBJECT_CHARS + 1),
        ..message()
    };
    assert!(matches!(
        checked(long),
        Err(ContactError::TooLong("subject"))
    ));
}
