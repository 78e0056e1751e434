//! The outbox delivery against mockall doubles, and the mail value types.

use std::sync::Arc;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use mockall::Sequence;
use mockall::predicate::eq;

use super::delivery::short_error;
use super::*;
use crate::ports::MockClock;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap()
}

fn policy() -> DeliveryPolicy {
    DeliveryPolicy {
        batch: 2,
        ..DeliveryPolicy::default()
    }
}

fn claimed(id: i64, attempts: u32) -> ClaimedMail {
    ClaimedMail {
        id: OutboxId(id),
        message_id: MessageId::new(&format!("m{id}"), "intowork.test").unwrap(),
        mail: OutgoingMail::text(
            MailKind::PASSWORD_RESET,
            "jane@example.com",
            "Réinitialisation",
            "https://front/reset?token=SECRET",
        ),
        attempts,
        lease: now() + TimeDelta::minutes(5),
    }
}

fn service(outbox: MockMailOutbox, mailer: MockMailer) -> MailOutboxService {
    let mut clock = MockClock::new();
    clock.expect_now().returning(now);
    MailOutboxService::new(
        Arc::new(outbox),
        Arc::new(mailer),
        Arc::new(clock),
        policy(),
    )
}

/// An outbox that hands out `mails` once, then nothing, and expects `outcome` for each.
fn outbox_with(mails: Vec<ClaimedMail>, outcome: AttemptOutcome) -> MockMailOutbox {
    let mut outbox = MockMailOutbox::new();
    let mut seq = Sequence::new();
    outbox
        .expect_claim_due()
        .with(eq(now()), eq(now() + TimeDelta::minutes(5)), eq(2))
        .times(1)
        .in_sequence(&mut seq)
        .return_once(move |_, _, _| Ok(mails));
    outbox
        .expect_finish()
        .withf(move |_, lease, o, at| {
            *lease == now() + TimeDelta::minutes(5) && *o == outcome && *at == now()
        })
        .returning(|_, _, _, _| Ok(true));
    outbox
}

#[test]
fn the_wait_doubles_from_30_seconds_up_to_an_hour() {
    let p = DeliveryPolicy::default();
    let waits: Vec<i64> = (1..=10).map(|n| p.retry_delay(n).num_seconds()).collect();
    assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    assert_eq!(p.retry_delay(u32::MAX), TimeDelta::hours(1));
    assert_eq!(p.max_attempts, 8);
}

#[tokio::test]
async fn a_sent_mail_is_recorded_with_its_message_id() {
    let outbox = outbox_with(vec![claimed(1, 1)], AttemptOutcome::Sent);
    let mut mailer = MockMailer::new();
    mailer
        .expect_send()
        .withf(|id, mail| id.as_str() == "<m1@intowork.test>" && mail.to == "jane@example.com")
        .times(1)
        .returning(|_, _| Ok(()));
    let report = service(outbox, mailer).deliver_due().await.unwrap();
    assert_eq!(
        report,
        DeliveryReport {
            sent: 1,
            ..DeliveryReport::default()
        }
    );
}

#[tokio::test]
async fn a_transport_failure_is_retried_after_the_backoff() {
    for (attempts, wait) in [(1, 30), (3, 120), (7, 1920)] {
        let outbox = outbox_with(
            vec![claimed(1, attempts)],
            AttemptOutcome::Retry {
                at: now() + TimeDelta::seconds(wait),
                error: "connection refused".into(),
            },
        );
        let mut mailer = MockMailer::new();
        mailer
            .expect_send()
            .times(1)
            .returning(|_, _| Err(MailError::Delivery("connection refused\r\n".into())));
        let report = service(outbox, mailer).deliver_due().await.unwrap();
        assert_eq!(report.retrying, 1, "attempt {attempts}");
    }
}

#[tokio::test]
async fn the_last_allowed_attempt_failing_marks_the_mail_failed() {
    let outbox = outbox_with(
        vec![claimed(1, 8)],
        AttemptOutcome::Failed {
            error: "timed out".into(),
        },
    );
    let mut mailer = MockMailer::new();
    mailer
        .expect_send()
        .times(1)
        .returning(|_, _| Err(MailError::Delivery("timed out".into())));
    let report = service(outbox, mailer).deliver_due().await.unwrap();
    assert_eq!((report.failed, report.retrying), (1, 0));
}

#[tokio::test]
async fn an_invalid_recipient_fails_at_once() {
    let outbox = outbox_with(
        vec![claimed(1, 1)],
        AttemptOutcome::Failed {
            error: "invalid: recipient: missing domain".into(),
        },
    );
    let mut mailer = MockMailer::new();
    mailer
        .expect_send()
        .times(1)
        .returning(|_, _| Err(MailError::Invalid("recipient: missing domain".into())));
    let report = service(outbox, mailer).deliver_due().await.unwrap();
    assert_eq!(report.failed, 1);
}

