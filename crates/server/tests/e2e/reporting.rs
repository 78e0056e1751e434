//! Error reporting (`SENTRY_DSN`) against a local capture server that stands in for Sentry: the
//! events arrive, and none of them carries an email, a token, a password or an Authorization value.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::middleware::from_fn;
use actix_web::{App, HttpResponse, HttpServer, web};
use diesel::connection::SimpleConnection;
use intowork_domain::RepoError;
use intowork_server::Settings;
use intowork_server::reporting::{self, Reporter};
use serde_json::{Value, json};

use crate::support::{TestApp, data_dir, db_url};

/// Accepts envelope POSTs (`/api/<project>/envelope/`) and keeps their bodies.
struct CaptureServer {
    dsn: String,
    bodies: Arc<Mutex<Vec<String>>>,
    handle: actix_web::dev::ServerHandle,
}

impl CaptureServer {
    fn start() -> CaptureServer {
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let store = bodies.clone();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = HttpServer::new(move || {
            let store = store.clone();
            App::new()
                // Panic events carry a whole stack trace: more than actix's 256 KiB default.
                .app_data(web::PayloadConfig::new(16 * 1024 * 1024))
                .route(
                    "/api/{project}/envelope/",
                    web::post().to(move |body: web::Bytes| {
                        let store = store.clone();
                        async move {
                            store
                                .lock()
                                .unwrap()
                                .push(String::from_utf8_lossy(&body).into_owned());
                            HttpResponse::Ok().json(json!({}))
                        }
                    }),
                )
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        CaptureServer {
            dsn: format!("http://publickey@127.0.0.1:{port}/1"),
            bodies,
            handle,
        }
    }

    /// The raw envelopes and the event items in them, once at least one event arrived.
    async fn events(&self) -> (String, Vec<Value>) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let raw = self.bodies.lock().unwrap().join("\n");
            let events: Vec<Value> = raw
                .lines()
                .filter_map(|l| serde_json::from_str::<Value>(l).ok())
                .filter(|v| v.get("exception").is_some())
                .collect();
            if !events.is_empty() {
                return (raw, events);
            }
            assert!(
                Instant::now() < deadline,
                "no event reached the capture server: {raw}"
            );
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

const EMAIL: &str = "ada.lovelace@example.com";
const PASSWORD: &str = "correct-horse";

fn assert_clean(raw: &str, token: &str) {
    for secret in [EMAIL, PASSWORD, token, "hunter2", "query-secret", "Bearer "] {
        assert!(!raw.contains(secret), "{secret:?} reached Sentry: {raw}");
    }
    assert!(
        !raw.to_ascii_lowercase().contains("\"authorization\""),
        "{raw}"
    );
    assert!(!raw.contains("\"cookies\""), "{raw}");
}

#[actix_web::test]
async fn a_500_reaches_sentry_with_its_cause_and_no_personal_data() {
    let capture = CaptureServer::start();
    let db = intowork_testkit::TestDb::sqlite();
    let dir = data_dir();
    let app = TestApp::spawn_with(db_url(&db), dir.path(), &[("SENTRY_DSN", &capture.dsn)]).await;
    let (status, body) = app.signup(EMAIL, "candidate").await;
    assert_eq!(status, 201, "{body}");
    let token = body["access_token"].as_str().unwrap().to_owned();
    // A storage failure the API cannot map: a 500 with an internal cause.
    app.database
        .run(|c| {
            c.batch_execute("DROP TABLE notifications")
                .map_err(|e| RepoError::Internal(e.to_string()))
        })
        .await
        .unwrap();
    let res = app
        .client
        .get(app.url(&format!("/api/notifications?token=query-secret&q={EMAIL}")))
        .bearer_auth(&token)
        .header("Cookie", "session=hunter2")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 500);
    let request_id = res.headers()["x-request-id"].to_str().unwrap().to_owned();

    let (raw, events) = capture.events().await;
    let event = &events[0];
    assert_eq!(event["exception"]["values"][0]["type"], "internal_error");
    let cause = event["exception"]["values"][0]["value"].as_str().unwrap();
    assert!(
        cause.contains("notifications"),
        "the cause is reported: {cause}"
    );
    assert_eq!(event["tags"]["request_id"], request_id.as_str());
    assert_eq!(event["environment"], "development");
    assert!(event["release"].as_str().unwrap().starts_with("intowork@"));
    assert_eq!(event["request"]["method"], "GET");
    assert_clean(&raw, &token);
    app.stop().await;
    capture.handle.stop(false).await;
}

async fn panicking(_body: web::Bytes) -> HttpResponse {
    panic!("boom while handling {EMAIL} with password={PASSWORD}");
}

#[actix_web::test]
async fn a_panic_is_reported_through_the_request_hub_and_scrubbed() {
    let capture = CaptureServer::start();
    let settings = Settings::from_vars([
        ("DATABASE_URL", "sqlite://:memory:"),
        ("SENTRY_DSN", capture.dsn.as_str()),
        ("ENVIRONMENT", "development"),
    ])
    .unwrap();
    let reporter = Arc::new(Reporter::from_settings(&settings).expect("a DSN is set"));
    // The server's layering: the Sentry hub outermost, the 500 reporter, then the app's own
    // panic guard around the resource.
    let app = actix_web::test::init_service(
        App::new()
            .service(
                web::resource("/api/boom")
                    .route(web::post().to(panicking))
                    .wrap(from_fn(intowork_http::middleware::catch_panic)),
            )
            .wrap(from_fn(reporting::report_server_errors))
            .wrap(reporter.middleware()),
    )
    .await;
    let token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI3In0.c2lnbmF0dXJl";
    let req = actix_web::test::TestRequest::post()
        .uri("/api/boom?signature=query-secret")
        .insert_header(("Authorization", format!("Bearer {token}")))
        .insert_header(("Content-Type", "application/json"))
        .set_payload(json!({"email": EMAIL, "password": PASSWORD}).to_string())
        .to_request();
    let res = actix_web::test::call_service(&app, req).await;
    assert_eq!(res.status().as_u16(), 500);

    let (raw, events) = capture.events().await;
    let panic_event = events
        .iter()
        .find(|e| e["exception"]["values"][0]["mechanism"]["type"] == "panic")
        .unwrap_or_else(|| panic!("no panic event: {raw}"));
    let message = panic_event["exception"]["values"][0]["value"]
        .as_str()
        .unwrap();
    assert!(
        message.starts_with("boom while handling [email]"),
        "{message}"
    );
    assert_eq!(panic_event["request"]["method"], "POST");
    assert!(panic_event["request"].get("data").is_none(), "no body");
    assert_clean(&raw, token);
    capture.handle.stop(false).await;
}
