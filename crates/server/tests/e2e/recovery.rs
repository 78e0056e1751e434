//! Password recovery through the real server and a real SMTP server (the aiosmtpd `scripts/test`
//! starts; CONTRACT 8.10, 9.7): the mail arrives, its link resets the password once, the old
//! password and tokens die, and an unknown address gets the same answer and no mail.

use std::time::Duration;

use intowork_testkit::TestDb;
use intowork_testkit::smtp::SmtpCapture;
use serde_json::json;

use crate::both_backends;
use crate::support::*;

const NEW_PASSWORD: &str = "brand-new-horse-42";

/// A recipient no other test (or run) uses, so the capture directory can be shared.
pub(crate) fn unique(prefix: &str) -> String {
    format!("{prefix}-{}@example.com", uuid_like())
}

fn uuid_like() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{nanos:x}")
}

/// The token of the reset link in a mail body.
pub(crate) fn link_token(text: &str) -> String {
    let prefix = "http://front.test/reset-password?token=";
    let start = text
        .find(prefix)
        .unwrap_or_else(|| panic!("no link in: {text}"))
        + prefix.len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The server with real SMTP delivery to the suite's capture server, reset links on
/// `http://front.test/`; the data directory lives as long as the returned guard.
async fn spawn_with_mail(db: &TestDb) -> (TestApp, SmtpCapture, tempfile::TempDir) {
    spawn_with_mail_and(db, &[]).await
}

/// [`spawn_with_mail`] with more settings.
pub(crate) async fn spawn_with_mail_and(
    db: &TestDb,
    extra: &[(&str, &str)],
) -> (TestApp, SmtpCapture, tempfile::TempDir) {
    let capture = SmtpCapture::from_env();
    let dir = data_dir();
    let smtp_url = capture.url();
    let mut vars = vec![
        ("SMTP_URL", smtp_url.as_str()),
        ("MAIL_FROM", "IntoWork <no-reply@intowork.test>"),
        ("FRONTEND_URL", "http://front.test/"),
    ];
    vars.extend_from_slice(extra);
    let app = TestApp::spawn_with(db_url(db), dir.path(), &vars).await;
    (app, capture, dir)
}

async fn the_whole_recovery_flow(db: TestDb) {
    let (app, capture, _dir) = spawn_with_mail(&db).await;
    let email = unique("awa");
    let ghost = unique("ghost");
    let (s, body) = app.signup(&email, "candidate").await;
    assert_eq!(s, 201, "{body}");
    let old_token = body["access_token"].as_str().unwrap().to_owned();

    // The same answer for an unknown and a known address.
    let (s1, unknown) = app
        .post("/api/auth/forgot-password", json!({"email": ghost}), None)
        .await;
    let (s2, known) = app
        .post(
            "/api/auth/forgot-password",
            json!({"email": email.to_uppercase()}),
            None,
        )
        .await;
    assert_eq!((s1, s2), (200, 200));
    assert_eq!(unknown, known);
    assert_eq!(
        known["message"],
        "Si un compte existe pour cette adresse, un email de réinitialisation a été envoyé."
    );

    // The mail arrives at the SMTP server.
    let mails = capture.wait_for(&email, 1, Duration::from_secs(15)).await;
    let mail = &mails[0];
    assert_eq!(mail.mail_from, "no-reply@intowork.test");
    assert!(mail.subject.contains("mot de passe"), "{}", mail.subject);
    let token = link_token(&mail.text);
    assert_eq!(token.len(), 43, "32 random bytes, base64url: {token}");

    // Only the digest is stored.
    let stored = app
        .database
        .run(|c| {
            use diesel::prelude::*;
            use intowork_storage::schema::password_reset_tokens as t;
            t::table
                .select(t::token_hash)
                .load::<String>(c)
                .map_err(|e| intowork_domain::RepoError::Internal(e.to_string()))
        })
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token);
    assert_eq!(stored[0].len(), 64);

    // A weak password is refused and keeps the link usable.
    let (s, b) = app
        .post(
            "/api/auth/reset-password",
            json!({"token": token, "new_password": "short"}),
            None,
        )
        .await;
    assert_eq!((s, b["code"].as_str()), (400, Some("password_too_short")));
    let (s, b) = app
        .post(
            "/api/auth/reset-password",
            json!({"token": token, "new_password": NEW_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["message"], "Mot de passe réinitialisé avec succès");

    // The old password and the old token stop working; the new password works.
    let signin = |password: &str| json!({"email": email, "password": password});
    let (s, _) = app
        .post("/api/auth/signin", signin("correct-horse"), None)
        .await;
    assert_eq!(s, 401);
    let (s, b) = app.get("/api/auth/me", Some(&old_token)).await;
    assert_eq!((s, b["detail"].as_str()), (401, Some("Token revoked")));
    let (s, b) = app
        .post("/api/auth/signin", signin(NEW_PASSWORD), None)
        .await;
    assert_eq!(s, 200, "{b}");
    let fresh = b["access_token"].as_str().unwrap().to_owned();
    let (s, _) = app.get("/api/auth/me", Some(&fresh)).await;
    assert_eq!(s, 200);

    // The link cannot be used twice.
    let (s, b) = app
        .post(
            "/api/auth/reset-password",
            json!({"token": token, "new_password": "yet-another-one-9"}),
            None,
        )
        .await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (400, Some("Lien de réinitialisation invalide ou expiré"))
    );

    // The unknown address got nothing: its task started first and has had ample time since.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(capture.messages_to(&ghost).is_empty());
    assert_eq!(capture.messages_to(&email).len(), 1);
    app.stop().await;
}

/// A link mailed before the address or the password changed sets no password afterwards: the
/// steps a user takes after a compromise close the attacker's reset link too.
async fn an_old_link_dies_with_a_new_email_or_password(db: TestDb) {
    let (app, capture, _dir) = spawn_with_mail(&db).await;
    let email = unique("moved-from");
    let moved = unique("moved-to");
    let (s, body) = app.signup(&email, "candidate").await;
    assert_eq!(s, 201, "{body}");
    let token = body["access_token"].as_str().unwrap().to_owned();
    let link_for = |address: String| {
        let app = &app;
        let capture = &capture;
        async move {
            let (s, _) = app
                .post("/api/auth/forgot-password", json!({"email": address}), None)
                .await;
            assert_eq!(s, 200);
            let mails = capture.wait_for(&address, 1, Duration::from_secs(15)).await;
            link_token(&mails[0].text)
        }
    };
    let reset = |link: String| {
        let app = &app;
        async move {
            app.post(
                "/api/auth/reset-password",
                json!({"token": link, "new_password": NEW_PASSWORD}),
                None,
            )
            .await
        }
    };
    let dead = (400, Some("Lien de réinitialisation invalide ou expiré"));

    // Change of address: the link mailed to the old one is dead.
    let old_address_link = link_for(email.clone()).await;
    let (s, b) = app
        .post(
            "/api/auth/change-email",
            json!({"new_email": moved, "password": "correct-horse"}),
            Some(&token),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    let (s, b) = reset(old_address_link).await;
    assert_eq!((s, b["detail"].as_str()), dead);

    // Change of password: the link mailed before it is dead.
    let before_change_link = link_for(moved.clone()).await;
    let (s, b) = app
        .post(
            "/api/auth/change-password",
            json!({"current_password": "correct-horse", "new_password": "battery-staple-9"}),
            Some(&token),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    let (s, b) = reset(before_change_link).await;
    assert_eq!((s, b["detail"].as_str()), dead);

    // The password is the one the user chose, not the attacker's.
    let (s, _) = app
        .post(
            "/api/auth/signin",
            json!({"email": moved, "password": "battery-staple-9"}),
            None,
        )
        .await;
    assert_eq!(s, 200);
    app.stop().await;
}

both_backends!(
    the_whole_recovery_flow,
    an_old_link_dies_with_a_new_email_or_password
);
