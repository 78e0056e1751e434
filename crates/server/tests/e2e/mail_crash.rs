//! Nothing is lost (HEAD 10.13): with the SMTP server down, a reset is requested and the `intowork`
//! process is killed (SIGKILL) after its first failed attempt; once SMTP and a new process are
//! up, the mail arrives, once, with the Message-ID it was queued with, and its link works.
//!
//! The suite's SMTP capture server is shared with tests running at the same time, so it is never
//! stopped itself: the server under test talks to a relay in front of it, on a port of its own,
//! which this test stops (nothing listens: connection refused) and starts again.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use intowork_storage::Database;
use intowork_testkit::TestDb;
use intowork_testkit::smtp::SmtpCapture;
use serde_json::json;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::both_backends;
use crate::mail_outbox::outbox_rows;
use crate::recovery::{link_token, unique};
use crate::support::{SECRET, data_dir};

/// The `intowork serve` process, killed (SIGKILL) when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(vars: &[(&str, &str)], dir: &std::path::Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_intowork"))
            .arg("serve")
            .current_dir(dir)
            .env_clear()
            .envs(vars.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the intowork binary runs");
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.contains("listening") && tx.send(line).is_err() {
                    break;
                }
            }
        });
        let line = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the server logs `listening`");
        let port = line
            .split("port=")
            .nth(1)
            .and_then(|p| p.split_whitespace().next())
            .expect("the port is logged")
            .to_owned();
        Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    async fn post(&self, path: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
        let res = reqwest::Client::new()
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or_default())
    }

    /// SIGKILL: no shutdown, nothing flushed.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A TCP relay on `port` to the capture server: the SMTP endpoint the server under test uses.
fn start_relay(listener: TcpListener, capture_port: u16) -> JoinHandle<()> {
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            tokio::spawn(async move {
                let Ok(mut outbound) = TcpStream::connect(("127.0.0.1", capture_port)).await else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
            });
        }
    })
}

/// Polls until `check` holds, for at most `timeout`.
async fn wait_until<F: std::future::Future<Output = bool>>(
    what: &str,
    timeout: Duration,
    mut check: impl FnMut() -> F,
) {
    let deadline = Instant::now() + timeout;
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn a_queued_mail_survives_an_smtp_outage_and_a_killed_process(db: TestDb) {
    let capture = SmtpCapture::from_env();
    let dir = data_dir();
    let data = dir.path().to_str().unwrap().to_owned();
    // A port of our own, free for now: the relay listens there once "SMTP is back".
    let relay_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let smtp_url = format!("smtp://127.0.0.1:{relay_port}");
    let vars = [
        ("DATABASE_URL", db.url.as_str()),
        ("DATA_DIR", data.as_str()),
        ("HOST", "127.0.0.1"),
        ("PORT", "0"),
        ("NEXTAUTH_SECRET", SECRET),
        ("LOG_LEVEL", "info"),
        ("SMTP_URL", smtp_url.as_str()),
        ("MAIL_FROM", "IntoWork <no-reply@intowork.test>"),
        ("FRONTEND_URL", "http://front.test/"),
        ("MAIL_POLL_INTERVAL_SECS", "1"),
        ("MAIL_RETRY_BASE_SECS", "2"),
    ];
    let email = unique("crash");

    // SMTP down: the first attempt fails and the mail waits, queued, for its retry.
    let first = Server::start(&vars, dir.path());
    let signup = json!({"email": email, "password": "correct-horse", "first_name": "Awa",
                        "last_name": "Diop", "role": "candidate"});
    assert_eq!(first.post("/api/auth/signup", signup).await.0, 201);
    let (s, _) = first
        .post("/api/auth/forgot-password", json!({"email": email}))
        .await;
    assert_eq!(s, 200);
    let observer = Database::connect_lazy(&db.url, 1, Duration::from_secs(5)).unwrap();
    observer.set_ready(true);
    wait_until("a failed first attempt", Duration::from_secs(20), || {
        let (observer, email) = (observer.clone(), email.clone());
        async move {
            let rows = outbox_rows(&observer, &email).await;
            rows.first().is_some_and(|r| r.1 == "queued" && r.2 >= 1)
        }
    })
    .await;
    first.kill();
    let rows = outbox_rows(&observer, &email).await;
    assert_eq!(rows.len(), 1);
    let queued_id = rows[0].0.clone();
    assert!(!rows[0].3.is_empty(), "the body waits with the mail");
    assert!(capture.messages_to(&email).is_empty());

    // SMTP back, a new process: the mail arrives, once, with the Message-ID it was queued with.
    let relay = start_relay(
        TcpListener::bind(("127.0.0.1", relay_port)).await.unwrap(),
        capture.port,
    );
    let second = Server::start(&vars, dir.path());
    let mails = capture.wait_for(&email, 1, Duration::from_secs(30)).await;
    assert_eq!(mails[0].message_id, queued_id);
    wait_until("the mail marked sent", Duration::from_secs(10), || {
        let (observer, email) = (observer.clone(), email.clone());
        async move { outbox_rows(&observer, &email).await[0].1 == "sent" }
    })
    .await;
    assert_eq!(capture.messages_to(&email).len(), 1);

    // And the link in it still sets the password.
    let token = link_token(&mails[0].text);
    let reset = json!({"token": token, "new_password": "brand-new-horse-42"});
    assert_eq!(second.post("/api/auth/reset-password", reset).await.0, 200);
    second.kill();
    relay.abort();
}

both_backends!(a_queued_mail_survives_an_smtp_outage_and_a_killed_process);
