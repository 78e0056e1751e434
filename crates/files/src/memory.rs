//! An in-memory file store for tests, with switches that make operations fail on demand.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::SystemTime;

use async_trait::async_trait;
use intowork_domain::files::{FileKey, FileStore, FileStoreError, StoredFile};
use tracing::instrument;

/// A [`FileStore`] backed by a `HashMap`. The failure switches take `&self`, so a test can flip
/// them through the same `Arc` the services hold.
#[derive(Debug, Default)]
pub struct InMemoryFileStore {
    files: Mutex<HashMap<String, Stored>>,
    fail_puts: AtomicBool,
    fail_gets: AtomicBool,
    fail_deletes: AtomicBool,
    fail_checks: AtomicBool,
}

impl InMemoryFileStore {
    pub fn new() -> InMemoryFileStore {
        InMemoryFileStore::default()
    }

    /// While on, `put` fails with `Backend` and stores nothing.
    pub fn fail_puts(&self, fail: bool) {
        self.fail_puts.store(fail, Ordering::SeqCst);
    }

    /// While on, `get` fails with `Backend` (even for missing keys).
    pub fn fail_gets(&self, fail: bool) {
        self.fail_gets.store(fail, Ordering::SeqCst);
    }

    /// While on, `delete` fails with `Backend` and removes nothing.
    pub fn fail_deletes(&self, fail: bool) {
        self.fail_deletes.store(fail, Ordering::SeqCst);
    }

    /// While on, `check` (readiness) fails with `Backend`.
    pub fn fail_checks(&self, fail: bool) {
        self.fail_checks.store(fail, Ordering::SeqCst);
    }

    pub fn contains(&self, key: &FileKey) -> bool {
        self.files().contains_key(key.as_str())
    }

    /// The stored keys, sorted, for assertions such as "the upload left nothing behind".
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.files().keys().cloned().collect();
        keys.sort_unstable();
        keys
    }

    pub fn len(&self) -> usize {
        self.files().len()
    }

    pub fn is_empty(&self) -> bool {
        self.files().is_empty()
    }

    /// Back-dates (or forward-dates) a stored object, for tests of age-based clean-up. `false`
    /// when nothing is stored under `key`.
    pub fn set_modified(&self, key: &FileKey, modified: SystemTime) -> bool {
        match self.files().get_mut(key.as_str()) {
            Some(stored) => {
                stored.modified = modified;
                true
            }
            None => false,
        }
    }

    /// A panicking test thread must not turn every later call into a second panic: the map is
    /// always left consistent (each operation is a single insert/remove), so poisoning is ignored.
    fn files(&self) -> MutexGuard<'_, HashMap<String, Stored>> {
        self.files.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[derive(Debug)]
struct Stored {
    bytes: Vec<u8>,
    modified: SystemTime,
}

fn injected(flag: &AtomicBool, op: &str) -> Result<(), FileStoreError> {
    if flag.load(Ordering::SeqCst) {
        Err(FileStoreError::Backend(format!("injected {op} failure")))
    } else {
        Ok(())
    }
}

#[async_trait]
impl FileStore for InMemoryFileStore {
    #[instrument(skip_all, fields(key = key.as_str(), size = bytes.len()))]
    async fn put(&self, key: &FileKey, bytes: Vec<u8>) -> Result<(), FileStoreError> {
        injected(&self.fail_puts, "put")?;
        let stored = Stored {
            bytes,
            modified: SystemTime::now(),
        };
        self.files().insert(key.as_str().to_owned(), stored);
        Ok(())
    }

    #[instrument(skip_all, fields(key = key.as_str()))]
    async fn get(&self, key: &FileKey) -> Result<Vec<u8>, FileStoreError> {
        injected(&self.fail_gets, "get")?;
        self.files()
            .get(key.as_str())
            .map(|stored| stored.bytes.clone())
            .ok_or(FileStoreError::NotFound)
    }

    #[instrument(skip_all, fields(key = key.as_str()))]
    async fn delete(&self, key: &FileKey) -> Result<(), FileStoreError> {
        injected(&self.fail_deletes, "delete")?;
        self.files().remove(key.as_str());
        Ok(())
    }

    async fn check(&self) -> Result<(), FileStoreError> {
        injected(&self.fail_checks, "check")
    }

    /// Not affected by the failure switches (none of them is about listing).
    async fn list(&self, prefix: &FileKey) -> Result<Vec<StoredFile>, FileStoreError> {
        let under = format!("{}/", prefix.as_str());
        Ok(self
            .files()
            .iter()
            .filter(|(key, _)| key.starts_with(&under))
            .filter_map(|(key, stored)| {
                let key = FileKey::parse(key).ok()?;
                Some(StoredFile {
                    key,
                    modified: stored.modified,
                })
            })
            .collect())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn key(raw: &str) -> FileKey {
        FileKey::parse(raw).unwrap()
    }

    fn is_backend<T: std::fmt::Debug>(result: Result<T, FileStoreError>) -> bool {
        matches!(result, Err(FileStoreError::Backend(_)))
    }

    #[tokio::test]
    async fn failing_puts_store_nothing_and_keep_the_old_value() {
        let store = InMemoryFileStore::new();
        store.put(&key("cv/a.pdf"), b"old".to_vec()).await.unwrap();
        store.fail_puts(true);
        assert!(is_backend(
            store.put(&key("cv/a.pdf"), b"new".to_vec()).await
        ));
        assert!(is_backend(
            store.put(&key("cv/b.pdf"), b"new".to_vec()).await
        ));
        assert_eq!(store.keys(), ["cv/a.pdf"]);
        store.fail_puts(false);
        assert_eq!(store.get(&key("cv/a.pdf")).await.unwrap(), b"old");
        store.put(&key("cv/b.pdf"), b"new".to_vec()).await.unwrap();
        assert_eq!(store.len(), 2);
    }

    #[tokio::test]
    async fn failing_deletes_keep_the_file() {
        let store = InMemoryFileStore::new();
        store.put(&key("cv/a.pdf"), b"x".to_vec()).await.unwrap();
        store.fail_deletes(true);
        assert!(is_backend(store.delete(&key("cv/a.pdf")).await));
        assert!(store.contains(&key("cv/a.pdf")));
        store.fail_deletes(false);
        store.delete(&key("cv/a.pdf")).await.unwrap();
        assert!(store.is_empty());
    }

    #[tokio::test]
    async fn failing_gets_and_checks() {
        let store = InMemoryFileStore::new();
        store.put(&key("cv/a.pdf"), b"x".to_vec()).await.unwrap();
        store.fail_gets(true);
        store.fail_checks(true);
        assert!(is_backend(store.get(&key("cv/a.pdf")).await));
        assert!(is_backend(store.get(&key("cv/missing.pdf")).await));
        assert!(is_backend(store.check().await));
        store.fail_gets(false);
        store.fail_checks(false);
        assert_eq!(store.get(&key("cv/a.pdf")).await.unwrap(), b"x");
        store.check().await.unwrap();
    }
}
