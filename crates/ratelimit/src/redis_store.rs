//! The shared store: one Redis (`REDIS_URL`) gives every replica the same budgets.
//!
//! Each hit is one atomic script (INCR, and PEXPIRE when the key has no expiry yet), so
//! concurrent replicas never lose a count and a key never outlives its window. Keys are SHA-256
//! hashes: emails and addresses are never stored in the clear.
//!
//! Redis being down must never block sign-ins (CONTRACT 9.2): a failed call marks the store
//! down, logs one warning, and the in-memory limiter answers until a reconnect succeeds. Only one
//! task tries to reconnect at a time, at most every `retry_every`; the others keep using memory
//! instead of queueing behind a dead server.

use std::sync::Mutex;
use std::time::Duration;

use async_trait::async_trait;
use intowork_domain::limits::{Decision, LimitError, RateLimiter};
use redis::AsyncConnectionConfig;
use redis::aio::MultiplexedConnection;
use sha2::{Digest, Sha256};
use tokio::time::Instant;

use crate::memory::MemoryRateLimiter;

/// INCR, then give the key its window unless it already has one. Returns `{count, ttl_ms}`.
const HIT_SCRIPT: &str = r"
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
";

const DEFAULT_PREFIX: &str = "intowork:rl:";
const CONNECT_TIMEOUT: Duration = Duration::from_secs(1);
/// A sign-in waits at most this long for Redis before the fallback answers.
const RESPONSE_TIMEOUT: Duration = Duration::from_millis(500);
const DEFAULT_RETRY_EVERY: Duration = Duration::from_secs(5);

pub struct RedisRateLimiter {
    client: redis::Client,
    script: redis::Script,
    prefix: String,
    retry_every: Duration,
    link: Mutex<Link>,
    /// Held by the one task that is reconnecting.
    connecting: tokio::sync::Mutex<()>,
    fallback: MemoryRateLimiter,
}

impl std::fmt::Debug for RedisRateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The client holds the URL, which may carry a password.
        f.debug_struct("RedisRateLimiter")
            .field("degraded", &self.is_degraded())
            .finish_non_exhaustive()
    }
}

enum Link {
    /// Not tried yet.
    Idle,
    Up(MultiplexedConnection),
    /// The last attempt failed; the next one is due at `retry_at`.
    Down {
        retry_at: Instant,
    },
}

/// The URL could not be parsed (the message never contains the URL itself: it may hold a
/// password).
#[derive(Debug)]
pub struct InvalidRedisUrl(pub String);

impl std::fmt::Display for InvalidRedisUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid Redis URL: {}", self.0)
    }
}

impl std::error::Error for InvalidRedisUrl {}

impl RedisRateLimiter {
    /// Parses `url` (`redis://[user:password@]host[:port][/db]`); connects lazily on first use.
    pub fn new(url: &str) -> Result<Self, InvalidRedisUrl> {
        let client = redis::Client::open(url).map_err(|e| InvalidRedisUrl(describe(&e)))?;
        Ok(Self {
            client,
            script: redis::Script::new(HIT_SCRIPT),
            prefix: DEFAULT_PREFIX.to_owned(),
            retry_every: DEFAULT_RETRY_EVERY,
            link: Mutex::new(Link::Idle),
            connecting: tokio::sync::Mutex::new(()),
            fallback: MemoryRateLimiter::new(),
        })
    }

    /// Keys are `<prefix><sha256 hex>`; tests use a unique prefix on a shared server.
    pub fn with_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// How long to keep answering from memory after a failure before trying Redis again.
    pub fn with_retry_every(mut self, every: Duration) -> Self {
        self.retry_every = every;
        self
    }

    /// `true` while the in-memory fallback answers.
    pub fn is_degraded(&self) -> bool {
        matches!(*self.lock(), Link::Down { .. })
    }

