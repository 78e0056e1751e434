//! A map of answers with a time to live, a budget in bytes, hashed keys and explicit eviction.
//!
//! An answer is reused until it is evicted (a write that changes it was committed in this process,
//! see [`super::ReadCaches`]) or [`TTL`] passes, which bounds how long a write made by *another*
//! process (a second replica, the CLI) can go unseen.
//!
//! When an entry has only outlived its TTL (nothing evicted it), one caller reloads it while the
//! others keep getting it, for at most another TTL: a reload at 100,000 jobs takes tens of
//! milliseconds, and 32 requests all counting at once gave a p99 of 160 ms.
//!
//! Keys and values come from anonymous requests, so neither may make the map grow with what a
//! client sends: a key is kept as a 128-bit hash of the typed key (a search text of any length
//! costs 16 bytes) plus its small [`CacheKey::Tag`] for eviction, and the values' approximate
//! heap sizes ([`HeapSize`]) are kept under the budget by forgetting the oldest stored ones first.

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::hash::{BuildHasher, Hash};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

pub(crate) use super::heap_size::HeapSize;

/// How long an answer may be reused when nothing in this process evicted it.
pub(crate) const TTL: Duration = Duration::from_secs(5);

/// A value bigger than this share of the budget is handed to its caller and never stored: one
/// answer must not push out every other.
const LARGEST_SHARE: usize = 8;

/// A typed key. The cache keeps only its hash and its tag.
pub(crate) trait CacheKey: Hash {
    /// What eviction may ask of a stored key: small and fixed in size, unlike the key, whose
    /// filters hold text a client chose.
    type Tag: Copy;

    fn tag(&self) -> Self::Tag;
}

/// A key's 128-bit hash: two independent SipHash-1-3 hashers, each with its own random key drawn
/// when the cache is made. A collision would serve one filter's answer for another's: for the
/// at most ~100,000 entries a budget allows, its chance is about n² / 2¹²⁹ (below 10⁻²⁸), and
/// the keys are secret, so a client cannot search for one.
#[derive(Debug)]
struct KeyHasher(RandomState, RandomState);

impl KeyHasher {
    fn new() -> Self {
        Self(RandomState::new(), RandomState::new())
    }

    fn hash<K: Hash>(&self, key: &K) -> u128 {
        (u128::from(self.0.hash_one(key)) << 64) | u128::from(self.1.hash_one(key))
    }
}

#[derive(Debug)]
struct Entry<T, V> {
    at: Instant,
    /// A caller is loading a fresh value; the others may still be given this one.
    reloading: bool,
    /// Its place in the order of storing, oldest first.
    seq: u64,
    /// Bytes counted against the budget.
    cost: usize,
    tag: T,
    value: V,
}

#[derive(Debug)]
struct State<T, V> {
    entries: HashMap<u128, Entry<T, V>>,
    /// Key hashes by the order they were stored in: the oldest goes first when over budget.
    order: BTreeMap<u64, u128>,
    next_seq: u64,
    /// The sum of the entries' costs.
    bytes: usize,
    /// Bumped by every eviction: a value loaded across one may predate the write behind it.
    evictions: u64,
}

impl<T, V> State<T, V> {
    fn remove(&mut self, hash: u128) {
        if let Some(e) = self.entries.remove(&hash) {
            self.order.remove(&e.seq);
            self.bytes -= e.cost;
        }
    }
}

#[derive(Debug)]
pub(crate) struct ReadCache<K: CacheKey, V> {
    ttl: Duration,
    max_bytes: usize,
    hasher: KeyHasher,
    state: Mutex<State<K::Tag, V>>,
}

/// The answer of [`ReadCache::lookup`].
pub(crate) enum Lookup<'a, K: CacheKey, V> {
    Hit(V),
    /// The caller loads the value and hands it to [`Loader::store`].
    Miss(Loader<'a, K, V>),
}

/// The one caller loading a key. Dropped without storing (the load failed), it lets the next
/// caller try.
pub(crate) struct Loader<'a, K: CacheKey, V> {
    cache: &'a ReadCache<K, V>,
    key: Option<(u128, K::Tag)>,
    evictions: u64,
}

impl<K: CacheKey, V: Clone + HeapSize> ReadCache<K, V> {
    /// Answers reused for `ttl`, their keys and values together counted at most `max_bytes`.
    pub(crate) fn new(ttl: Duration, max_bytes: usize) -> Self {
        Self {
            ttl,
            max_bytes,
            hasher: KeyHasher::new(),
            state: Mutex::new(State {
                entries: HashMap::new(),
                order: BTreeMap::new(),
                next_seq: 0,
                bytes: 0,
                evictions: 0,
            }),
        }
    }

