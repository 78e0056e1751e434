//! The read cache's reuse, expiry, eviction and bounds.

#![allow(clippy::unwrap_used)]

use std::convert::Infallible;
use std::time::Duration;

use intowork_domain::job::PublicJobFilter;

use super::keys::{JobPageKey, Searched};
use super::read_cache::{CacheKey, ReadCache, TTL};

type Counts = ReadCache<&'static str, i64>;

/// Room for many small entries.
const ROOMY: usize = 1 << 20;

impl CacheKey for &'static str {
    type Tag = Self;

    fn tag(&self) -> Self {
        self
    }
}

impl CacheKey for usize {
    type Tag = Self;

    fn tag(&self) -> Self {
        *self
    }
}

fn count(n: i64, calls: &mut u32) -> Result<i64, Infallible> {
    *calls += 1;
    Ok(n)
}

#[test]
fn an_answer_is_reused_until_evicted() {
    let cache = Counts::new(TTL, ROOMY);
    let mut calls = 0;
    assert_eq!(cache.get_or_blocking("a", || count(3, &mut calls)), Ok(3));
    assert_eq!(cache.get_or_blocking("a", || count(4, &mut calls)), Ok(3));
    assert_eq!(calls, 1);
    cache.clear();
    assert_eq!(cache.get_or_blocking("a", || count(4, &mut calls)), Ok(4));
    assert_eq!(calls, 2);
}

#[test]
fn eviction_forgets_only_what_it_names() {
    let cache = Counts::new(TTL, ROOMY);
    let mut calls = 0;
    cache.get_or_blocking("a", || count(1, &mut calls)).unwrap();
    cache.get_or_blocking("b", || count(2, &mut calls)).unwrap();
    cache.evict(|k, _| *k == "a");
    assert_eq!(cache.get_or_blocking("a", || count(5, &mut calls)), Ok(5));
    assert_eq!(cache.get_or_blocking("b", || count(6, &mut calls)), Ok(2));
    assert_eq!(calls, 3);
}

#[test]
fn keys_are_separate_and_errors_are_not_remembered() {
    let cache = Counts::new(TTL, ROOMY);
    let mut calls = 0;
    assert_eq!(cache.get_or_blocking("a", || count(1, &mut calls)), Ok(1));
    assert_eq!(cache.get_or_blocking("b", || count(2, &mut calls)), Ok(2));
    assert_eq!(
        cache.get_or_blocking::<&str>("c", || Err("down")),
        Err("down")
    );
    assert_eq!(cache.get_or_blocking("c", || count(5, &mut calls)), Ok(5));
    assert_eq!(calls, 3);
}

#[test]
fn an_answer_expires_after_the_ttl() {
    let cache = Counts::new(Duration::ZERO, ROOMY);
    let mut calls = 0;
    cache.get_or_blocking("a", || count(1, &mut calls)).unwrap();
    cache.get_or_blocking("a", || count(1, &mut calls)).unwrap();
    assert_eq!(calls, 2);
}

#[test]
fn an_expired_entry_is_reloaded_by_one_caller_while_the_others_get_it() {
    let cache = Counts::new(Duration::from_millis(50), ROOMY);
    let mut calls = 0;
    cache.get_or_blocking("a", || count(1, &mut calls)).unwrap();
    std::thread::sleep(Duration::from_millis(60));
    // The first caller after the TTL reloads; while it does, another caller gets the old value.
    let value = cache
        .get_or_blocking::<Infallible>("a", || {
            let meanwhile = cache.get_or_blocking("a", || count(9, &mut calls));
            assert_eq!(meanwhile, Ok(1));
            Ok(2)
        })
        .unwrap();
    assert_eq!((value, calls), (2, 1));
    assert_eq!(cache.get_or_blocking("a", || count(3, &mut calls)), Ok(2));
}

#[test]
fn a_failed_reload_lets_the_next_caller_reload() {
    let cache = Counts::new(Duration::from_millis(20), ROOMY);
    let mut calls = 0;
    cache.get_or_blocking("a", || count(1, &mut calls)).unwrap();
    std::thread::sleep(Duration::from_millis(30));
    assert_eq!(
        cache.get_or_blocking::<&str>("a", || Err("down")),
        Err("down")
    );
    assert_eq!(cache.get_or_blocking("a", || count(7, &mut calls)), Ok(7));
}

#[test]
fn a_write_is_never_hidden_by_a_load_in_progress() {
    let cache = Counts::new(TTL, ROOMY);
    let mut calls = 0;
    // The load read the database before the write; the write's eviction comes before the
    // load finishes: its value is returned but not remembered.
    let value = cache
        .get_or_blocking::<Infallible>("a", || {
            cache.evict(|k, _| *k == "a");
            Ok(4)
        })
        .unwrap();
    assert_eq!(value, 4);
    assert_eq!(cache.get_or_blocking("a", || count(5, &mut calls)), Ok(5));
    assert_eq!(calls, 1);
}

#[tokio::test]
async fn async_loads_are_remembered_too() {
    let cache = Counts::new(TTL, ROOMY);
    let first = cache.get_or("a", || async { Ok::<_, Infallible>(1) }).await;
    let second = cache.get_or("a", || async { Ok::<_, Infallible>(2) }).await;
    assert_eq!((first, second), (Ok(1), Ok(1)));
}

