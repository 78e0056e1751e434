//! The request log of the real `intowork` binary: whatever a client puts in a query, one request
//! is one line (the text log a developer reads in a terminal; the JSON log is tested in
//! `telemetry`).

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::support::{SECRET, data_dir};

/// Kills the server when the test ends, passed or failed.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Hands every stdout line to the test as it is written.
fn lines_of(stdout: ChildStdout) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Lines until one contains `needle`, which is returned with the ones before it.
fn read_until(rx: &mpsc::Receiver<String>, needle: &str) -> Vec<String> {
    let mut seen = Vec::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(30)) {
        let found = line.contains(needle);
        seen.push(line);
        if found {
            return seen;
        }
    }
    panic!("no log line with {needle:?} in {seen:#?}");
}

#[actix_web::test]
async fn a_newline_in_a_query_leaves_one_log_line() {
    let dir = data_dir();
    let data = dir.path().to_str().unwrap();
    let db = format!("sqlite://{data}/intowork.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_intowork"))
        .arg("serve")
        .current_dir(dir.path())
        .env_clear()
        .envs([
            ("DATABASE_URL", db.as_str()),
            ("DATA_DIR", data),
            ("HOST", "127.0.0.1"),
            ("PORT", "0"),
            ("NEXTAUTH_SECRET", SECRET),
            ("LOG_LEVEL", "info"),
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the intowork binary runs");
    let rx = lines_of(child.stdout.take().unwrap());
    let _server = Server(child);
    let listening = read_until(&rx, "listening");
    let port = listening
        .last()
        .and_then(|l| l.split("port=").nth(1))
        .and_then(|p| p.split_whitespace().next())
        .expect("the port is logged");

    let url = format!(
        "http://127.0.0.1:{port}/api/jobs?search=dev%0A2026-12-07T00:00:00Z%20INFO%20forged%1B%5B31m&page=1"
    );
    let res = reqwest::get(url).await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    // A marker request after it: every line of the first one is written by then.
    reqwest::get(format!("http://127.0.0.1:{port}/health"))
        .await
        .unwrap();
    let after = read_until(&rx, "path=/health");
    let mentions: Vec<_> = after.iter().filter(|l| l.contains("forged")).collect();
    assert_eq!(mentions.len(), 1, "{after:#?}");
    let line = mentions[0];
    assert!(line.contains("request served"), "{line}");
    assert!(
        line.contains(r"search=dev\n2026-12-07T00:00:00Z INFO forged\u{1b}[31m"),
        "{line}"
    );
    assert!(!after.iter().any(|l| l.starts_with("2026-12-07T00:00:00Z")));
}
