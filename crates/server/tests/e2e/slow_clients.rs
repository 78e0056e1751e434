//! Slow clients through the real server: a body sent a byte at a time is cut at its deadline
//! with nothing stored, and one address cannot hold more than its share of requests in flight.

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use intowork_testkit::TestDb;
use serde_json::json;

use crate::both_backends;
use crate::support::{TestApp, data_dir, db_url, token};

const BYTE_EVERY: Duration = Duration::from_millis(200);
/// Scheduling slack on a loaded machine, on top of the deadline under test.
const MARGIN: Duration = Duration::from_secs(3);

fn server_addr(app: &TestApp) -> SocketAddr {
    app.base
        .trim_start_matches("http://")
        .parse()
        .expect("base is ip:port")
}

/// A socket from `from`: any 127/8 address reaches the loopback listener, and each is a client
/// address of its own.
async fn connect_from(app: &TestApp, from: Ipv4Addr) -> TcpStream {
    let socket = actix_web::rt::net::TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::new(IpAddr::V4(from), 0)).unwrap();
    let stream = socket.connect(server_addr(app)).await.unwrap();
    let std_stream = stream.into_std().unwrap();
    std_stream.set_nonblocking(false).unwrap();
    std_stream
}

/// Sends `head` then `body_start` at once, then dribbles one byte every 200 ms (in a thread,
/// until the server stops reading) of a body that declares far more than is ever sent.
fn start_dribble(mut socket: TcpStream, head: &str, body_start: &[u8]) -> TcpStream {
    socket.write_all(head.as_bytes()).expect("head sent");
    socket.write_all(body_start).expect("body start sent");
    let mut writer = socket.try_clone().expect("clone");
    thread::spawn(move || {
        loop {
            thread::sleep(BYTE_EVERY);
            if writer.write_all(b" ").is_err() {
                break;
            }
        }
    });
    socket
}

/// Everything the server sends until it closes the connection (EOF or reset), and when it did;
/// gives up after `limit`.
fn read_until_closed(mut socket: TcpStream, limit: Duration) -> (Vec<u8>, Option<Duration>) {
    let started = Instant::now();
    socket
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while started.elapsed() < limit {
        match socket.read(&mut buf) {
            Ok(0) => return (got, Some(started.elapsed())),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => return (got, Some(started.elapsed())),
        }
    }
    (got, None)
}

/// The connection was closed within `deadline + MARGIN`, not before the deadline, and whatever
/// the server said first was the 408 of the contract, announcing the close.
fn assert_cut_at_deadline(socket: TcpStream, deadline: Duration) {
    let (said, closed) = read_until_closed(socket, deadline + MARGIN);
    let closed = closed.unwrap_or_else(|| {
        panic!(
            "still open after {:?}; server said {:?}",
            deadline + MARGIN,
            String::from_utf8_lossy(&said)
        )
    });
    assert!(
        closed + Duration::from_millis(300) >= deadline,
        "closed after {closed:?}, before the deadline {deadline:?}"
    );
    if !said.is_empty() {
        let text = String::from_utf8_lossy(&said).to_ascii_lowercase();
        assert!(text.starts_with("http/1.1 408"), "{text}");
        assert!(text.contains("connection: close"), "{text}");
        assert!(text.contains("\"code\":\"request_timeout\""), "{text}");
    }
}

fn post_head(app: &TestApp, path: &str, extra: &str, content_length: usize) -> String {
    let host = app.base.trim_start_matches("http://");
    format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\n{extra}Content-Length: {content_length}\r\n\r\n"
    )
}

