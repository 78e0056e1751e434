//! Abuse budgets through the real server, on both databases: a signed-in account's password
//! checks are throttled, a stranger's wrong sign-ins from one address leave the owner free to sign
//! in from another, ten reset requests from one address leave the owner a working link, and job
//! creations and CV uploads have daily ceilings.

use intowork_testkit::TestDb;
use serde_json::{Value, json};

use crate::both_backends;
use crate::hiring::{employer, job_body};
use crate::recovery::{link_token, spawn_with_mail_and};
use crate::support::*;

fn unique(name: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{name}-{nanos:x}@example.com")
}

/// Status, `Retry-After` (seconds) and body of a request sent as if by `client` behind one
/// trusted proxy.
async fn send_from(client: &str, req: reqwest::RequestBuilder) -> (u16, Option<u64>, Value) {
    let res = req.header("X-Forwarded-For", client).send().await.unwrap();
    let retry = res
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().parse().unwrap());
    let (status, body) = into_parts(res).await;
    (status, retry, body)
}

async fn spawn_real_budgets(db: &TestDb, extra: &[(&str, &str)]) -> (TestApp, tempfile::TempDir) {
    let dir = data_dir();
    let mut vars = vec![
        ("AUTH_RATE_LIMIT_PER_MINUTE", "10"),
        ("TRUSTED_PROXY_HOPS", "1"),
    ];
    vars.extend_from_slice(extra);
    let app = TestApp::spawn_with(db_url(db), dir.path(), &vars).await;
    (app, dir)
}

async fn wrong_password_changes_are_throttled_per_account(db: TestDb) {
    let (app, _dir) = spawn_real_budgets(&db, &[]).await;
    let email = unique("oracle");
    let stolen = token(&app, &email, "candidate").await;
    let mut statuses = Vec::new();
    let mut retry = None;
    for _ in 0..30 {
        let req = app
            .client
            .post(app.url("/api/auth/change-password"))
            .bearer_auth(&stolen)
            .json(&json!({"current_password": "not-it", "new_password": "whatever-42-x"}));
        let (status, r, _) = send_from("203.0.113.50", req).await;
        statuses.push(status);
        retry = retry.or(r);
    }
    assert_eq!(statuses[..10], [400; 10]);
    assert_eq!(statuses[10..], [429; 20]);
    assert!((1..=60).contains(&retry.expect("Retry-After")));
    // The budget is the account's, shared by the routes that check its password, from any
    // address: change-email and delete-account are refused too.
    let req = app
        .client
        .post(app.url("/api/auth/change-email"))
        .bearer_auth(&stolen)
        .json(&json!({"new_email": unique("moved"), "password": "correct-horse"}));
    assert_eq!(send_from("198.51.100.50", req).await.0, 429);
    let req = app
        .client
        .delete(app.url("/api/auth/delete-account"))
        .bearer_auth(&stolen);
    assert_eq!(send_from("198.51.100.50", req).await.0, 429);
    // Another account is untouched.
    let other = token(&app, &unique("bystander"), "candidate").await;
    let req = app
        .client
        .post(app.url("/api/auth/change-password"))
        .bearer_auth(&other)
        .json(&json!({"current_password": "correct-horse", "new_password": "battery-staple-9"}));
    assert_eq!(send_from("203.0.113.50", req).await.0, 200);
    app.stop().await;
}

async fn a_stranger_cannot_lock_the_owner_out_of_signing_in(db: TestDb) {
    let (app, _dir) = spawn_real_budgets(&db, &[]).await;
    let email = unique("owner");
    token(&app, &email, "candidate").await;
    let signin = |password: &str| {
        app.client
            .post(app.url("/api/auth/signin"))
            .json(&json!({"email": email, "password": password}))
    };
    for _ in 0..10 {
        assert_eq!(
            send_from("203.0.113.66", signin("wrong-guess")).await.0,
            401
        );
    }
    let (status, retry, _) = send_from("203.0.113.66", signin("wrong-guess")).await;
    assert_eq!(status, 429);
    assert!(retry.is_some());
    // The owner, from elsewhere, with the right password.
    let (status, _, body) = send_from("198.51.100.7", signin("correct-horse")).await;
    assert_eq!(status, 200, "{body}");
    app.stop().await;
}

