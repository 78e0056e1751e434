//! Abuse limits over HTTP (CONTRACT 8.17, 9.2): 429 with `Retry-After` and the contract's body,
//! budgets per email and per client IP, and the client IP taken `TRUSTED_PROXY_HOPS` from the
//! right of `X-Forwarded-For` (never the leftmost, client-written entry).

use std::net::SocketAddr;

use actix_web::test::TestRequest;
use intowork_domain::limits::RateBudgets;
use intowork_domain::user::Role;
use intowork_http::HttpSettings;
use serde_json::{Value, json};

use crate::support::{Mocks, app_with_limits, bearer, send, user};

fn budgets(auth: u32, signin_ip: u32, user_actions: u32) -> RateBudgets {
    RateBudgets {
        signin_ip_per_minute: signin_ip,
        ..RateBudgets::new(auth, user_actions)
    }
}

/// Sign-ins that reach the use case fail with 401 (no such user); a refused one never reaches it.
fn unknown_users(reaching_use_case: usize) -> Mocks {
    let mut m = Mocks::new();
    m.users
        .expect_find_by_email()
        .times(reaching_use_case)
        .returning(|_| Ok(None));
    m.hasher
        .expect_dummy_verify()
        .times(reaching_use_case)
        .returning(|| ());
    m
}

fn peer(ip: &str) -> SocketAddr {
    format!("{ip}:40000").parse().unwrap()
}

fn signin(email: &str, from: &str) -> TestRequest {
    TestRequest::post()
        .uri("/api/auth/signin")
        .peer_addr(peer(from))
        .set_json(json!({"email": email, "password": "wrong-password"}))
}

fn assert_too_many(status: u16, headers: &actix_web::http::header::HeaderMap, body: &Value) {
    assert_eq!(status, 429);
    assert_eq!(
        body,
        &json!({"detail": "Too many requests", "code": "too_many_requests"})
    );
    let retry: u64 = headers
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
}

#[actix_rt::test]
async fn the_n_plus_first_signin_for_one_email_from_one_address_is_refused_while_others_go_on() {
    let app = app_with_limits(
        unknown_users(5),
        HttpSettings::default(),
        budgets(3, 100, 30),
    )
    .await;
    for _ in 0..3 {
        let (status, _, _) = send(&app, signin("ada@example.com", "203.0.113.7")).await;
        assert_eq!(status, 401);
    }
    // Same mailbox in other letters from the same address: the same budget.
    let (status, headers, body) = send(&app, signin("ADA@Example.com", "203.0.113.7")).await;
    assert_too_many(status, &headers, &body);
    // From elsewhere the owner still reaches the use case.
    let (status, _, _) = send(&app, signin("ada@example.com", "198.51.100.9")).await;
    assert_eq!(status, 401);
    // Another email from the same IP still gets through to the use case.
    let (status, _, _) = send(&app, signin("bob@example.com", "203.0.113.7")).await;
    assert_eq!(status, 401);
}

#[actix_rt::test]
async fn signin_per_ip_is_only_a_ceiling() {
    let app = app_with_limits(
        unknown_users(3),
        HttpSettings::default(),
        budgets(10, 3, 30),
    )
    .await;
    for i in 0..3 {
        let (status, _, _) = send(&app, signin(&format!("u{i}@example.com"), "10.1.1.1")).await;
        assert_eq!(status, 401);
    }
    let (status, headers, body) = send(&app, signin("u9@example.com", "10.1.1.1")).await;
    assert_too_many(status, &headers, &body);
}

#[actix_rt::test]
async fn a_malformed_email_is_a_422_not_a_counted_attempt() {
    let app = app_with_limits(
        unknown_users(1),
        HttpSettings::default(),
        budgets(1, 100, 30),
    )
    .await;
    let (status, _, _) = send(&app, signin("not-an-email", "10.1.1.1")).await;
    assert_eq!(status, 422);
    let (status, _, _) = send(&app, signin("ok@example.com", "10.1.1.1")).await;
    assert_eq!(status, 401);
}