async fn slow_bodies_are_cut_at_their_deadline_and_nothing_is_stored(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn_with(
        db_url(&db),
        dir.path(),
        &[
            ("JSON_BODY_TIMEOUT_SECS", "2"),
            ("UPLOAD_BODY_TIMEOUT_SECS", "3"),
        ],
    )
    .await;

    // A whole valid sign-up up front, then whitespace a byte at a time towards 100,000 bytes.
    let signup = json!({"email": "slow-body@example.com", "password": "correct-horse",
        "first_name": "Ada", "last_name": "Lovelace", "role": "candidate"})
    .to_string();
    let head = post_head(
        &app,
        "/api/auth/signup",
        "Content-Type: application/json\r\n",
        100_000,
    );
    let socket = connect_from(&app, Ipv4Addr::LOCALHOST).await;
    let socket = start_dribble(socket, &head, signup.as_bytes());
    let cut = actix_web::rt::task::spawn_blocking(move || {
        assert_cut_at_deadline(socket, Duration::from_secs(2));
    });
    cut.await.unwrap();
    let (status, body) = app
        .post(
            "/api/auth/signin",
            json!({"email": "slow-body@example.com", "password": "correct-horse"}),
            None,
        )
        .await;
    assert_eq!(status, 401, "the cut sign-up created no account: {body}");

    // A CV upload: the PDF part is complete, the rest of the declared body never comes.
    let cand = token(&app, "slow-upload@example.com", "candidate").await;
    let part = "--XyZ\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\n\
                Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--XyZ\r\n\
                Content-Disposition: form-data; name=\"padding\"\r\n\r\n";
    let head = post_head(
        &app,
        "/api/candidates/cv",
        &format!(
            "Authorization: Bearer {cand}\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
        ),
        100_000,
    );
    let socket = connect_from(&app, Ipv4Addr::LOCALHOST).await;
    let socket = start_dribble(socket, &head, part.as_bytes());
    let cut = actix_web::rt::task::spawn_blocking(move || {
        assert_cut_at_deadline(socket, Duration::from_secs(3));
    });
    cut.await.unwrap();
    let (status, cvs) = app.get("/api/candidates/cvs", Some(&cand)).await;
    assert_eq!(status, 200);
    assert_eq!(cvs, json!([]), "the cut upload stored no CV");
    app.stop().await;
}

fn client_from(from: Ipv4Addr) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::V4(from))
        .build()
        .unwrap()
}

async fn one_address_cannot_hold_more_than_its_cap(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn_with(
        db_url(&db),
        dir.path(),
        &[("MAX_REQUESTS_IN_FLIGHT_PER_CLIENT", "2")],
    )
    .await;
    let attacker = Ipv4Addr::new(127, 0, 0, 1);
    let head = post_head(
        &app,
        "/api/auth/signin",
        "Content-Type: application/json\r\n",
        100_000,
    );
    let mut held = Vec::new();
    for _ in 0..2 {
        let socket = connect_from(&app, attacker).await;
        held.push(start_dribble(socket, &head, b"{"));
    }
    // Both heads parsed and both requests inside the handler's body read.
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;

    let signin = json!({"email": "nobody@example.com", "password": "not-the-password"});
    let started = Instant::now();
    let res = client_from(attacker)
        .post(app.url("/api/auth/signin"))
        .json(&signin)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        429,
        "the third request from one address"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "refused at once"
    );
    assert_eq!(res.headers()["retry-after"], "1");
    assert_eq!(res.headers()["connection"], "close");
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["code"], "too_many_requests");

    // Another address is served, and the platform's probe from the capped one too.
    let other = client_from(Ipv4Addr::new(127, 0, 0, 2));
    let res = other
        .post(app.url("/api/auth/signin"))
        .json(&signin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401, "another address is not capped");
    let res = client_from(attacker)
        .get(app.url("/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "/health is exempt");

    // Closing the held requests frees their slots.
    for socket in held {
        socket.shutdown(std::net::Shutdown::Both).unwrap();
    }
    let freed = Instant::now();
    loop {
        let res = client_from(attacker)
            .post(app.url("/api/auth/signin"))
            .json(&signin)
            .send()
            .await
            .unwrap();
        if res.status().as_u16() == 401 {
            break;
        }
        assert!(
            freed.elapsed() < Duration::from_secs(3),
            "slots never freed"
        );
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    app.stop().await;
}

both_backends!(
    slow_bodies_are_cut_at_their_deadline_and_nothing_is_stored,
    one_address_cannot_hold_more_than_its_cap
);
