//! Starts the real service on a free port against a throwaway database.

use std::path::Path;

use actix_web::dev::ServerHandle;
use intowork_server::{Application, Settings};
use intowork_testkit::TestDb;
use serde_json::{Value, json};

pub const SECRET: &str = "test-secret-0123456789abcdef-0123456789";

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    handle: ServerHandle,
    /// `run_until_stopped`: what the server does after its last request (writing the counted job
    /// views, the mail worker's pass) ends with it.
    task: actix_web::rt::task::JoinHandle<std::io::Result<()>>,
    /// The server's own pool: fixtures for rows no route creates yet, and the statement counter.
    pub database: intowork_storage::Database,
}

impl TestApp {
    pub async fn spawn(database_url: &str, data_dir: &Path) -> TestApp {
        Self::spawn_with(database_url, data_dir, &[]).await
    }

    /// `spawn` with extra or overriding settings (`(VARIABLE, value)`).
    pub async fn spawn_with(
        database_url: &str,
        data_dir: &Path,
        extra: &[(&str, &str)],
    ) -> TestApp {
        let data = data_dir.to_str().unwrap();
        let mut vars = vec![
            ("DATABASE_URL", database_url),
            ("HOST", "127.0.0.1"),
            ("PORT", "0"),
            ("DATA_DIR", data),
            ("NEXTAUTH_SECRET", SECRET),
            ("DATABASE_POOL_TIMEOUT_SECS", "5"),
            // Every request of these tests comes from 127.0.0.1, and some race 100 sign-ups or
            // applies on purpose: budgets far above that. `abuse.rs` sets real ones.
            ("AUTH_RATE_LIMIT_PER_MINUTE", "1000"),
            ("USER_ACTION_RATE_LIMIT_PER_MINUTE", "1000"),
            // For the same reason no cap on requests in flight; `slow_clients.rs` sets one.
            ("MAX_REQUESTS_IN_FLIGHT_PER_CLIENT", "0"),
            ("JOBS_PER_DAY", "100000"),
            ("JOBS_PER_DAY_PER_IP", "100000"),
            ("CV_UPLOADS_PER_DAY", "100000"),
            ("CV_UPLOADS_PER_DAY_PER_IP", "100000"),
        ];
        vars.extend_from_slice(extra);
        let settings = Settings::from_vars(vars).expect("test settings are valid");
        let app = Application::build(settings).await.expect("the app starts");
        let base = format!("http://127.0.0.1:{}", app.port());
        let handle = app.handle();
        let database = app.database().clone();
        let task = actix_web::rt::spawn(app.run_until_stopped());
        TestApp {
            base,
            client: reqwest::Client::new(),
            handle,
            task,
            database,
        }
    }

    /// A graceful stop, as on SIGTERM: returns once the server's shutdown work is done.
    pub async fn stop(self) {
        self.handle.stop(true).await;
        let _ = self.task.await;
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn post(&self, path: &str, body: Value, token: Option<&str>) -> (u16, Value) {
        let mut req = self.client.post(self.url(path)).json(&body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        into_parts(req.send().await.expect("request sent")).await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> (u16, Value) {
        let mut req = self.client.get(self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        into_parts(req.send().await.expect("request sent")).await
    }

    pub async fn signup(&self, email: &str, role: &str) -> (u16, Value) {
        self.post(
            "/api/auth/signup",
            json!({"email": email, "password": "correct-horse", "first_name": "Ada",
                   "last_name": "Lovelace", "role": role}),
            None,
        )
        .await
    }
}

/// Sends any request, with an optional bearer token and JSON body.
pub async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = app.client.request(method, app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    into_parts(req.send().await.expect("request sent")).await
}

/// Signs up (201 expected) and returns the access token.
pub async fn token(app: &TestApp, email: &str, role: &str) -> String {
    let (status, body) = app.signup(email, role).await;
    assert_eq!(status, 201, "{body}");
    body["access_token"].as_str().unwrap().to_owned()
}

pub async fn into_parts(res: reqwest::Response) -> (u16, Value) {
    let status = res.status().as_u16();
    let bytes = res.bytes().await.expect("body read");
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|_| {
            panic!(
                "non-JSON body ({status}): {}",
                String::from_utf8_lossy(&bytes)
            )
        })
    };
    (status, body)
}

/// Runs an actix test body once per backend.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[actix_web::test]
            async fn sqlite() {
                super::$name(intowork_testkit::TestDb::sqlite()).await
            }

            #[actix_web::test]
            async fn postgres() {
                super::$name(intowork_testkit::TestDb::postgres()).await
            }
        }
    )+};
}

pub fn data_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

pub fn db_url(db: &TestDb) -> &str {
    &db.url
}
