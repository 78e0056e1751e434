//! The mail outbox through the real server and the suite's SMTP capture server (HEAD 10.13): the
//! reset mail goes out through the outbox with its stable Message-ID, the admin list shows its
//! state and never its body, and two instances on one PostgreSQL database deliver a burst
//! exactly once.

use std::collections::HashSet;
use std::time::Duration;

use chrono::Utc;
use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_domain::mail::{MailKind, OutgoingMail};
use intowork_storage::schema::mail_outbox as outbox;
use intowork_storage::{Database, Outbox, write_tx};
use intowork_testkit::TestDb;
use intowork_testkit::smtp::SmtpCapture;
use serde_json::json;

use crate::admin::admin;
use crate::both_backends;
use crate::recovery::{link_token, spawn_with_mail_and, unique};
use crate::support::*;

/// `(message_id, status, attempts, text_body)` of every outbox row to `to`.
pub(crate) async fn outbox_rows(db: &Database, to: &str) -> Vec<(String, String, i32, String)> {
    let to = to.to_owned();
    db.run(move |c| {
        outbox::table
            .filter(outbox::to_address.eq(to))
            .order(outbox::id)
            .select((
                outbox::message_id,
                outbox::status,
                outbox::attempts,
                outbox::text_body,
            ))
            .load(c)
            .map_err(|e| RepoError::Internal(e.to_string()))
    })
    .await
    .unwrap()
}

/// `<32 hex digits@domain>`.
fn is_outbox_id(id: &str, domain: &str) -> bool {
    id.strip_prefix('<')
        .and_then(|r| r.strip_suffix(&format!("@{domain}>")))
        .is_some_and(|u| u.len() == 32 && u.bytes().all(|b| b.is_ascii_hexdigit()))
}

async fn the_reset_mail_goes_out_through_the_outbox_with_a_message_id(db: TestDb) {
    let (app, capture, _dir) = spawn_with_mail_and(&db, &[("MAIL_POLL_INTERVAL_SECS", "60")]).await;
    let email = unique("outbox");
    let (s, _) = app.signup(&email, "candidate").await;
    assert_eq!(s, 201);
    let (s, _) = app
        .post("/api/auth/forgot-password", json!({"email": email}), None)
        .await;
    assert_eq!(s, 200);

    // Queued by the request's task, sent at once by this instance's worker (the poll interval
    // is a minute, so only the wake-up after the commit can have sent it this fast).
    let mails = capture.wait_for(&email, 1, Duration::from_secs(10)).await;
    let mail = &mails[0];
    assert!(
        is_outbox_id(&mail.message_id, "intowork.test"),
        "{}",
        mail.message_id
    );
    assert_eq!(link_token(&mail.text).len(), 43);

    // The row: sent once, with the same Message-ID, its body (the link) erased.
    let mut rows = outbox_rows(&app.database, &email).await;
    for _ in 0..50 {
        if rows.first().is_some_and(|r| r.1 == "sent") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        rows = outbox_rows(&app.database, &email).await;
    }
    assert_eq!(
        rows,
        [(mail.message_id.clone(), "sent".to_owned(), 1, String::new())]
    );

    // The admin list shows the delivery, never the link.
    let (token, _) = admin(&app, &unique("outbox-admin")).await;
    let (s, list) = app.get("/api/admin/mail?status=sent", Some(&token)).await;
    assert_eq!(s, 200, "{list}");
    let entry = list["mails"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["to"] == email.as_str())
        .unwrap_or_else(|| panic!("{list}"));
    assert_eq!(
        (
            entry["kind"].as_str(),
            entry["status"].as_str(),
            entry["attempts"].as_i64()
        ),
        (Some("password_reset"), Some("sent"), Some(1))
    );
    assert!(entry["sent_at"].is_string());
    assert!(!list.to_string().contains(&link_token(&mail.text)));
    let (s, _) = app
        .get("/api/admin/mail", Some(&token_of_candidate(&app).await))
        .await;
    assert_eq!(s, 403);
    app.stop().await;
}

