//! The read cache's reuse, expiry, eviction and bounds.

#![allow(clippy::unwrap_used)]

use std::convert::Infallible;
use std::time::Duration;

use super::read_cache::{ReadCache, TTL};

type Counts = ReadCache<&'static str, i64>;

fn count(n: i64, calls: &mut u32) -> Result<i64, Infallible> {
    *calls += 1;
    Ok(n)
}

#[test]
fn an_answer_is_reused_until_evicted() {
    let cache = Counts::new(TTL, 16);
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
    let cache = Counts::new(TTL, 16);
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
    let cache = Counts::new(TTL, 16);
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
    let cache = Counts::new(Duration::ZERO, 16);
    let mut calls = 0;
    cache.get_or_blocking("a", || count(1, &mut calls)).unwrap();
    cache.get_or_blocking("a", || count(1, &mut calls)).unwrap();
    assert_eq!(calls, 2);
}

#[test]
fn an_expired_entry_is_reloaded_by_one_caller_while_the_others_get_it() {
    let cache = Counts::new(Duration::from_millis(50), 16);
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
    let cache = Counts::new(Duration::from_millis(20), 16);
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
    let cache = Counts::new(TTL, 16);
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
    let cache = Counts::new(TTL, 16);
    let first = cache.get_or("a", || async { Ok::<_, Infallible>(1) }).await;
    let second = cache.get_or("a", || async { Ok::<_, Infallible>(2) }).await;
    assert_eq!((first, second), (Ok(1), Ok(1)));
}

#[test]
fn the_map_stays_bounded() {
    let cache = ReadCache::<usize, i64>::new(TTL, 64);
    for i in 0..100 {
        cache.get_or_blocking(i, || Ok::<_, Infallible>(1)).unwrap();
    }
    assert!(cache.len() <= 64);
}
