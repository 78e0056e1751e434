//! Which jobs of a snapshot contain a searched text, per column and text. The scan is the costly
//! part of a search (at 1,000,000 jobs it reads a few hundred megabytes), and the same words come
//! back with other filters and pages: each is scanned once per snapshot, by the first search that
//! needs it, while concurrent searches for it wait for that scan instead of repeating it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use roaring::RoaringBitmap;

/// What the matches may hold, keys and sets together, before they are all forgotten (searches
/// then scan again): a word matched by every job of a board of 1,000,000 costs 125 KB, a rare
/// word a few bytes per match.
const MAX_BYTES: usize = 64 << 20;

/// The column a text is searched in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Field {
    Text,
    Location,
}

pub(crate) type Key = (Field, Box<str>);

#[derive(Debug, Default)]
pub(crate) struct Matches {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    by_key: HashMap<Key, Entry>,
    bytes: usize,
}

#[derive(Debug, Default)]
struct Entry {
    /// Set once, by the search that scans.
    found: Arc<OnceLock<Arc<RoaringBitmap>>>,
    /// How many searches asked for it.
    hits: u64,
}

impl Matches {
    /// The jobs `scan` finds for `key`, scanned at most once while remembered.
    pub(crate) fn get_or_scan(
        &self,
        key: Key,
        scan: impl FnOnce() -> RoaringBitmap,
    ) -> Arc<RoaringBitmap> {
        let cell = {
            let mut inner = self.lock();
            let entry = inner.by_key.entry(key).or_default();
            entry.hits += 1;
            entry.found.clone()
        };
        let mut scanned = None;
        let found = cell
            .get_or_init(|| {
                let mut found = scan();
                found.optimize();
                scanned = Some(found.serialized_size());
                Arc::new(found)
            })
            .clone();
        if let Some(size) = scanned {
            let mut inner = self.lock();
            inner.bytes += size + 64;
            if inner.bytes > MAX_BYTES {
                *inner = Inner::default();
            }
        }
        found
    }

    /// The `n` keys searched most often, most first.
    pub(crate) fn most_searched(&self, n: usize) -> Vec<Key> {
        let inner = self.lock();
        let mut keys: Vec<(&Key, u64)> = inner.by_key.iter().map(|(k, e)| (k, e.hits)).collect();
        keys.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        keys.into_iter().take(n).map(|(k, _)| k.clone()).collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[test]
    fn concurrent_searches_for_one_word_scan_it_once() {
        let matches = Matches::default();
        let scans = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    let found = matches.get_or_scan((Field::Text, "dev".into()), || {
                        scans.fetch_add(1, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(50));
                        RoaringBitmap::from_iter([1, 5])
                    });
                    assert_eq!(found.len(), 2);
                });
            }
        });
        assert_eq!(scans.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn the_most_searched_words_come_first() {
        let matches = Matches::default();
        for (word, times) in [("rare", 1), ("common", 5), ("middle", 3)] {
            for _ in 0..times {
                matches.get_or_scan((Field::Text, word.into()), RoaringBitmap::new);
            }
        }
        matches.get_or_scan((Field::Location, "dakar".into()), RoaringBitmap::new);
        let top: Vec<Key> = matches.most_searched(2);
        assert_eq!(
            top,
            [
                (Field::Text, "common".into()),
                (Field::Text, "middle".into())
            ]
        );
    }
}
