//! Totals of the polled list endpoints, remembered until the next write.
//!
//! The page envelopes carry an exact `total`, and counting is the one part of a list request
//! whose cost grows with the data: at 100,000 jobs the public list's `count(*)` took 95 to 150 ms
//! while its page took 0.5 ms (docs/performance.md). The frontend polls these lists, mostly
//! while nothing changes, so a total is kept and reused until either
//!
//! - any transaction commits through this process's pool (every write that can change a total
//!   runs in one: the pool's instrumentation bumps [`Commits`] on each `COMMIT`), or
//! - [`TTL`] passes, which bounds how long a write made by *another* process (a second replica,
//!   the CLI) can go unseen in a total. The page rows themselves are always read live.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a total may be reused when no write happened in this process.
pub(crate) const TTL: Duration = Duration::from_secs(5);

/// Bounds the map: the keys hold user-chosen filters, so a crawler must not grow it forever.
const MAX_ENTRIES: usize = 4096;

/// Committed transactions on this process's connections; a total counted under an older value is
/// stale.
#[derive(Clone, Debug, Default)]
pub(crate) struct Commits(Arc<AtomicU64>);

impl Commits {
    pub(crate) fn bump(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }

    fn get(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }
}

#[derive(Debug)]
struct Entry {
    commits: u64,
    at: Instant,
    total: i64,
}

#[derive(Debug)]
pub(crate) struct CountCache {
    commits: Commits,
    ttl: Duration,
    entries: Mutex<HashMap<String, Entry>>,
}

impl CountCache {
    pub(crate) fn new(commits: Commits, ttl: Duration) -> Self {
        Self {
            commits,
            ttl,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The total remembered under `key`, or `count()`'s, remembered. The commit counter is read
    /// *before* counting: a write that commits meanwhile makes the new entry stale at once.
    pub(crate) fn total<E>(
        &self,
        key: String,
        count: impl FnOnce() -> Result<i64, E>,
    ) -> Result<i64, E> {
        let commits = self.commits.get();
        if let Some(e) = self.lock().get(&key)
            && e.commits == commits
            && e.at.elapsed() < self.ttl
        {
            return Ok(e.total);
        }
        let total = count()?;
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, e| e.commits == commits && e.at.elapsed() < self.ttl);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(
            key,
            Entry {
                commits,
                at: Instant::now(),
                total,
            },
        );
        Ok(total)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::convert::Infallible;

    use super::*;

    fn count(n: i64, calls: &mut u32) -> Result<i64, Infallible> {
        *calls += 1;
        Ok(n)
    }

    #[test]
    fn a_total_is_reused_until_a_commit() {
        let commits = Commits::default();
        let cache = CountCache::new(commits.clone(), TTL);
        let mut calls = 0;
        assert_eq!(cache.total("a".into(), || count(3, &mut calls)), Ok(3));
        assert_eq!(cache.total("a".into(), || count(4, &mut calls)), Ok(3));
        assert_eq!(calls, 1);
        commits.bump();
        assert_eq!(cache.total("a".into(), || count(4, &mut calls)), Ok(4));
        assert_eq!(calls, 2);
    }

    #[test]
    fn keys_are_separate_and_errors_are_not_remembered() {
        let cache = CountCache::new(Commits::default(), TTL);
        let mut calls = 0;
        assert_eq!(cache.total("a".into(), || count(1, &mut calls)), Ok(1));
        assert_eq!(cache.total("b".into(), || count(2, &mut calls)), Ok(2));
        assert_eq!(cache.total::<&str>("c".into(), || Err("down")), Err("down"));
        assert_eq!(cache.total("c".into(), || count(5, &mut calls)), Ok(5));
        assert_eq!(calls, 3);
    }

    #[test]
    fn a_total_expires_after_the_ttl() {
        let cache = CountCache::new(Commits::default(), Duration::ZERO);
        let mut calls = 0;
        cache.total("a".into(), || count(1, &mut calls)).unwrap();
        cache.total("a".into(), || count(1, &mut calls)).unwrap();
        assert_eq!(calls, 2);
    }

    #[test]
    fn the_map_stays_bounded() {
        let cache = CountCache::new(Commits::default(), TTL);
        let mut calls = 0;
        for i in 0..(MAX_ENTRIES + 10) {
            cache
                .total(format!("k{i}"), || count(1, &mut calls))
                .unwrap();
        }
        assert!(cache.lock().len() <= MAX_ENTRIES);
    }
}
