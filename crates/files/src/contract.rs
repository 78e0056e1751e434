//! One behavioural test body for every `FileStore` adapter: the port's documented contract.

use std::time::{Duration, SystemTime};

use intowork_domain::files::{FileKey, FileStore, FileStoreError};

use crate::{InMemoryFileStore, LocalFileStore};

fn key(raw: &str) -> FileKey {
    FileKey::parse(raw).unwrap()
}

async fn assert_not_found(store: &dyn FileStore, k: &FileKey) {
    match store.get(k).await {
        Err(FileStoreError::NotFound) => {}
        other => panic!("{}: expected NotFound, got {other:?}", k.as_str()),
    }
}

pub(crate) async fn file_store_contract(store: &dyn FileStore) {
    let started = SystemTime::now();
    store.check().await.unwrap();

    let a = key("cv/0a1b-one.pdf");
    let b = key("cv/0a1b-two.pdf");

    // Missing keys.
    assert_not_found(store, &a).await;
    assert_not_found(store, &key("never/written/at/all.bin")).await;

    // Put and get, byte for byte (every byte value, so nothing is treated as text).
    let all_bytes: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
    store.put(&a, all_bytes.clone()).await.unwrap();
    assert_eq!(store.get(&a).await.unwrap(), all_bytes);

    // Overwrite replaces the whole object, including with something shorter.
    store.put(&a, b"v2".to_vec()).await.unwrap();
    assert_eq!(store.get(&a).await.unwrap(), b"v2");

    // Keys are independent.
    store.put(&b, b"other".to_vec()).await.unwrap();
    assert_eq!(store.get(&a).await.unwrap(), b"v2");
    assert_eq!(store.get(&b).await.unwrap(), b"other");

    // Empty objects are objects.
    let empty = key("cv/empty.txt");
    store.put(&empty, Vec::new()).await.unwrap();
    assert_eq!(store.get(&empty).await.unwrap(), Vec::<u8>::new());

    // Nested keys.
    let deep = key("a/b/c/d-e_f.bin");
    store.put(&deep, b"deep".to_vec()).await.unwrap();
    assert_eq!(store.get(&deep).await.unwrap(), b"deep");

    // Delete, then it is gone; deleting again or deleting what never existed is fine.
    store.delete(&a).await.unwrap();
    assert_not_found(store, &a).await;
    store.delete(&a).await.unwrap();
    store
        .delete(&key("never/written/at/all.bin"))
        .await
        .unwrap();
    assert_eq!(store.get(&b).await.unwrap(), b"other");

    // A deleted key can be written again.
    store.put(&a, b"v3".to_vec()).await.unwrap();
    assert_eq!(store.get(&a).await.unwrap(), b"v3");

    list_contract(store, started).await;
    store.check().await.unwrap();
}

/// What is stored now: `cv/0a1b-one.pdf`, `cv/0a1b-two.pdf`, `cv/empty.txt`, `a/b/c/d-e_f.bin`.
async fn list_contract(store: &dyn FileStore, started: SystemTime) {
    // A sibling whose name merely starts with the prefix is not under it.
    store.put(&key("cvx/c.pdf"), b"x".to_vec()).await.unwrap();
    let listed = |prefix: &'static str| async move {
        let mut files = store.list(&key(prefix)).await.unwrap();
        files.sort_by(|x, y| x.key.as_str().cmp(y.key.as_str()));
        files
    };
    let cv = listed("cv").await;
    let names: Vec<&str> = cv.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(
        names,
        ["cv/0a1b-one.pdf", "cv/0a1b-two.pdf", "cv/empty.txt"]
    );
    // Clocks of a remote service may drift a little from ours.
    let slack = Duration::from_secs(300);
    for file in &cv {
        assert!(
            file.modified + slack >= started && file.modified <= SystemTime::now() + slack,
            "{}: implausible modification time {:?}",
            file.key.as_str(),
            file.modified
        );
    }
    for prefix in ["a", "a/b", "a/b/c"] {
        let deep: Vec<String> = listed(prefix)
            .await
            .iter()
            .map(|f| f.key.as_str().to_owned())
            .collect();
        assert_eq!(deep, ["a/b/c/d-e_f.bin"], "under {prefix}");
    }
    assert!(listed("nothing-here").await.is_empty());
    // An object's own key is no prefix of anything.
    assert!(listed("cv/0a1b-one.pdf").await.is_empty());
    store.delete(&key("cvx/c.pdf")).await.unwrap();
}

#[tokio::test]
async fn in_memory_store_honours_the_contract() {
    file_store_contract(&InMemoryFileStore::new()).await;
}

#[tokio::test]
async fn local_store_honours_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    file_store_contract(&LocalFileStore::new(dir.path().join("uploads"))).await;
}

/// Against a real S3-compatible server (moto, started by `scripts/test`), in a fresh bucket.
#[tokio::test]
async fn s3_store_honours_the_contract() {
    file_store_contract(&crate::s3::tests::fresh_store().await).await;
}
