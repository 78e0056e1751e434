use base64::Engine;
use futures_util::future::join_all;
use intowork_testkit::TestDb;
use serde_json::{Value, json};

use crate::both_backends;
use crate::support::*;

fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap()
}

async fn data_survives_a_restart(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (status, body) = app.signup("Grace@Example.com", "employer").await;
    assert_eq!(status, 201, "{body}");
    let id = body["user"]["id"].clone();
    app.stop().await;

    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (status, body) = app
        .post(
            "/api/auth/signin",
            json!({"email": "grace@EXAMPLE.com", "password": "correct-horse"}),
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["id"], id);
    assert_eq!(body["user"]["role"], "employer");
    app.stop().await;
}

async fn tokens_are_hs256_and_revoked_by_a_password_change(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (_, body) = app.signup("ada@example.com", "candidate").await;
    let token = body["access_token"].as_str().unwrap().to_owned();

    // Decodes with HS256 and the configured secret; the contract's claims.
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    validation.required_spec_claims = ["exp", "sub"].iter().map(|s| s.to_string()).collect();
    let decoded = jsonwebtoken::decode::<Value>(
        &token,
        &jsonwebtoken::DecodingKey::from_secret(SECRET.as_bytes()),
        &validation,
    )
    .expect("token verifies with the secret");
    let c = decoded.claims;
    assert_eq!(
        c["sub"],
        json!(body["user"]["id"].as_i64().unwrap().to_string())
    );
    assert_eq!(
        c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(),
        86_400
    );
    assert_eq!(c["role"], "candidate");
    assert_eq!(c["email"], "ada@example.com");
    assert_eq!(claims(&token)["ver"], 0);

    let (status, _) = app.get("/api/auth/me", Some(&token)).await;
    assert_eq!(status, 200);
    let (status, changed) = app
        .post(
            "/api/auth/change-password",
            json!({"current_password": "correct-horse", "new_password": "battery-staple"}),
            Some(&token),
        )
        .await;
    assert_eq!(status, 200, "{changed}");
    let (status, body) = app.get("/api/auth/me", Some(&token)).await;
    assert_eq!(
        (status, body["detail"].as_str()),
        (401, Some("Token revoked"))
    );
    let fresh = changed["access_token"].as_str().unwrap();
    let (status, _) = app.get("/api/auth/me", Some(fresh)).await;
    assert_eq!(status, 200);

    // The old password no longer signs in; the new one does.
    let (status, _) = app
        .post(
            "/api/auth/signin",
            json!({"email": "ada@example.com", "password": "correct-horse"}),
            None,
        )
        .await;
    assert_eq!(status, 401);
    let (status, _) = app
        .post(
            "/api/auth/signin",
            json!({"email": "ada@example.com", "password": "battery-staple"}),
            None,
        )
        .await;
    assert_eq!(status, 200);
    app.stop().await;
}

async fn concurrent_signups_with_one_email_create_one_account(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let requests = (0..100).map(|i| {
        // Same address in different letter cases.
        let email = if i % 2 == 0 {
            "Race@Example.com"
        } else {
            "race@example.COM"
        };
        app.signup(email, if i % 3 == 0 { "employer" } else { "candidate" })
    });
    let results = join_all(requests).await;
    let created = results.iter().filter(|(s, _)| *s == 201).count();
    let duplicates = results
        .iter()
        .filter(|(s, b)| *s == 400 && b["detail"] == "Email already registered")
        .count();
    assert_eq!(
        (created, duplicates),
        (1, 99),
        "{:?}",
        results.iter().map(|r| r.0).collect::<Vec<_>>()
    );
    app.stop().await;
}

async fn bad_input_never_gives_500(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (status, _) = app.signup("dup@example.com", "candidate").await;
    assert_eq!(status, 201);
    let cases = [
        json!({"email": "DUP@example.com", "password": "correct-horse", "first_name": "A", "last_name": "B", "role": "candidate"}),
        json!({"email": "x@example.com", "password": "p".repeat(100_000), "first_name": "A", "last_name": "B", "role": "candidate"}),
        json!({"email": "x@example.com", "password": 5, "first_name": "A", "last_name": "B", "role": "candidate"}),
        json!({"email": "x@example.com", "password": "correct-horse", "first_name": null, "last_name": "B", "role": "candidate"}),
        json!({"email": "x@example.com", "password": "correct-horse", "first_name": "A", "last_name": "B", "role": "admin"}),
        json!([]),
        json!("nope"),
    ];
    for body in cases {
        let (status, res) = app.post("/api/auth/signup", body.clone(), None).await;
        assert!((400..500).contains(&status), "{body} -> {status} {res}");
        assert!(res["detail"].is_string() || res["detail"].is_array());
    }
    let res = app
        .client
        .post(app.url("/api/auth/signin"))
        .header("content-type", "application/json")
        .body("{\"email\": \"dup@example.com\", \"password\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let (status, _) = app
        .post(
            "/api/auth/signin",
            json!({"email": "dup@example.com", "password": "x".repeat(5000)}),
            None,
        )
        .await;
    assert_eq!(status, 401);
    // U+0000 is refused on both databases (PostgreSQL cannot store it), naming the field, and
    // nothing is written.
    let nul = json!({"email": "nul@example.com", "password": "correct-horse", "first_name": "a\u{0}b", "last_name": "B", "role": "candidate"});
    let (status, res) = app.post("/api/auth/signup", nul, None).await;
    assert_eq!(
        (status, &res["detail"][0]["loc"]),
        (422, &json!(["body", "first_name"]))
    );
    let (status, _) = app.signup("nul@example.com", "candidate").await;
    assert_eq!(status, 201, "the refused sign-up left no account behind");
    let (status, res) = app.get("/api/jobs?search=a%00b", None).await;
    assert_eq!(
        (status, &res["detail"][0]["loc"]),
        (422, &json!(["query", "search"]))
    );
    app.stop().await;
}

async fn delete_account_removes_the_user(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (_, body) = app.signup("leaving@example.com", "employer").await;
    let token = body["access_token"].as_str().unwrap().to_owned();
    let res = app
        .client
        .delete(app.url("/api/auth/delete-account"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let (status, body) = into_parts(res).await;
    assert_eq!(
        (status, body),
        (200, json!({"message": "Account deleted successfully"}))
    );
    let (status, body) = app.get("/api/auth/me", Some(&token)).await;
    assert_eq!(
        (status, body["detail"].as_str()),
        (401, Some("Invalid token"))
    );
    // The address is free again.
    let (status, _) = app.signup("leaving@example.com", "candidate").await;
    assert_eq!(status, 201);
    app.stop().await;
}

both_backends!(
    data_survives_a_restart,
    tokens_are_hs256_and_revoked_by_a_password_change,
    concurrent_signups_with_one_email_create_one_account,
    bad_input_never_gives_500,
    delete_account_removes_the_user,
);