/// Three sign-ins for distinct emails through one proxy, with `X-Forwarded-For` values chosen
/// by the test; returns the status of each.
async fn through_proxy(hops: usize, forwarded: [&str; 3]) -> Vec<u16> {
    let settings = HttpSettings {
        trusted_proxy_hops: hops,
        ..HttpSettings::default()
    };
    let mut m = Mocks::new();
    m.users.expect_find_by_email().returning(|_| Ok(None));
    m.hasher.expect_dummy_verify().returning(|| ());
    let app = app_with_limits(m, settings, budgets(10, 2, 30)).await;
    let mut statuses = Vec::new();
    for (i, xff) in forwarded.iter().enumerate() {
        let req = signin(&format!("p{i}@example.com"), "10.0.0.2")
            .insert_header(("X-Forwarded-For", *xff));
        statuses.push(send(&app, req).await.0);
    }
    statuses
}

#[actix_rt::test]
async fn a_spoofed_leftmost_entry_does_not_buy_a_new_budget() {
    // One client (203.0.113.7, as the trusted proxy saw it) rotating a fake leftmost entry.
    let statuses = through_proxy(
        1,
        [
            "1.1.1.1, 203.0.113.7",
            "2.2.2.2, 203.0.113.7",
            "3.3.3.3, 203.0.113.7",
        ],
    )
    .await;
    assert_eq!(statuses, [401, 401, 429]);
}

#[actix_rt::test]
async fn distinct_clients_behind_the_proxy_have_their_own_budgets() {
    let statuses = through_proxy(1, ["203.0.113.1", "203.0.113.2", "6.6.6.6, 203.0.113.3"]).await;
    assert_eq!(statuses, [401, 401, 401]);
}

#[actix_rt::test]
async fn with_zero_hops_the_header_is_ignored_and_the_peer_counts() {
    let statuses = through_proxy(0, ["203.0.113.1", "203.0.113.2", "203.0.113.3"]).await;
    assert_eq!(statuses, [401, 401, 429]);
}

#[actix_rt::test]
async fn two_hops_take_the_second_entry_from_the_right() {
    // client, then the CDN's address as the platform proxy saw it.
    let statuses = through_proxy(
        2,
        [
            "9.9.9.1, 203.0.113.7, 10.9.9.9",
            "9.9.9.2, 203.0.113.7, 10.9.9.8",
            "203.0.113.7, 10.9.9.7",
        ],
    )
    .await;
    assert_eq!(statuses, [401, 401, 429]);
}

#[actix_rt::test]
async fn signup_forgot_and_reset_are_limited_before_any_work() {
    // A zero budget refuses the first attempt: no mock is called, so none is set up.
    let app = app_with_limits(Mocks::new(), HttpSettings::default(), budgets(0, 0, 30)).await;
    let requests = [
        TestRequest::post().uri("/api/auth/signup").set_json(json!({
            "email": "new@example.com", "password": "long-enough-1", "first_name": "A",
            "last_name": "B", "role": "candidate"})),
        TestRequest::post()
            .uri("/api/auth/forgot-password")
            .set_json(json!({"email": "new@example.com"})),
        TestRequest::post()
            .uri("/api/auth/reset-password")
            .set_json(json!({"token": "t", "new_password": "long-enough-1"})),
    ];
    for req in requests {
        let (status, headers, body) = send(&app, req.peer_addr(peer("10.2.2.2"))).await;
        assert_too_many(status, &headers, &body);
    }
}

#[actix_rt::test]
async fn uploads_and_applies_are_limited_per_user() {
    let m = Mocks::new()
        .with_tokens()
        .with_user(user(3, Role::Candidate));
    let app = app_with_limits(m, HttpSettings::default(), budgets(10, 300, 0)).await;
    let upload = TestRequest::post()
        .uri("/api/candidates/cv")
        .insert_header(bearer("valid-3-0"))
        .insert_header(("Content-Type", "multipart/form-data; boundary=X"))
        .set_payload("--X--\r\n");
    let (status, headers, body) = send(&app, upload).await;
    assert_too_many(status, &headers, &body);
    let apply = TestRequest::post()
        .uri("/api/applications/my/applications")
        .insert_header(bearer("valid-3-0"))
        .set_json(json!({"job_id": 1}));
    let (status, headers, body) = send(&app, apply).await;
    assert_too_many(status, &headers, &body);
}
