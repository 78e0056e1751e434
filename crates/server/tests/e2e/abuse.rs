//! Issue 9 through the real server: sign-in limits from memory and shared through Redis, Redis
//! down at start, the security headers and the HTTPS redirect.

use serde_json::json;

use crate::support::{TestApp, data_dir, db_url};

fn unique(name: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{name}-{}-{nanos}@example.com", std::process::id())
}

fn redis_url() -> String {
    std::env::var("TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into())
}

/// Status and `Retry-After` of one sign-in attempt.
async fn signin(app: &TestApp, email: &str) -> (u16, Option<String>) {
    let res = app
        .client
        .post(app.url("/api/auth/signin"))
        .json(&json!({"email": email, "password": "not-the-password"}))
        .send()
        .await
        .unwrap();
    let retry = res
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    (res.status().as_u16(), retry)
}

#[actix_web::test]
async fn signin_is_limited_per_email_in_memory() {
    let db = intowork_testkit::TestDb::sqlite();
    let dir = data_dir();
    let app = TestApp::spawn_with(
        db_url(&db),
        dir.path(),
        &[("AUTH_RATE_LIMIT_PER_MINUTE", "2")],
    )
    .await;
    let (email, other) = (unique("mem"), unique("mem-other"));
    assert_eq!(signin(&app, &email).await.0, 401);
    assert_eq!(signin(&app, &email).await.0, 401);
    let (status, retry) = signin(&app, &email).await;
    assert_eq!(status, 429);
    let retry: u64 = retry.expect("Retry-After").parse().unwrap();
    assert!((1..=60).contains(&retry));
    assert_eq!(signin(&app, &other).await.0, 401);
    app.stop().await;
}

#[actix_web::test]
async fn two_replicas_share_one_budget_through_redis() {
    let db = intowork_testkit::TestDb::sqlite();
    let (dir_a, dir_b) = (data_dir(), data_dir());
    let url = redis_url();
    let settings = [
        ("AUTH_RATE_LIMIT_PER_MINUTE", "3"),
        ("REDIS_URL", url.as_str()),
    ];
    let a = TestApp::spawn_with(db_url(&db), dir_a.path(), &settings).await;
    let b = TestApp::spawn_with(db_url(&db), dir_b.path(), &settings).await;
    let email = unique("replicas");
    assert_eq!(signin(&a, &email).await.0, 401);
    assert_eq!(signin(&b, &email).await.0, 401);
    assert_eq!(signin(&a, &email).await.0, 401);
    // The fourth attempt is refused by either instance.
    assert_eq!(signin(&b, &email).await.0, 429);
    assert_eq!(signin(&a, &email).await.0, 429);
    a.stop().await;
    b.stop().await;
}

#[actix_web::test]
async fn redis_down_at_start_still_serves_and_limits_from_memory() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("redis://127.0.0.1:{port}");
    let db = intowork_testkit::TestDb::sqlite();
    let dir = data_dir();
    let app = TestApp::spawn_with(
        db_url(&db),
        dir.path(),
        &[("AUTH_RATE_LIMIT_PER_MINUTE", "1"), ("REDIS_URL", &url)],
    )
    .await;
    let email = unique("down");
    let started = std::time::Instant::now();
    assert_eq!(signin(&app, &email).await.0, 401);
    assert_eq!(signin(&app, &email).await.0, 429);
    assert!(started.elapsed() < std::time::Duration::from_secs(3));
    app.stop().await;
}

#[actix_web::test]
async fn headers_and_the_https_redirect_through_the_server() {
    let db = intowork_testkit::TestDb::sqlite();
    let dir = data_dir();
    let app = TestApp::spawn_with(db_url(&db), dir.path(), &[("FORCE_HTTPS", "true")]).await;
    let location = plain_http_redirect(&app, "api.intowork.test").await;
    assert_eq!(location, "https://api.intowork.test/api/jobs?page=1");
    let res = no_redirects()
        .get(app.url("/health"))
        .header("X-Forwarded-Proto", "http")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    for (name, value) in [
        ("strict-transport-security", "max-age=31536000"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        (
            "content-security-policy",
            "default-src 'none'; frame-ancestors 'none'",
        ),
    ] {
        assert_eq!(res.headers()[name], value, "{name}");
    }
    app.stop().await;
}

#[actix_web::test]
async fn with_public_api_url_the_https_redirect_ignores_the_host_header() {
    let db = intowork_testkit::TestDb::sqlite();
    let dir = data_dir();
    let vars = [
        ("FORCE_HTTPS", "true"),
        ("PUBLIC_API_URL", "https://api.intowork.test"),
    ];
    let app = TestApp::spawn_with(db_url(&db), dir.path(), &vars).await;
    let location = plain_http_redirect(&app, "evil.example").await;
    assert_eq!(location, "https://api.intowork.test/api/jobs?page=1");
    app.stop().await;
}

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// `GET /api/jobs?page=1` as the proxy forwards a plain-HTTP request for `host`: must be a 308,
/// whose `Location` is returned.
async fn plain_http_redirect(app: &TestApp, host: &str) -> String {
    let res = no_redirects()
        .get(app.url("/api/jobs?page=1"))
        .header("Host", host)
        .header("X-Forwarded-Proto", "http")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 308);
    res.headers()["location"].to_str().unwrap().to_owned()
}
