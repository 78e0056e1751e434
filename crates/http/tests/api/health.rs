use actix_web::test::TestRequest;
use intowork_domain::RepoError;
use intowork_domain::files::FileStoreError;
use serde_json::json;

use crate::support::*;

#[actix_rt::test]
async fn health_is_liveness_and_never_touches_the_database() {
    let mut m = Mocks::new();
    m.db.expect_ping().never();
    let app = make_app(m).await;
    let (status, _, body) = send(&app, TestRequest::get().uri("/health")).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"status": "healthy", "service": "intowork-backend"})
    );
}

#[actix_rt::test]
async fn root_ping_and_status_keep_the_reference_bodies() {
    let app = make_app(Mocks::new()).await;
    let (_, _, body) = send(&app, TestRequest::get().uri("/")).await;
    assert_eq!(
        body,
        json!({"status": "ok", "service": "intowork-backend", "version": "1.0.0", "docs": "/docs"})
    );
    let (_, _, body) = send(&app, TestRequest::get().uri("/api/ping")).await;
    assert_eq!(body["ping"], "pong");
    assert!(body["timestamp"].as_str().unwrap().ends_with('Z'));
    let (_, _, body) = send(&app, TestRequest::get().uri("/api/status")).await;
    assert_eq!(body["status"], "running");
}

#[actix_rt::test]
async fn db_status_is_a_readiness_probe_without_user_counts() {
    let mut m = Mocks::new();
    m.db.expect_ping().times(1).returning(|| Ok(()));
    let app = make_app(m).await;
    let (status, _, body) = send(&app, TestRequest::get().uri("/api/db-status")).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"status": "connected", "test_query": 1, "message": "Database connection successful"})
    );

    let mut m = Mocks::new();
    m.db.expect_ping().returning(|| {
        Err(RepoError::Unavailable(
            "connection refused to db.internal:5432".into(),
        ))
    });
    let app = make_app(m).await;
    let (status, _, body) = send(&app, TestRequest::get().uri("/api/db-status")).await;
    assert_eq!(status, 503);
    assert_eq!(
        body,
        json!({"detail": "Database unavailable", "code": "database_unavailable"})
    );
}

#[actix_rt::test]
async fn ready_checks_database_and_storage() {
    let mut m = Mocks::new();
    m.db.expect_ping().returning(|| Ok(()));
    m.files.expect_check().returning(|| Ok(()));
    let app = make_app(m).await;
    let (status, _, body) = send(&app, TestRequest::get().uri("/health/ready")).await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ready");

    let mut m = Mocks::new();
    m.db.expect_ping().returning(|| Ok(()));
    m.files
        .expect_check()
        .returning(|| Err(FileStoreError::Backend("bucket gone".into())));
    let app = make_app(m).await;
    let (status, headers, body) = send(&app, TestRequest::get().uri("/health/ready")).await;
    assert_eq!(status, 503);
    assert_eq!(body["storage"], "unavailable");
    assert_eq!(body["database"], "ok");
    assert!(body["detail"].is_string());
    assert!(headers.contains_key("retry-after"));
    assert!(!body.to_string().contains("bucket gone"));
}
