use actix_web::test::TestRequest;
use intowork_domain::RepoError;
use intowork_domain::user::Role;
use intowork_http::HttpSettings;
use intowork_http::cors::CorsPolicy;
use serde_json::json;

use crate::support::*;

#[actix_rt::test]
async fn unknown_path_and_wrong_method_are_json() {
    let app = make_app(Mocks::new()).await;
    let (status, _, body) = send(&app, TestRequest::get().uri("/api/nope")).await;
    assert_eq!(
        (status, body),
        (404, json!({"detail": "Not Found", "code": "not_found"}))
    );

    let (status, headers, body) = send(&app, TestRequest::get().uri("/api/auth/signup")).await;
    assert_eq!(status, 405);
    assert_eq!(body["detail"], "Method Not Allowed");
    assert_eq!(headers.get("allow").unwrap(), "POST");
}

#[actix_rt::test]
async fn oversized_json_is_413_without_reading_it_whole() {
    let app = make_app(Mocks::new()).await;
    let big = format!("{{\"email\": \"{}\"}}", "a".repeat(2 * 1024 * 1024));
    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/signin")
            .insert_header(("content-type", "application/json"))
            .set_payload(big),
    )
    .await;
    assert_eq!(status, 413);
    assert_eq!(body["code"], "payload_too_large");
}

#[actix_rt::test]
async fn request_ids_are_generated_or_kept() {
    let app = make_app(Mocks::new()).await;
    let (_, headers, _) = send(&app, TestRequest::get().uri("/health")).await;
    assert_eq!(headers.get("x-request-id").unwrap().len(), 32);
    let (_, headers, _) = send(
        &app,
        TestRequest::get()
            .uri("/health")
            .insert_header(("X-Request-Id", "edge-abc-123")),
    )
    .await;
    assert_eq!(headers.get("x-request-id").unwrap(), "edge-abc-123");
    let (_, headers, _) = send(
        &app,
        TestRequest::get()
            .uri("/health")
            .insert_header(("X-Request-Id", "bad id\twith spaces")),
    )
    .await;
    assert_ne!(headers.get("x-request-id").unwrap(), "bad id\twith spaces");
}

#[actix_rt::test]
async fn cors_allows_listed_and_wildcard_origins_also_on_errors() {
    let settings = HttpSettings {
        cors: CorsPolicy::parse("http://localhost:3000,https://intowork-*.vercel.app").unwrap(),
        ..HttpSettings::default()
    };
    let app = app_with_settings(Mocks::new(), settings).await;
    let preflight = TestRequest::default()
        .method(actix_web::http::Method::OPTIONS)
        .uri("/api/auth/signin")
        .insert_header(("Origin", "https://intowork-pr-12.vercel.app"))
        .insert_header(("Access-Control-Request-Method", "POST"))
        .insert_header((
            "Access-Control-Request-Headers",
            "content-type,authorization",
        ));
    let res = actix_web::test::call_service(&app, preflight.to_request()).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        res.headers().get("access-control-allow-origin").unwrap(),
        "https://intowork-pr-12.vercel.app"
    );
    assert_eq!(
        res.headers()
            .get("access-control-allow-credentials")
            .unwrap(),
        "true"
    );

    // An error response (401) still carries CORS headers, so the browser shows the real error.
    let (status, headers, _) = send(
        &app,
        TestRequest::get()
            .uri("/api/auth/me")
            .insert_header(("Origin", "http://localhost:3000")),
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(
        headers.get("access-control-allow-origin").unwrap(),
        "http://localhost:3000"
    );

    let (status, headers, _) = send(
        &app,
        TestRequest::get()
            .uri("/health")
            .insert_header(("Origin", "https://evil.example")),
    )
    .await;
    assert_eq!(status, 200);
    assert!(headers.get("access-control-allow-origin").is_none());
}

#[actix_rt::test]
async fn storage_outage_is_503_and_internal_errors_leak_nothing() {
    let mut m = Mocks::new().with_tokens();
    m.users.expect_find_by_id().returning(|id| match id.get() {
        1 => Err(RepoError::Unavailable("pool timed out".into())),
        _ => Err(RepoError::Internal(
            "syntax error at or near SELECT password_hash".into(),
        )),
    });
    let app = make_app(m).await;
    let (status, headers, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/auth/me")
            .insert_header(bearer("valid-1-0")),
    )
    .await;
    assert_eq!(status, 503);
    assert_eq!(body["code"], "service_unavailable");
    assert!(headers.contains_key("retry-after"));
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/auth/me")
            .insert_header(bearer("valid-2-0")),
    )
    .await;
    assert_eq!(status, 500);
    assert_eq!(
        body,
        json!({"detail": "Internal Server Error", "code": "internal_error"})
    );
}

#[actix_rt::test]
async fn a_panicking_handler_gives_json_500_and_the_app_keeps_serving() {
    let mut m = Mocks::new().with_tokens();
    m.users.expect_find_by_id().returning(
        |_| -> Result<Option<intowork_domain::user::User>, RepoError> {
            panic!("boom in a repository")
        },
    );
    m.users
        .expect_find_by_email()
        .returning(|_| Ok(Some(user(2, Role::Candidate))));
    m.hasher
        .expect_verify()
        .returning(|_, _| Ok(intowork_domain::ports::PasswordCheck::Match));
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/auth/me")
            .insert_header(bearer("valid-1-0")),
    )
    .await;
    assert_eq!(status, 500);
    assert_eq!(
        body,
        json!({"detail": "Internal Server Error", "code": "internal_error"})
    );
    // The same worker keeps serving: a sign-in (other ports, no poisoned mock) succeeds.
    let (status, _, _) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/signin")
            .set_json(json!({"email": "user2@example.com", "password": "rightpass"})),
    )
    .await;
    assert_eq!(status, 200);
}