    /// Connects now (start-up uses it to say whether limits are shared). `false` when Redis does
    /// not answer; the limiter then works from memory and keeps retrying.
    pub async fn probe(&self) -> bool {
        self.connection().await.is_some()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Link> {
        self.link
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn redis_key(&self, key: &str) -> String {
        format!(
            "{}{}",
            self.prefix,
            hex::encode(Sha256::digest(key.as_bytes()))
        )
    }

    /// What the current state says without trying anything: `Some(answer)`, or `None` when a
    /// (re)connect attempt is due.
    fn settled(&self) -> Option<Option<MultiplexedConnection>> {
        match &*self.lock() {
            Link::Up(conn) => Some(Some(conn.clone())),
            Link::Down { retry_at } if Instant::now() < *retry_at => Some(None),
            Link::Idle | Link::Down { .. } => None,
        }
    }

    /// The live connection, or `None` when memory must answer this hit.
    async fn connection(&self) -> Option<MultiplexedConnection> {
        if let Some(answer) = self.settled() {
            return answer;
        }
        // One attempt at a time; the others wait for its outcome (bounded by the connect
        // timeout) rather than each dialling a server that may be dead.
        let _guard = self.connecting.lock().await;
        if let Some(answer) = self.settled() {
            return answer;
        }
        let config = AsyncConnectionConfig::new()
            .set_connection_timeout(Some(CONNECT_TIMEOUT))
            .set_response_timeout(Some(RESPONSE_TIMEOUT));
        match self
            .client
            .get_multiplexed_async_connection_with_config(&config)
            .await
        {
            Ok(conn) => {
                let was_down = matches!(*self.lock(), Link::Down { .. });
                *self.lock() = Link::Up(conn.clone());
                if was_down {
                    tracing::info!("Redis reachable again: rate limits are shared across replicas");
                } else {
                    tracing::info!("Redis connected: rate limits are shared across replicas");
                }
                Some(conn)
            }
            Err(e) => {
                self.mark_down(&e);
                None
            }
        }
    }

    /// Records a failure; warns on the transition only, so an outage is one line, not one per
    /// request.
    fn mark_down(&self, e: &redis::RedisError) {
        let mut link = self.lock();
        let already_down = matches!(*link, Link::Down { .. });
        *link = Link::Down {
            retry_at: Instant::now() + self.retry_every,
        };
        drop(link);
        if !already_down {
            tracing::warn!(
                error = %describe(e),
                retry_in_secs = self.retry_every.as_secs_f64(),
                "Redis unreachable: rate limits fall back to this instance's memory"
            );
        }
    }

    async fn hit_redis(
        &self,
        conn: &mut MultiplexedConnection,
        key: &str,
        window: Duration,
    ) -> redis::RedisResult<(u32, Duration)> {
        let window_ms = u64::try_from(window.as_millis()).unwrap_or(u64::MAX).max(1);
        let (count, ttl_ms): (u64, i64) = self
            .script
            .key(self.redis_key(key))
            .arg(window_ms)
            .invoke_async(conn)
            .await?;
        let ttl = Duration::from_millis(u64::try_from(ttl_ms).unwrap_or(window_ms));
        Ok((u32::try_from(count).unwrap_or(u32::MAX), ttl))
    }
}

/// A short cause for logs. Not the error's own text: for some kinds it quotes the URL, and the
/// URL may carry a password.
fn describe(e: &redis::RedisError) -> String {
    if e.is_connection_refusal() {
        "connection refused".into()
    } else if e.is_timeout() {
        "timed out".into()
    } else if e.is_connection_dropped() {
        "connection dropped".into()
    } else {
        format!("{:?}", e.kind())
    }
}

#[async_trait]
impl RateLimiter for RedisRateLimiter {
    async fn hit(&self, key: &str, limit: u32, window: Duration) -> Result<Decision, LimitError> {
        if let Some(mut conn) = self.connection().await {
            match self.hit_redis(&mut conn, key, window).await {
                Ok((count, retry_after)) => {
                    return Ok(Decision {
                        allowed: count <= limit,
                        retry_after,
                    });
                }
                Err(e) => self.mark_down(&e),
            }
        }
        Ok(self.fallback.hit_now(key, limit, window))
    }
}