#[tokio::test]
async fn a_mail_past_its_attempts_after_a_crash_fails_without_sending() {
    let outbox = outbox_with(
        vec![claimed(1, 9)],
        AttemptOutcome::Failed {
            error: "no outcome recorded for the last attempt".into(),
        },
    );
    let mut mailer = MockMailer::new();
    mailer.expect_send().never();
    let report = service(outbox, mailer).deliver_due().await.unwrap();
    assert_eq!(report.failed, 1);
}

#[tokio::test]
async fn a_claim_about_to_expire_is_left_for_a_later_pass() {
    let mut outbox = MockMailOutbox::new();
    let short = ClaimedMail {
        lease: now() + TimeDelta::seconds(10),
        ..claimed(1, 1)
    };
    outbox
        .expect_claim_due()
        .times(1)
        .return_once(move |_, _, _| Ok(vec![short]));
    outbox.expect_finish().never();
    let mut mailer = MockMailer::new();
    mailer.expect_send().never();
    let report = service(outbox, mailer).deliver_due().await.unwrap();
    assert_eq!(report.deferred, 1);
}

#[tokio::test]
async fn a_lost_claim_is_reported_and_full_batches_are_followed_by_another_claim() {
    let mut outbox = MockMailOutbox::new();
    let mut seq = Sequence::new();
    outbox
        .expect_claim_due()
        .times(1)
        .in_sequence(&mut seq)
        .return_once(|_, _, _| Ok(vec![claimed(1, 1), claimed(2, 1)]));
    outbox
        .expect_claim_due()
        .times(1)
        .in_sequence(&mut seq)
        .return_once(|_, _, _| Ok(vec![claimed(3, 1)]));
    outbox
        .expect_finish()
        .times(3)
        .returning(|id, _, _, _| Ok(id != OutboxId(2)));
    let mut mailer = MockMailer::new();
    mailer.expect_send().times(3).returning(|_, _| Ok(()));
    let report = service(outbox, mailer).deliver_due().await.unwrap();
    assert_eq!((report.sent, report.deferred), (3, 1));
}

#[tokio::test]
async fn a_storage_failure_ends_the_pass() {
    let mut outbox = MockMailOutbox::new();
    outbox
        .expect_claim_due()
        .returning(|_, _, _| Err(crate::RepoError::Unavailable("down".into())));
    let mut mailer = MockMailer::new();
    mailer.expect_send().never();
    assert!(service(outbox, mailer).deliver_due().await.is_err());
}

#[test]
fn errors_are_one_short_line() {
    assert_eq!(
        short_error(" 421 busy\r\ntry later "),
        "421 busy  try later"
    );
    assert_eq!(short_error(&"x".repeat(500)).len(), 200);
    assert_eq!(
        short_error("permanent error (550): 5.1.1 <jane@example.com>: unknown"),
        "permanent error (550): 5.1.1 [address] unknown"
    );
}

#[test]
fn kinds_headers_and_message_ids_are_checked() {
    assert_eq!(MailKind::PASSWORD_RESET.as_str(), "password_reset");
    assert_eq!(
        MailKind::parse("job_alert_daily").unwrap().as_str(),
        "job_alert_daily"
    );
    for bad in ["", "Password", "a-b", &"x".repeat(41)] {
        assert!(MailKind::parse(bad).is_none(), "{bad:?}");
    }
    let h = MailHeader::new("List-Unsubscribe", "<https://api/unsubscribe?t=T>").unwrap();
    assert_eq!(
        (h.name(), h.value()),
        ("List-Unsubscribe", "<https://api/unsubscribe?t=T>")
    );
    assert_eq!(MailHeader::new("Bad Name", "v"), Err(InvalidHeader::Name));
    assert_eq!(MailHeader::new("X:Y", "v"), Err(InvalidHeader::Name));
    assert!(matches!(
        MailHeader::new("bcc", "evil@example.com"),
        Err(InvalidHeader::Reserved(_))
    ));
    assert_eq!(
        MailHeader::new("X-Tag", "a\r\nBcc: evil@example.com"),
        Err(InvalidHeader::Value)
    );
    assert_eq!(
        MessageId::new("abc", "intowork.test").unwrap().as_str(),
        "<abc@intowork.test>"
    );
    for bad in ["abc@x", "<abc>", "<@x>", "<a b@x>", "<a@x@y>"] {
        assert!(MessageId::parse(bad).is_none(), "{bad:?}");
    }
}

#[test]
fn debug_hides_bodies_and_header_values() {
    let mail = OutgoingMail::text(MailKind::SET_PASSWORD, "a@b.co", "Bienvenue", "TEXT-SECRET")
        .with_html("<p>HTML-SECRET</p>")
        .with_header(MailHeader::new("List-Unsubscribe", "<https://u?t=HEADER-SECRET>").unwrap());
    let shown = format!("{mail:?}");
    for secret in ["TEXT-SECRET", "HTML-SECRET", "HEADER-SECRET"] {
        assert!(!shown.contains(secret), "{shown}");
    }
    assert!(shown.contains("List-Unsubscribe"), "{shown}");
    assert!(shown.contains("set_password"), "{shown}");
}
