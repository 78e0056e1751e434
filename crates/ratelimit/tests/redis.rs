//! The Redis store against a real server: `TEST_REDIS_URL` (scripts/test sets it) or the local
//! one on 127.0.0.1:6379. Never skipped: no server is a failure. The outage and recovery test
//! starts its own private `redis-server` (CONTRACT 9.20: fault tests never touch shared services).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed assertion

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use intowork_domain::limits::RateLimiter;
use intowork_ratelimit::RedisRateLimiter;
use sha2::{Digest, Sha256};

const MINUTE: Duration = Duration::from_secs(60);

fn shared_url() -> String {
    std::env::var("TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into())
}

/// A prefix no other test (or run) uses, so tests can share one server.
fn unique_prefix(name: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("intowork-test:{name}:{}:{nanos}:", std::process::id())
}

async fn raw(url: &str) -> redis::aio::MultiplexedConnection {
    redis::Client::open(url)
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap_or_else(|e| panic!("no Redis at {url} ({e}); scripts/test provides one"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn counts_up_to_the_limit_then_refuses_with_the_time_left() {
    let l = RedisRateLimiter::new(&shared_url())
        .unwrap()
        .with_prefix(unique_prefix("count"));
    assert!(l.probe().await, "Redis at {} must answer", shared_url());
    for _ in 0..3 {
        assert!(
            l.hit("signin:email:a@b.io", 3, MINUTE)
                .await
                .unwrap()
                .allowed
        );
    }
    let refused = l.hit("signin:email:a@b.io", 3, MINUTE).await.unwrap();
    assert!(!refused.allowed);
    assert!(refused.retry_after <= MINUTE && refused.retry_after > Duration::from_secs(50));
    assert!(
        l.hit("signin:email:c@d.io", 3, MINUTE)
            .await
            .unwrap()
            .allowed
    );
    assert!(!l.is_degraded());
}

#[tokio::test]
async fn keys_are_hashed_and_carry_their_window() {
    let prefix = unique_prefix("hashed");
    let l = RedisRateLimiter::new(&shared_url())
        .unwrap()
        .with_prefix(prefix.clone());
    l.hit("signin:email:secret@example.com", 5, MINUTE)
        .await
        .unwrap();
    let mut conn = raw(&shared_url()).await;
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{prefix}*"))
        .query_async(&mut conn)
        .await
        .unwrap();
    let expected = format!(
        "{prefix}{}",
        hex::encode(Sha256::digest(b"signin:email:secret@example.com"))
    );
    assert_eq!(keys, vec![expected.clone()]);
    assert!(!keys[0].contains("example.com"));
    let ttl: i64 = redis::cmd("PTTL")
        .arg(&expected)
        .query_async(&mut conn)
        .await
        .unwrap();
    assert!(ttl > 50_000 && ttl <= 60_000, "ttl {ttl}");
}

#[tokio::test]
async fn a_window_ends_and_the_budget_comes_back() {
    let l = RedisRateLimiter::new(&shared_url())
        .unwrap()
        .with_prefix(unique_prefix("window"));
    let window = Duration::from_millis(300);
    assert!(l.hit("k", 1, window).await.unwrap().allowed);
    assert!(!l.hit("k", 1, window).await.unwrap().allowed);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(l.hit("k", 1, window).await.unwrap().allowed);
}

#[tokio::test]
async fn replicas_share_one_budget() {
    let prefix = unique_prefix("replicas");
    let a = RedisRateLimiter::new(&shared_url())
        .unwrap()
        .with_prefix(prefix.clone());
    let b = RedisRateLimiter::new(&shared_url())
        .unwrap()
        .with_prefix(prefix);
    for _ in 0..2 {
        assert!(
            a.hit("signin:email:x@y.io", 4, MINUTE)
                .await
                .unwrap()
                .allowed
        );
        assert!(
            b.hit("signin:email:x@y.io", 4, MINUTE)
                .await
                .unwrap()
                .allowed
        );
    }
    assert!(
        !a.hit("signin:email:x@y.io", 4, MINUTE)
            .await
            .unwrap()
            .allowed
    );
    assert!(
        !b.hit("signin:email:x@y.io", 4, MINUTE)
            .await
            .unwrap()
            .allowed
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_hits_are_counted_atomically() {
    let l = Arc::new(
        RedisRateLimiter::new(&shared_url())
            .unwrap()
            .with_prefix(unique_prefix("atomic")),
    );
    let tasks: Vec<_> = (0..30)
        .map(|_| {
            let l = l.clone();
            tokio::spawn(async move { l.hit("k", 10, MINUTE).await.unwrap().allowed })
        })
        .collect();
    let mut allowed = 0;
    for t in tasks {
        allowed += usize::from(t.await.unwrap());
    }
    assert_eq!(allowed, 10);
    assert!(!l.is_degraded());
}

#[tokio::test]
async fn an_unreachable_redis_falls_back_to_memory_without_blocking() {
    // Nothing listens on a port that was just free.
    let l = RedisRateLimiter::new(&format!("redis://127.0.0.1:{}", free_port())).unwrap();
    assert!(!l.probe().await);
    let started = Instant::now();
    for _ in 0..2 {
        assert!(
            l.hit("signin:email:a@b.io", 2, MINUTE)
                .await
                .unwrap()
                .allowed
        );
    }
    // Memory still enforces the budget.
    assert!(
        !l.hit("signin:email:a@b.io", 2, MINUTE)
            .await
            .unwrap()
            .allowed
    );
    assert!(l.is_degraded());
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_bad_url_is_refused_without_quoting_it() {
    let err = RedisRateLimiter::new("http://user:hunter2@example.com").unwrap_err();
    assert!(!err.to_string().contains("hunter2"), "{err}");
}

/// A private server for the outage test, killed on drop.
struct PrivateRedis {
    child: Child,
    port: u16,
}

impl PrivateRedis {
    fn start(port: u16) -> PrivateRedis {
        let bin = std::env::var("REDIS_SERVER").unwrap_or_else(|_| "redis-server".into());
        let child = Command::new(&bin)
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {bin} ({e}); scripts/test installs it"));
        let server = PrivateRedis { child, port };
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "private redis-server did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        server
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn an_outage_falls_back_and_a_recovery_reconnects() {
    let port = free_port();
    let server = PrivateRedis::start(port);
    let url = server.url();
    let l = RedisRateLimiter::new(&url)
        .unwrap()
        .with_retry_every(Duration::from_millis(200));
    assert!(l.hit("k", 100, MINUTE).await.unwrap().allowed);
    assert!(!l.is_degraded());

    drop(server);
    let started = Instant::now();
    assert!(l.hit("k", 100, MINUTE).await.unwrap().allowed);
    assert!(l.is_degraded(), "the failed call switches to memory");
    assert!(started.elapsed() < Duration::from_secs(2));

    let _server = PrivateRedis::start(port);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(l.hit("recovered", 100, MINUTE).await.unwrap().allowed);
    assert!(!l.is_degraded(), "reconnected once Redis came back");
    let mut conn = raw(&url).await;
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("intowork:rl:*")
        .query_async(&mut conn)
        .await
        .unwrap();
    assert_eq!(keys.len(), 1, "the hit after recovery went to Redis");
}
