use super::tests::{Mocks, now};
use super::*;
use crate::ids::{ApplicationId, UserId};
use crate::mail::MailKind;
use crate::user::{Role, User};

fn sender() -> User {
    User {
        id: UserId(101),
        email: "boss@acme.test".into(),
        role: Role::Employer,
        first_name: "Jean".into(),
        last_name: "Dupont".into(),
        name: None,
        image: None,
        is_active: true,
        token_version: 0,
        password_hash: None,
        created_at: now(),
        updated_at: now(),
    }
}

#[test]
fn the_message_is_plain_text_with_a_one_line_subject() {
    let m = QuickMessage::new(
        &sender(),
        "Entretien\r\nBcc: x@y",
        "<script>alert(1)</script>",
    );
    assert_eq!(m.subject, "Entretien  Bcc: x@y");
    let mail = m.mail("awa@example.com");
    assert_eq!(mail.kind, MailKind::QUICK_MESSAGE);
    assert!(mail.html.is_none());
    assert!(mail.text.starts_with("<script>alert(1)</script>\n\n--\n"));
    assert!(mail.text.ends_with("envoyé par Jean Dupont via IntoWork."));
}

#[tokio::test]
async fn a_quick_message_changes_the_status_without_the_template_mail() {
    let mut m = Mocks::default().employer_side(1);
    m.apps.expect_change_status().never();
    m.apps
        .expect_quick_message()
        .withf(|id, u, n, msg| {
            *id == ApplicationId(9)
                && u.status == ApplicationStatus::Interview
                && u.actor == UserId(101)
                && u.candidate_mail.is_none()
                && n.user_id == UserId(1)
                && msg.subject == "Entretien"
        })
        .times(1)
        .returning(|_, _, _, _| Ok(Some(true)));
    let message = QuickMessage::new(&sender(), "Entretien", "Bonjour");
    let sent = m
        .service()
        .quick_message(
            &sender(),
            ApplicationId(9),
            ApplicationStatus::Interview,
            message,
        )
        .await
        .unwrap();
    assert!(sent.email_sent && sent.change.changed);
}

#[tokio::test]
async fn another_employers_application_sends_nothing() {
    let mut m = Mocks::default().employer_side(2);
    m.apps.expect_quick_message().never();
    let message = QuickMessage::new(&sender(), "s", "m");
    let got = m
        .service()
        .quick_message(
            &sender(),
            ApplicationId(9),
            ApplicationStatus::Rejected,
            message,
        )
        .await;
    assert!(matches!(got, Err(EmployerApplicationError::NotOwner)));
}
