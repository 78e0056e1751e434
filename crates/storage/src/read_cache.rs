//! Answers of polled read queries, remembered until the next write.
//!
//! Two kinds of answer are kept ([`ReadCache`] is generic):
//!
//! - the exact `total` of the page envelopes: counting is the one part of a list request whose
//!   cost grows with the data (at 100,000 jobs the public list's `count(*)` took 95 to 150 ms,
//!   its page 0.5 ms; docs/performance.md);
//! - the rows of public job-list pages, which every visitor shares (the per-viewer
//!   `has_applied` flag is looked up separately, for the page's ids only).
//!
//! The frontend polls these, mostly while nothing changes, so an answer is reused until either
//!
//! - any write goes through this process's pool: the pool's instrumentation bumps [`Writes`]
//!   after every statement that is not a `SELECT` (an autocommit write, or the `COMMIT` of a
//!   transaction, has then taken effect), or
//! - [`TTL`] passes, which bounds how long a write made by *another* process (a second replica,
//!   the CLI) can go unseen. View counts are bumped outside transactions and may lag by as long.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a total may be reused when no write happened in this process.
pub(crate) const TTL: Duration = Duration::from_secs(5);

/// Bounds for the maps: the keys hold user-chosen filters, so a crawler must not grow them
/// forever. Totals are 8 bytes; a page of jobs is a few kilobytes.
pub(crate) const MAX_TOTALS: usize = 4096;
pub(crate) const MAX_PAGES: usize = 256;

/// Writes through this process's connections; an answer read under an older value is stale.
#[derive(Clone, Debug, Default)]
pub(crate) struct Writes(Arc<AtomicU64>);

impl Writes {
    pub(crate) fn bump(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }

    fn get(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }
}

#[derive(Debug)]
struct Entry<V> {
    writes: u64,
    at: Instant,
    /// A caller is loading a fresh value; the others may still be given this one.
    reloading: bool,
    value: V,
}

/// Totals of list queries.
pub(crate) type CountCache = ReadCache<i64>;

#[derive(Debug)]
pub(crate) struct ReadCache<V> {
    writes: Writes,
    ttl: Duration,
    max_entries: usize,
    entries: Mutex<HashMap<String, Entry<V>>>,
}

impl<V: Clone> ReadCache<V> {
    pub(crate) fn new(writes: Writes, ttl: Duration, max_entries: usize) -> Self {
        Self {
            writes,
            ttl,
            max_entries,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The value remembered under `key`, or `load()`'s, remembered. The write counter is read
    /// *before* loading: a write that finishes meanwhile makes the new entry stale at once.
    ///
    /// When an entry has only outlived its TTL (no write in this process since), one caller
    /// reloads it while the others keep getting it, for at most another TTL: a reload at 100,000
    /// jobs takes tens of milliseconds, and 32 requests all counting at once gave a p99 of 160 ms.
    pub(crate) fn get_or<E>(
        &self,
        key: String,
        load: impl FnOnce() -> Result<V, E>,
    ) -> Result<V, E> {
        let writes = self.writes.get();
        let mut reloading = false;
        if let Some(e) = self.lock().get_mut(&key)
            && e.writes == writes
        {
            let age = e.at.elapsed();
            if age < self.ttl || (e.reloading && age < self.ttl * 2) {
                return Ok(e.value.clone());
            }
            e.reloading = true;
            reloading = true;
        }
        let value = match load() {
            Ok(value) => value,
            Err(e) => {
                if reloading && let Some(entry) = self.lock().get_mut(&key) {
                    entry.reloading = false;
                }
                return Err(e);
            }
        };
        let mut entries = self.lock();
        if entries.len() >= self.max_entries {
            entries.retain(|_, e| e.writes == writes && e.at.elapsed() < self.ttl);
            if entries.len() >= self.max_entries {
                entries.clear();
            }
        }
        entries.insert(
            key,
            Entry {
                writes,
                at: Instant::now(),
                reloading: false,
                value: value.clone(),
            },
        );
        Ok(value)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry<V>>> {
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
    fn a_total_is_reused_until_a_write() {
        let writes = Writes::default();
        let cache = CountCache::new(writes.clone(), TTL, MAX_TOTALS);
        let mut calls = 0;
        assert_eq!(cache.get_or("a".into(), || count(3, &mut calls)), Ok(3));
        assert_eq!(cache.get_or("a".into(), || count(4, &mut calls)), Ok(3));
        assert_eq!(calls, 1);
        writes.bump();
        assert_eq!(cache.get_or("a".into(), || count(4, &mut calls)), Ok(4));
        assert_eq!(calls, 2);
    }

    #[test]
    fn keys_are_separate_and_errors_are_not_remembered() {
        let cache = CountCache::new(Writes::default(), TTL, MAX_TOTALS);
        let mut calls = 0;
        assert_eq!(cache.get_or("a".into(), || count(1, &mut calls)), Ok(1));
        assert_eq!(cache.get_or("b".into(), || count(2, &mut calls)), Ok(2));
        assert_eq!(
            cache.get_or::<&str>("c".into(), || Err("down")),
            Err("down")
        );
        assert_eq!(cache.get_or("c".into(), || count(5, &mut calls)), Ok(5));
        assert_eq!(calls, 3);
    }

    #[test]
    fn a_total_expires_after_the_ttl() {
        let cache = CountCache::new(Writes::default(), Duration::ZERO, MAX_TOTALS);
        let mut calls = 0;
        cache.get_or("a".into(), || count(1, &mut calls)).unwrap();
        cache.get_or("a".into(), || count(1, &mut calls)).unwrap();
        assert_eq!(calls, 2);
    }

    #[test]
    fn an_expired_entry_is_reloaded_by_one_caller_while_the_others_get_it() {
        let cache = CountCache::new(Writes::default(), Duration::from_millis(50), MAX_TOTALS);
        let mut calls = 0;
        cache.get_or("a".into(), || count(1, &mut calls)).unwrap();
        std::thread::sleep(Duration::from_millis(60));
        // The first caller after the TTL reloads; while it does, another caller gets the old value.
        let value = cache
            .get_or::<Infallible>("a".into(), || {
                let meanwhile = cache.get_or("a".into(), || count(9, &mut calls));
                assert_eq!(meanwhile, Ok(1));
                Ok(2)
            })
            .unwrap();
        assert_eq!((value, calls), (2, 1));
        assert_eq!(cache.get_or("a".into(), || count(3, &mut calls)), Ok(2));
    }

    #[test]
    fn a_write_is_never_hidden_by_a_reload_in_progress() {
        let writes = Writes::default();
        let cache = CountCache::new(writes.clone(), Duration::ZERO, MAX_TOTALS);
        let mut calls = 0;
        cache.get_or("a".into(), || count(1, &mut calls)).unwrap();
        let value = cache
            .get_or::<Infallible>("a".into(), || {
                writes.bump();
                let meanwhile = cache.get_or("a".into(), || count(5, &mut calls));
                assert_eq!(meanwhile, Ok(5));
                Ok(4)
            })
            .unwrap();
        assert_eq!(value, 4);
    }

    #[test]
    fn the_map_stays_bounded() {
        let cache = CountCache::new(Writes::default(), TTL, MAX_TOTALS);
        let mut calls = 0;
        for i in 0..(MAX_TOTALS + 10) {
            cache
                .get_or(format!("k{i}"), || count(1, &mut calls))
                .unwrap();
        }
        assert!(cache.lock().len() <= MAX_TOTALS);
    }
}