async fn token_of_candidate(app: &TestApp) -> String {
    token(app, &unique("outbox-candidate"), "candidate").await
}

both_backends!(the_reset_mail_goes_out_through_the_outbox_with_a_message_id);

/// A burst of 200 mails, queued in one transaction while two instances poll one PostgreSQL
/// database: the SMTP server receives each exactly once.
#[actix_web::test]
async fn two_instances_deliver_a_burst_exactly_once() {
    let db = TestDb::postgres();
    let fast = [("MAIL_POLL_INTERVAL_SECS", "1")];
    let (a, capture, _dir_a) = spawn_with_mail_and(&db, &fast).await;
    let (b, _, _dir_b) = spawn_with_mail_and(&db, &fast).await;
    let to = unique("burst");
    let queue = Outbox::new("intowork.test");
    let recipient = to.clone();
    let queued: Vec<String> = a
        .database
        .run(move |c| {
            write_tx(c, |c| {
                (0..200)
                    .map(|i| {
                        let mail = OutgoingMail::text(
                            MailKind::PASSWORD_RESET,
                            recipient.clone(),
                            format!("Burst {i}"),
                            format!("Message {i}"),
                        );
                        queue
                            .enqueue(c, &mail, Utc::now())
                            .map(|id| id.as_str().to_owned())
                    })
                    .collect::<QueryResult<Vec<_>>>()
            })
            .map_err(|e| RepoError::Internal(e.to_string()))
        })
        .await
        .unwrap();

    capture.wait_for(&to, 200, Duration::from_secs(90)).await;
    // Time for a duplicate, had there been one, to arrive too.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let received: Vec<String> = capture
        .messages_to(&to)
        .into_iter()
        .map(|m| m.message_id)
        .collect();
    let distinct: HashSet<&String> = received.iter().collect();
    assert_eq!((received.len(), distinct.len()), (200, 200));
    assert_eq!(distinct, queued.iter().collect::<HashSet<_>>());
    let rows = outbox_rows(&b.database, &to).await;
    assert!(
        rows.iter().all(|r| r.1 == "sent" && r.2 == 1),
        "every mail sent on its first claim"
    );
    a.stop().await;
    b.stop().await;
}

/// `intowork send-mail`: one pass from the command line delivers what is due and says so.
async fn the_send_mail_command_delivers_what_is_due(db: TestDb) {
    let capture = SmtpCapture::from_env();
    let dir = data_dir();
    crate::command::migrate(dir.path(), &db.url);
    let database = Database::connect_lazy(&db.url, 1, Duration::from_secs(5)).unwrap();
    database.set_ready(true);
    let to = unique("cron");
    let mail = OutgoingMail::text(MailKind::SET_PASSWORD, to.clone(), "Bienvenue", "Bonjour");
    let queue = Outbox::new("intowork.test");
    let id = database
        .run(move |c| {
            queue
                .enqueue(c, &mail, Utc::now())
                .map_err(|e| RepoError::Internal(e.to_string()))
        })
        .await
        .unwrap();
    let data = dir.path().to_str().unwrap();
    let smtp = capture.url();
    let mut vars = crate::command::base_vars(&db.url, data);
    vars.extend([
        ("SMTP_URL", smtp.as_str()),
        ("MAIL_FROM", "IntoWork <no-reply@intowork.test>"),
    ]);
    let run = crate::command::intowork(dir.path(), &["send-mail"], &vars);
    assert_eq!(run.code, 0, "{}", run.output());
    assert_eq!(
        run.stdout.trim(),
        "Mail delivery: 1 sent, 0 to retry later, 0 failed for good, 0 left to another pass"
    );
    let received = capture.messages_to(&to);
    assert_eq!(received.len(), 1, "delivered before the command returned");
    assert_eq!(received[0].message_id, id.as_str());
    // Nothing is due any more.
    let run = crate::command::intowork(dir.path(), &["send-mail"], &vars);
    assert!(
        run.stdout.starts_with("Mail delivery: 0 sent"),
        "{}",
        run.output()
    );
}

both_backends!(the_send_mail_command_delivers_what_is_due);