    pub(crate) fn lookup(&self, key: K) -> Lookup<'_, K, V> {
        let hash = self.hasher.hash(&key);
        let mut state = self.lock();
        let evictions = state.evictions;
        if let Some(e) = state.entries.get_mut(&hash) {
            let age = e.at.elapsed();
            if age < self.ttl || (e.reloading && age < self.ttl * 2) {
                return Lookup::Hit(e.value.clone());
            }
            e.reloading = true;
        }
        Lookup::Miss(Loader {
            cache: self,
            key: Some((hash, key.tag())),
            evictions,
        })
    }

    /// The value remembered under `key`, or `load()`'s, remembered.
    pub(crate) async fn get_or<E, F>(&self, key: K, load: impl FnOnce() -> F) -> Result<V, E>
    where
        F: Future<Output = Result<V, E>>,
    {
        match self.lookup(key) {
            Lookup::Hit(value) => Ok(value),
            Lookup::Miss(loader) => {
                let value = load().await?;
                loader.store(value.clone());
                Ok(value)
            }
        }
    }

    /// [`ReadCache::get_or`] for a load that runs on the caller's thread (a database connection).
    pub(crate) fn get_or_blocking<E>(
        &self,
        key: K,
        load: impl FnOnce() -> Result<V, E>,
    ) -> Result<V, E> {
        match self.lookup(key) {
            Lookup::Hit(value) => Ok(value),
            Lookup::Miss(loader) => {
                let value = load()?;
                loader.store(value.clone());
                Ok(value)
            }
        }
    }

    /// Forgets every answer `stale` says a write changed.
    pub(crate) fn evict(&self, stale: impl Fn(&K::Tag, &V) -> bool) {
        let mut state = self.lock();
        let gone: Vec<u128> = state
            .entries
            .iter()
            .filter(|(_, e)| stale(&e.tag, &e.value))
            .map(|(hash, _)| *hash)
            .collect();
        for hash in gone {
            state.remove(hash);
        }
        state.evictions += 1;
    }

    pub(crate) fn clear(&self) {
        self.evict(|_, _| true);
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.lock().entries.len()
    }

    /// The bytes counted against the budget.
    #[cfg(test)]
    pub(crate) fn bytes(&self) -> usize {
        self.lock().bytes
    }

    fn lock(&self) -> MutexGuard<'_, State<K::Tag, V>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// What an entry costs besides its value's heap: its slot in the map (counted twice: after a
/// doubling, up to half of the table is spare) and its node in the order.
fn entry_overhead<T, V>() -> usize {
    2 * (size_of::<(u128, Entry<T, V>)>() + 1) + 2 * size_of::<(u64, u128)>()
}

impl<K: CacheKey, V: HeapSize> Loader<'_, K, V> {
    /// Remembers `value`, unless an eviction happened since the lookup (the value may then have
    /// been read before the write that caused it) or it is too big for the budget: it is then
    /// handed to this caller only.
    pub(crate) fn store(mut self, value: V) {
        let Some((hash, tag)) = self.key.take() else {
            return;
        };
        let cache = self.cache;
        let cost = value.heap_size() + entry_overhead::<K::Tag, V>();
        let mut state = cache.state.lock().unwrap_or_else(PoisonError::into_inner);
        if state.evictions != self.evictions {
            if let Some(e) = state.entries.get_mut(&hash) {
                e.reloading = false;
            }
            return;
        }
        // The value this one replaces is stale: it goes even when the new one is not kept.
        state.remove(hash);
        if cost > cache.max_bytes / LARGEST_SHARE {
            return;
        }
        if state.bytes + cost > cache.max_bytes {
            let ttl = cache.ttl;
            let expired: Vec<u128> = state
                .entries
                .iter()
                .filter(|(_, e)| e.at.elapsed() >= ttl)
                .map(|(hash, _)| *hash)
                .collect();
            for hash in expired {
                state.remove(hash);
            }
        }
        while state.bytes + cost > cache.max_bytes {
            let Some((_, oldest)) = state.order.pop_first() else {
                break;
            };
            state.remove(oldest);
        }
        let seq = state.next_seq;
        state.next_seq += 1;
        state.order.insert(seq, hash);
        state.bytes += cost;
        let entry = Entry {
            at: Instant::now(),
            reloading: false,
            seq,
            cost,
            tag,
            value,
        };
        state.entries.insert(hash, entry);
    }
}

impl<K: CacheKey, V> Drop for Loader<'_, K, V> {
    fn drop(&mut self) {
        if let Some((hash, _)) = self.key.take() {
            let mut state = self
                .cache
                .state
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            if let Some(e) = state.entries.get_mut(&hash) {
                e.reloading = false;
            }
        }
    }
}
