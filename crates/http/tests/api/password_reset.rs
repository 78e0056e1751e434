//! Forgot-password and reset-password against mocks: one answer for every address, the mail
//! queued with its token off the request path (never sent there), and the reset's errors.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::test::TestRequest;
use intowork_domain::mail::OutgoingMail;
use intowork_domain::user::Role;
use serde_json::json;

use crate::support::*;

const ANSWER: &str =
    "Si un compte existe pour cette adresse, un email de réinitialisation a été envoyé.";

fn forgot(email: &str) -> TestRequest {
    TestRequest::post()
        .uri("/api/auth/forgot-password")
        .set_json(json!({ "email": email }))
}

/// Lets the spawned task run (it shares the test's single-threaded runtime).
async fn settle() {
    actix_rt::time::sleep(Duration::from_millis(100)).await;
}

#[actix_rt::test]
async fn known_and_unknown_addresses_get_the_same_answer_and_only_one_gets_a_queued_mail() {
    let sent: Arc<Mutex<Vec<OutgoingMail>>> = Arc::default();
    let mut m = Mocks::new();
    m.reset_users
        .expect_find_by_email()
        .returning(|email| Ok((email == "jane@example.com").then(|| user(4, Role::Candidate))));
    m.reset_tokens
        .expect_generate()
        .returning(|| "the-token".into());
    m.reset_tokens
        .expect_hash()
        .returning(|t| format!("h({t})"));
    let log = sent.clone();
    m.resets
        .expect_replace_unless_recent()
        .times(1)
        .returning(move |_, _, mail| {
            log.lock().unwrap().push(mail);
            Ok(true)
        });
    // Nothing leaves on the request path: the outbox's worker sends it.
    m.mailer.expect_send().never();
    let app = make_app(m).await;
    let (s1, _, known) = send(&app, forgot("Jane@Example.com")).await;
    let (s2, _, unknown) = send(&app, forgot("ghost@example.com")).await;
    assert_eq!((s1, s2), (200, 200));
    assert_eq!(known, unknown);
    assert_eq!(known, json!({ "message": ANSWER }));
    settle().await;
    let mails = sent.lock().unwrap().clone();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "user4@example.com");
    assert!(
        mails[0]
            .text
            .contains("http://front.test/reset-password?token=the-token"),
        "{}",
        mails[0].text
    );
}

#[actix_rt::test]
async fn a_failing_database_does_not_change_the_answer() {
    let mut m = Mocks::new();
    m.reset_users
        .expect_find_by_email()
        .returning(|_| Err(intowork_domain::RepoError::Unavailable("down".into())));
    m.mailer.expect_send().never();
    let app = make_app(m).await;
    let (s, _, b) = send(&app, forgot("jane@example.com")).await;
    assert_eq!((s, b), (200, json!({ "message": ANSWER })));
    settle().await;
}

#[actix_rt::test]
async fn a_malformed_address_is_a_422() {
    let mut m = Mocks::new();
    m.reset_users.expect_find_by_email().never();
    let app = make_app(m).await;
    let (s, _, b) = send(&app, forgot("not-an-email")).await;
    assert_eq!(s, 422);
    assert_eq!(b["detail"][0]["loc"], json!(["body", "email"]));
    let (s, _, _) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/forgot-password")
            .set_json(json!({})),
    )
    .await;
    assert_eq!(s, 422);
}

fn reset(body: serde_json::Value) -> TestRequest {
    TestRequest::post()
        .uri("/api/auth/reset-password")
        .set_json(body)
}

#[actix_rt::test]
async fn reset_answers_success_invalid_link_and_policy_errors() {
    let mut m = Mocks::new();
    m.reset_tokens
        .expect_hash()
        .returning(|t| format!("h({t})"));
    m.resets
        .expect_is_usable()
        .returning(|h, _| Ok(h == "h(good)"));
    m.reset_hasher
        .expect_hash()
        .times(1)
        .returning(|_| Ok("$argon2id$new".into()));
    m.resets
        .expect_consume()
        .times(1)
        .returning(|_, _, _| Ok(Some(user(4, Role::Candidate))));
    let app = make_app(m).await;

    let (s, _, b) = send(
        &app,
        reset(json!({"token": "bad", "new_password": "long-enough-1"})),
    )
    .await;
    assert_eq!(
        (s, b["detail"].as_str(), b["code"].as_str()),
        (
            400,
            Some("Lien de réinitialisation invalide ou expiré"),
            Some("invalid_reset_token")
        )
    );
    let (s, _, b) = send(
        &app,
        reset(json!({"token": "good", "new_password": "short"})),
    )
    .await;
    assert_eq!((s, b["code"].as_str()), (400, Some("password_too_short")));
    let (s, _, b) = send(
        &app,
        reset(json!({"token": "good", "new_password": "x".repeat(257)})),
    )
    .await;
    assert_eq!((s, b["code"].as_str()), (400, Some("password_too_long")));
    let (s, _, _) = send(&app, reset(json!({"token": "good"}))).await;
    assert_eq!(s, 422);
    let (s, _, b) = send(
        &app,
        reset(json!({"token": "good", "new_password": "long-enough-1"})),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(
        b,
        json!({"message": "Mot de passe réinitialisé avec succès"})
    );
}
