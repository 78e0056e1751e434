//! The in-process store: right for one instance, and the fallback while Redis is unreachable.
//!
//! Fixed windows per key, like the Redis script, so switching stores does not change behaviour.
//! Memory is bounded: expired windows are swept regularly, and at `max_keys` the windows closest
//! to their end are evicted first (an attacker spraying keys costs others at most a short reset).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use async_trait::async_trait;
use intowork_domain::limits::{Decision, LimitError, RateLimiter};
use tokio::time::Instant;

/// Default bound on tracked keys: about 10 MB at the largest.
pub const DEFAULT_MAX_KEYS: usize = 100_000;
/// How often expired windows are swept (at most; the sweep runs on a hit).
const SWEEP_EVERY: Duration = Duration::from_secs(10);

#[derive(Debug)]
pub struct MemoryRateLimiter {
    state: Mutex<State>,
    max_keys: usize,
}

#[derive(Debug)]
struct State {
    windows: HashMap<String, Window>,
    next_sweep: Instant,
}

#[derive(Clone, Copy, Debug)]
struct Window {
    count: u32,
    ends_at: Instant,
}

impl Default for MemoryRateLimiter {
    fn default() -> Self {
        Self::new()
    }
}

impl MemoryRateLimiter {
    pub fn new() -> Self {
        Self::with_max_keys(DEFAULT_MAX_KEYS)
    }

    pub fn with_max_keys(max_keys: usize) -> Self {
        Self {
            state: Mutex::new(State {
                windows: HashMap::new(),
                next_sweep: Instant::now() + SWEEP_EVERY,
            }),
            max_keys: max_keys.max(1),
        }
    }

    /// Keys currently tracked (for tests and diagnostics).
    pub fn len(&self) -> usize {
        self.lock().windows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The synchronous core, shared with the Redis adapter's fallback path.
    pub fn hit_now(&self, key: &str, limit: u32, window: Duration) -> Decision {
        let now = Instant::now();
        let mut state = self.lock();
        if now >= state.next_sweep {
            state.windows.retain(|_, w| w.ends_at > now);
            state.next_sweep = now + SWEEP_EVERY;
        }
        let fresh = Window {
            count: 0,
            ends_at: now + window,
        };
        if !state.windows.contains_key(key) && state.windows.len() >= self.max_keys {
            evict(&mut state.windows, now, self.max_keys);
        }
        let w = state.windows.entry(key.to_owned()).or_insert(fresh);
        if w.ends_at <= now {
            *w = fresh;
        }
        w.count = w.count.saturating_add(1);
        Decision {
            allowed: w.count <= limit,
            retry_after: w.ends_at.saturating_duration_since(now),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave a window half-updated in a way that
        // matters (a counter is off by one at most), so a poisoned lock is simply taken over.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Makes room for one more key: drops expired windows, and if that is not enough, the tenth of
/// the windows that end soonest (they have the least left to protect). Amortised over many
/// inserts, so a full map does not cost a scan per request.
fn evict(windows: &mut HashMap<String, Window>, now: Instant, max_keys: usize) {
    windows.retain(|_, w| w.ends_at > now);
    if windows.len() < max_keys {
        return;
    }
    let mut ends: Vec<Instant> = windows.values().map(|w| w.ends_at).collect();
    let drop = (max_keys / 10).max(1).min(ends.len());
    let (_, cutoff, _) = ends.select_nth_unstable(drop - 1);
    let cutoff = *cutoff;
    let mut dropped = 0;
    windows.retain(|_, w| {
        if dropped < drop && w.ends_at <= cutoff {
            dropped += 1;
            false
        } else {
            true
        }
    });
    tracing::warn!(
        dropped,
        max_keys,
        "rate limiter full; evicted the windows ending soonest"
    );
}

#[async_trait]
impl RateLimiter for MemoryRateLimiter {
    async fn hit(&self, key: &str, limit: u32, window: Duration) -> Result<Decision, LimitError> {
        Ok(self.hit_now(key, limit, window))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: Duration = Duration::from_secs(60);

    #[tokio::test(start_paused = true)]
    async fn counts_up_to_the_limit_then_refuses_until_the_window_ends() {
        let l = MemoryRateLimiter::new();
        for _ in 0..3 {
            assert!(l.hit_now("k", 3, MINUTE).allowed);
        }
        tokio::time::advance(Duration::from_secs(20)).await;
        let refused = l.hit_now("k", 3, MINUTE);
        assert!(!refused.allowed);
        assert_eq!(refused.retry_after, Duration::from_secs(40));
        // Other keys are unaffected.
        assert!(l.hit_now("other", 3, MINUTE).allowed);
        tokio::time::advance(Duration::from_secs(40)).await;
        let again = l.hit_now("k", 3, MINUTE);
        assert!(again.allowed);
        assert_eq!(again.retry_after, MINUTE);
    }

    #[tokio::test(start_paused = true)]
    async fn expired_windows_are_swept() {
        let l = MemoryRateLimiter::new();
        for i in 0..50 {
            l.hit_now(&format!("k{i}"), 1, Duration::from_secs(1));
        }
        assert_eq!(l.len(), 50);
        tokio::time::advance(SWEEP_EVERY).await;
        l.hit_now("fresh", 1, MINUTE);
        assert_eq!(l.len(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn memory_stays_bounded_and_evicts_the_windows_ending_soonest() {
        let l = MemoryRateLimiter::with_max_keys(100);
        // One long-lived key that is over its budget must survive a flood of new keys.
        for _ in 0..3 {
            l.hit_now("victim-guard", 2, Duration::from_secs(3600));
        }
        for i in 0..1_000 {
            l.hit_now(&format!("spray{i}"), 5, MINUTE);
            assert!(l.len() <= 100);
        }
        assert!(
            !l.hit_now("victim-guard", 2, Duration::from_secs(3600))
                .allowed
        );
    }

    #[tokio::test]
    async fn concurrent_hits_give_exactly_one_refusal_past_the_limit() {
        let l = std::sync::Arc::new(MemoryRateLimiter::new());
        let tasks: Vec<_> = (0..11)
            .map(|_| {
                let l = l.clone();
                tokio::spawn(async move { l.hit("k", 10, MINUTE).await.map(|d| d.allowed) })
            })
            .collect();
        let mut refused = 0;
        for t in tasks {
            if !t.await.expect("task").expect("memory never fails") {
                refused += 1;
            }
        }
        assert_eq!(refused, 1);
    }
}
