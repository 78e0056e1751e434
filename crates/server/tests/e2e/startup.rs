use intowork_server::{Application, Settings};
use serde_json::json;

use crate::support::*;

/// CONTRACT 9.5: with the database unreachable the server still starts; liveness answers, readiness
/// and database routes say 503 quickly instead of hanging.
#[actix_web::test]
async fn starts_without_its_database_and_reports_not_ready() {
    let dir = data_dir();
    let app = TestApp::spawn("postgres://postgres@127.0.0.1:1/nowhere", dir.path()).await;
    let (status, body) = app.get("/health", None).await;
    assert_eq!(
        (status, body),
        (
            200,
            json!({"status": "healthy", "service": "intowork-backend"})
        )
    );
    let started = std::time::Instant::now();
    let (status, body) = app.get("/health/ready", None).await;
    assert_eq!(status, 503);
    assert_eq!(body["database"], "unavailable");
    let (status, body) = app.get("/api/db-status", None).await;
    assert_eq!(
        (status, body["detail"].as_str()),
        (503, Some("Database unavailable"))
    );
    let (status, body) = app.signup("someone@example.com", "candidate").await;
    assert_eq!(status, 503, "{body}");
    assert!(!body.to_string().contains("127.0.0.1"));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    app.stop().await;
}

#[actix_web::test]
async fn binding_a_taken_port_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let dir = data_dir();
    let settings = Settings::from_vars([
        ("HOST", "127.0.0.1"),
        ("PORT", port.as_str()),
        ("DATA_DIR", dir.path().to_str().unwrap()),
    ])
    .unwrap();
    let err = Application::build(settings)
        .await
        .err()
        .expect("bind fails");
    assert!(err.to_string().contains("cannot listen on"), "{err}");
}