/// A text of `n` bytes, counted `n` on the heap.
fn text(n: usize) -> Result<String, Infallible> {
    Ok("x".repeat(n))
}

#[test]
fn the_bytes_held_stay_within_the_budget() {
    let budget = 100_000;
    let cache = ReadCache::<usize, String>::new(TTL, budget);
    for i in 0..1000 {
        cache.get_or_blocking(i, || text(5_000)).unwrap();
        assert!(cache.bytes() <= budget, "{} bytes held", cache.bytes());
    }
    // Each entry counts its text and its bookkeeping: fewer than budget / text fit.
    assert!((10..20).contains(&cache.len()), "{} entries", cache.len());
    cache.clear();
    assert_eq!((cache.len(), cache.bytes()), (0, 0));
}

#[test]
fn the_oldest_answers_go_first() {
    let cache = ReadCache::<usize, String>::new(TTL, 80_000);
    for i in 0..10 {
        cache.get_or_blocking(i, || text(9_000)).unwrap();
    }
    assert_eq!(cache.len(), 8);
    let mut reloaded = Vec::new();
    for i in 0..10 {
        cache
            .get_or_blocking(i, || {
                reloaded.push(i);
                text(9_000)
            })
            .unwrap();
        // Reloading key 0 or 1 pushes out the oldest still stored (key 2, then key 3).
        if i == 1 {
            break;
        }
    }
    assert_eq!(reloaded, [0, 1]);
    let mut reloaded = Vec::new();
    for i in [9, 8, 7, 6, 5, 4, 3, 2] {
        cache
            .get_or_blocking(i, || {
                reloaded.push(i);
                text(9_000)
            })
            .unwrap();
    }
    assert_eq!(reloaded, [3, 2]);
}

#[test]
fn an_answer_bigger_than_an_eighth_of_the_budget_is_served_but_not_kept() {
    let cache = ReadCache::<usize, String>::new(TTL, 80_000);
    cache.get_or_blocking(1, || text(1_000)).unwrap();
    let mut calls = 0;
    for _ in 0..2 {
        let big = cache.get_or_blocking(2, || {
            calls += 1;
            text(10_000)
        });
        assert_eq!(big.unwrap().len(), 10_000);
    }
    assert_eq!(calls, 2);
    assert_eq!(cache.len(), 1);
    // Nothing else was pushed out to make room for it.
    assert_eq!(cache.get_or_blocking(1, || text(7)).unwrap().len(), 1_000);
}

fn page(text: Option<&str>, location: Option<&str>) -> JobPageKey {
    JobPageKey {
        filter: PublicJobFilter {
            text: text.map(str::to_owned),
            location: location.map(str::to_owned),
            ..PublicJobFilter::default()
        },
        limit: 20,
        offset: 0,
    }
}

#[test]
fn distinct_filters_have_distinct_entries() {
    let cache = ReadCache::<JobPageKey, i64>::new(TTL, ROOMY);
    let keys = [
        page(None, None),
        page(Some(""), None),
        page(None, Some("")),
        page(Some("ab"), None),
        page(Some("a"), Some("b")),
        page(None, Some("ab")),
        page(Some("ab"), Some("")),
    ];
    for (n, key) in keys.iter().enumerate() {
        let stored = cache.get_or_blocking(key.clone(), || Ok::<_, Infallible>(n as i64));
        assert_eq!(
            stored,
            Ok(n as i64),
            "{key:?} found another filter's answer"
        );
    }
    for (n, key) in keys.iter().enumerate() {
        let again = cache.get_or_blocking(key.clone(), || Ok::<_, Infallible>(-1));
        assert_eq!(again, Ok(n as i64));
    }
    let other_page = JobPageKey {
        offset: 20,
        ..page(None, None)
    };
    assert_eq!(
        cache.get_or_blocking(other_page, || Ok::<_, Infallible>(-1)),
        Ok(-1)
    );
}

#[test]
fn a_key_costs_the_same_whatever_the_length_of_its_search() {
    let cache = ReadCache::<JobPageKey, i64>::new(TTL, ROOMY);
    cache
        .get_or_blocking(page(Some("a"), None), || Ok::<_, Infallible>(1))
        .unwrap();
    let one = cache.bytes();
    let long = "\u{fdfa}".repeat(60_000);
    cache
        .get_or_blocking(page(Some(&long), Some(&long)), || Ok::<_, Infallible>(2))
        .unwrap();
    assert_eq!(cache.bytes(), 2 * one);
}

#[test]
fn eviction_sees_whether_a_key_searched() {
    let cache = ReadCache::<JobPageKey, i64>::new(TTL, ROOMY);
    cache
        .get_or_blocking(page(Some("a"), None), || Ok::<_, Infallible>(1))
        .unwrap();
    cache
        .get_or_blocking(page(None, Some("a")), || Ok::<_, Infallible>(2))
        .unwrap();
    cache.evict(|&Searched(searched), _| searched);
    assert_eq!(
        cache.get_or_blocking(page(Some("a"), None), || Ok::<_, Infallible>(3)),
        Ok(3)
    );
    assert_eq!(
        cache.get_or_blocking(page(None, Some("a")), || Ok::<_, Infallible>(4)),
        Ok(2)
    );
}