async fn a_stranger_cannot_block_the_owners_reset(db: TestDb) {
    let budgets = [
        ("AUTH_RATE_LIMIT_PER_MINUTE", "10"),
        ("TRUSTED_PROXY_HOPS", "1"),
    ];
    let (app, capture, _dir) = spawn_with_mail_and(&db, &budgets).await;
    let email = crate::recovery::unique("reset-owner");
    token(&app, &email, "candidate").await;
    let forgot = |address: &str| {
        app.client
            .post(app.url("/api/auth/forgot-password"))
            .json(&json!({"email": address}))
    };
    let mut answers = Vec::new();
    for _ in 0..10 {
        let (status, _, body) = send_from("203.0.113.77", forgot(&email)).await;
        assert_eq!(status, 200);
        answers.push(body);
    }
    // One address gets its own budget for this mailbox, and no more.
    assert_eq!(send_from("203.0.113.77", forgot(&email)).await.0, 429);
    // The owner, from elsewhere: the same answer as for everyone, and as for an unknown address.
    let (status, _, owner) = send_from("198.51.100.77", forgot(&email)).await;
    let (_, _, ghost) = send_from("198.51.100.77", forgot("nobody@example.com")).await;
    assert_eq!(status, 200);
    assert!(answers.iter().all(|a| *a == owner) && owner == ghost);
    // Eleven requests within a minute mailed one link, which is the owner's and works.
    let mails = capture
        .wait_for(&email, 1, std::time::Duration::from_secs(15))
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(capture.messages_to(&email).len(), 1, "one mail a minute");
    let link = link_token(&mails[0].text);
    let (status, body) = app
        .post(
            "/api/auth/reset-password",
            json!({"token": link, "new_password": "owner-chose-this-7"}),
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = app
        .post(
            "/api/auth/signin",
            json!({"email": email, "password": "owner-chose-this-7"}),
            None,
        )
        .await;
    assert_eq!(status, 200);
    app.stop().await;
}

async fn job_creations_and_cv_uploads_have_daily_ceilings(db: TestDb) {
    let ceilings = [
        ("JOBS_PER_DAY", "2"),
        ("JOBS_PER_DAY_PER_IP", "3"),
        ("CV_UPLOADS_PER_DAY", "2"),
        ("CV_UPLOADS_PER_DAY_PER_IP", "3"),
    ];
    let (app, _dir) = spawn_real_budgets(&db, &ceilings).await;
    let create = |token: &str| {
        app.client
            .post(app.url("/api/jobs/create"))
            .bearer_auth(token)
            .json(&job_body("Comptable"))
    };
    let (boss, _) = employer(&app, &unique("boss"), "Acme").await;
    let (other, _) = employer(&app, &unique("boss2"), "Globex").await;
    let office = "203.0.113.80";
    assert_eq!(send_from(office, create(&boss)).await.0, 201);
    assert_eq!(send_from(office, create(&boss)).await.0, 201);
    let (status, retry, _) = send_from(office, create(&boss)).await;
    assert_eq!(status, 429, "the account's ceiling");
    assert!((60..=86_400).contains(&retry.expect("Retry-After")));
    // The address's ceiling: one more job from the office, then none for anyone there.
    assert_eq!(send_from(office, create(&other)).await.0, 201);
    let (third, _) = employer(&app, &unique("boss3"), "Initech").await;
    assert_eq!(send_from(office, create(&third)).await.0, 429);
    assert_eq!(send_from("198.51.100.80", create(&third)).await.0, 201);

    let upload = |token: &str| {
        let boundary = "b0undary";
        let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").into_bytes();
        body.extend_from_slice(b"%PDF-1.5\nhello cv\n");
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        app.client
            .post(app.url("/api/candidates/cv"))
            .bearer_auth(token)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
    };
    let cand = token(&app, &unique("cand"), "candidate").await;
    let cand2 = token(&app, &unique("cand2"), "candidate").await;
    let home = "203.0.113.90";
    assert_eq!(send_from(home, upload(&cand)).await.0, 200);
    assert_eq!(send_from(home, upload(&cand)).await.0, 200);
    let (status, retry, _) = send_from(home, upload(&cand)).await;
    assert_eq!(status, 429);
    assert!((60..=86_400).contains(&retry.expect("Retry-After")));
    assert_eq!(send_from(home, upload(&cand2)).await.0, 200);
    let cand3 = token(&app, &unique("cand3"), "candidate").await;
    assert_eq!(send_from(home, upload(&cand3)).await.0, 429);
    assert_eq!(send_from("198.51.100.90", upload(&cand3)).await.0, 200);
    app.stop().await;
}

both_backends!(
    wrong_password_changes_are_throttled_per_account,
    a_stranger_cannot_lock_the_owner_out_of_signing_in,
    a_stranger_cannot_block_the_owners_reset,
    job_creations_and_cv_uploads_have_daily_ceilings
);
