//! Service tests for password recovery, against mockall doubles of every port.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use mockall::predicate::eq;

use super::*;
use crate::ids::UserId;
use crate::mail::MailKind;
use crate::ports::{MockClock, MockPasswordHasher, MockUserRepository};
use crate::user::{PasswordPolicyError, Role, User};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn user(active: bool) -> User {
    User {
        id: UserId(7),
        email: "Jane@example.com".into(),
        role: Role::Candidate,
        first_name: "Jane".into(),
        last_name: "Doe".into(),
        name: None,
        image: None,
        is_active: active,
        token_version: 3,
        password_hash: Some("$argon2id$old".into()),
        created_at: now(),
        updated_at: now(),
    }
}

#[derive(Default)]
struct Mocks {
    users: MockUserRepository,
    resets: MockResetTokenRepository,
    tokens: MockResetTokens,
    hasher: MockPasswordHasher,
}

impl Mocks {
    fn new() -> Self {
        let mut m = Self::default();
        m.tokens.expect_generate().returning(|| "tok-123".into());
        m.tokens.expect_hash().returning(|t| format!("sha256({t})"));
        m
    }

    fn service(self) -> PasswordResetService {
        let mut clock = MockClock::new();
        clock.expect_now().returning(now);
        PasswordResetService::new(
            Arc::new(self.users),
            Arc::new(self.resets),
            Arc::new(self.tokens),
            Arc::new(self.hasher),
            Arc::new(clock),
            RecoverySettings {
                frontend_url: "https://app.example.com/".into(),
                reset_path: "/reset-password".into(),
            },
        )
    }
}

#[tokio::test]
async fn a_known_address_gets_a_hashed_one_hour_token_and_its_mail_queued_with_it() {
    let mut m = Mocks::new();
    m.users
        .expect_find_by_email()
        .with(eq("jane@example.com"))
        .returning(|_| Ok(Some(user(true))));
    let queued = Arc::new(Mutex::new(None));
    let seen = queued.clone();
    m.resets
        .expect_replace_unless_recent()
        .withf(|token, since, _| {
            *token
                == IssuedResetToken {
                    user: UserId(7),
                    token_hash: "sha256(tok-123)".to_owned(),
                    issued_at: now(),
                    expires_at: now() + TimeDelta::hours(1),
                }
                && *since == now() - TimeDelta::seconds(60)
        })
        .times(1)
        .returning(move |_, _, mail| {
            *seen.lock().unwrap() = Some(mail);
            Ok(true)
        });
    let outcome = m.service().send_reset_link(" JANE@example.com ").await;
    assert_eq!(outcome.unwrap(), ResetRequestOutcome::Queued);
    let mail = queued.lock().unwrap().take().unwrap();
    assert_eq!(mail.kind, MailKind::PASSWORD_RESET);
    assert_eq!(mail.to, "Jane@example.com");
    assert!(mail.subject.contains("mot de passe"));
    assert_eq!((mail.html.as_ref(), mail.headers.len()), (None, 0));
    // No double slash after a FRONTEND_URL with a trailing one.
    assert!(
        mail.text
            .contains("\nhttps://app.example.com/reset-password?token=tok-123\n"),
        "{}",
        mail.text
    );
    assert!(
        !format!("{mail:?}").contains("tok-123"),
        "Debug hides the link"
    );
}

#[tokio::test]
async fn unknown_and_inactive_addresses_get_no_token_and_no_mail() {
    let mut m = Mocks::new();
    m.users.expect_find_by_email().returning(|e| {
        Ok((e == "off@example.com").then(|| User {
            email: "off@example.com".into(),
            ..user(false)
        }))
    });
    m.resets.expect_replace_unless_recent().never();
    let svc = m.service();
    assert_eq!(
        svc.send_reset_link("ghost@example.com").await.unwrap(),
        ResetRequestOutcome::NoAccount
    );
    assert_eq!(
        svc.send_reset_link("off@example.com").await.unwrap(),
        ResetRequestOutcome::Inactive
    );
}

#[tokio::test]
async fn a_link_younger_than_a_minute_is_kept_and_no_mail_is_sent() {
    let mut m = Mocks::new();
    m.users
        .expect_find_by_email()
        .returning(|_| Ok(Some(user(true))));
    m.resets
        .expect_replace_unless_recent()
        .withf(|token, since, _| {
            token.issued_at == now() && *since == now() - TimeDelta::seconds(60)
        })
        .times(1)
        .returning(|_, _, _| Ok(false));
    assert_eq!(
        m.service()
            .send_reset_link("jane@example.com")
            .await
            .unwrap(),
        ResetRequestOutcome::RecentLinkKept
    );
}

#[tokio::test]
async fn a_valid_token_sets_the_new_password_once() {
    let mut m = Mocks::new();
    m.resets
        .expect_is_usable()
        .with(eq("sha256(tok-123)".to_owned()), eq(now()))
        .returning(|_, _| Ok(true));
    m.hasher
        .expect_hash()
        .with(eq("new-password".to_owned()))
        .times(1)
        .returning(|_| Ok("$argon2id$new".into()));
    m.resets
        .expect_consume()
        .with(
            eq("sha256(tok-123)".to_owned()),
            eq("$argon2id$new".to_owned()),
            eq(now()),
        )
        .times(1)
        .returning(|_, _, _| Ok(Some(user(true))));
    m.service()
        .reset_password(" tok-123 ", "new-password".into())
        .await
        .unwrap();
}

#[tokio::test]
async fn invalid_tokens_are_refused_before_any_hashing() {
    let mut m = Mocks::new();
    m.resets.expect_is_usable().returning(|_, _| Ok(false));
    m.hasher.expect_hash().never();
    m.resets.expect_consume().never();
    let svc = m.service();
    for token in ["", "   ", "unknown", &"x".repeat(300)] {
        assert!(
            matches!(
                svc.reset_password(token, "new-password".into()).await,
                Err(ResetPasswordError::InvalidToken)
            ),
            "{token:?}"
        );
    }
}

#[tokio::test]
async fn a_weak_password_is_refused_and_the_token_kept() {
    let mut m = Mocks::new();
    m.resets.expect_is_usable().returning(|_, _| Ok(true));
    m.hasher.expect_hash().never();
    m.resets.expect_consume().never();
    let svc = m.service();
    assert!(matches!(
        svc.reset_password("tok-123", "short".into()).await,
        Err(ResetPasswordError::WeakPassword(
            PasswordPolicyError::TooShort
        ))
    ));
    assert!(matches!(
        svc.reset_password("tok-123", "x".repeat(257)).await,
        Err(ResetPasswordError::WeakPassword(
            PasswordPolicyError::TooLong
        ))
    ));
}

#[tokio::test]
async fn losing_the_race_for_a_token_is_an_invalid_link() {
    let mut m = Mocks::new();
    m.resets.expect_is_usable().returning(|_, _| Ok(true));
    m.hasher.expect_hash().returning(|_| Ok("h".into()));
    m.resets.expect_consume().returning(|_, _, _| Ok(None));
    assert!(matches!(
        m.service()
            .reset_password("tok-123", "new-password".into())
            .await,
        Err(ResetPasswordError::InvalidToken)
    ));
}
