use std::fs;
use std::path::Path;
use std::sync::Arc;

use intowork_domain::files::{FileKey, FileStore, FileStoreError};

use super::LocalFileStore;

fn key(raw: &str) -> FileKey {
    FileKey::parse(raw).unwrap()
}

/// Every file under `dir`, relative and sorted (directories are walked, not listed).
fn files_under(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                out.push(
                    path.strip_prefix(base)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[tokio::test]
async fn key_maps_to_a_path_under_the_root() {
    let dir = tempfile::tempdir().unwrap();
    let store = LocalFileStore::new(dir.path().to_path_buf());
    store.put(&key("a/b.pdf"), b"pdf".to_vec()).await.unwrap();
    assert_eq!(fs::read(dir.path().join("a/b.pdf")).unwrap(), b"pdf");
    // No temp file is left beside it.
    assert_eq!(files_under(dir.path()), ["a/b.pdf"]);
    assert_eq!(store.root(), dir.path());
}

#[tokio::test]
async fn failed_rename_leaves_no_file_and_no_temp_file() {
    // The key names an existing non-empty directory: the temp file is written, then the rename
    // onto the directory fails. Works as root too, unlike a read-only directory.
    let dir = tempfile::tempdir().unwrap();
    let store = LocalFileStore::new(dir.path().to_path_buf());
    store
        .put(&key("cv/x.pdf/inner"), b"in".to_vec())
        .await
        .unwrap();

    let result = store.put(&key("cv/x.pdf"), b"doomed".to_vec()).await;
    assert!(
        matches!(result, Err(FileStoreError::Backend(_))),
        "{result:?}"
    );
    assert_eq!(files_under(dir.path()), ["cv/x.pdf/inner"]);
    assert!(dir.path().join("cv/x.pdf").is_dir());
}

#[tokio::test]
async fn put_under_a_root_that_is_a_file_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("not-a-dir");
    fs::write(&root, b"plain file").unwrap();
    let store = LocalFileStore::new(root.clone());

    let result = store.put(&key("cv/a.pdf"), b"x".to_vec()).await;
    assert!(
        matches!(result, Err(FileStoreError::Backend(_))),
        "{result:?}"
    );
    assert_eq!(fs::read(&root).unwrap(), b"plain file");
    assert_eq!(files_under(dir.path()), ["not-a-dir"]);
    // Reading from it is "nothing stored", not a crash.
    assert!(matches!(
        store.get(&key("cv/a.pdf")).await,
        Err(FileStoreError::NotFound)
    ));
    store.delete(&key("cv/a.pdf")).await.unwrap();
}

#[tokio::test]
async fn a_key_prefix_is_not_an_object() {
    let dir = tempfile::tempdir().unwrap();
    let store = LocalFileStore::new(dir.path().to_path_buf());
    store.put(&key("cv/a/b.pdf"), b"x".to_vec()).await.unwrap();
    assert!(matches!(
        store.get(&key("cv/a")).await,
        Err(FileStoreError::NotFound)
    ));
    store.delete(&key("cv/a")).await.unwrap();
    assert_eq!(store.get(&key("cv/a/b.pdf")).await.unwrap(), b"x");
}

#[tokio::test]
async fn check_creates_a_missing_root_and_leaves_no_probe() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("deep/uploads");
    let store = LocalFileStore::new(root.clone());
    store.check().await.unwrap();
    assert!(root.is_dir());
    assert!(files_under(&root).is_empty());
}

#[tokio::test]
async fn check_fails_when_the_root_is_unusable() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("file");
    fs::write(&root, b"x").unwrap();
    let result = LocalFileStore::new(root).check().await;
    assert!(
        matches!(result, Err(FileStoreError::Backend(_))),
        "{result:?}"
    );
}

#[tokio::test]
async fn concurrent_writers_of_one_key_never_mix_or_leak_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(LocalFileStore::new(dir.path().to_path_buf()));
    let writers: Vec<_> = (0..8u8)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move { store.put(&key("cv/same.pdf"), vec![i; 64 * 1024]).await })
        })
        .collect();
    for writer in writers {
        writer.await.unwrap().unwrap();
    }
    let content = store.get(&key("cv/same.pdf")).await.unwrap();
    assert_eq!(content.len(), 64 * 1024);
    assert!(content.iter().all(|b| *b == content[0]), "a torn write");
    assert_eq!(files_under(dir.path()), ["cv/same.pdf"]);
}

#[test]
fn every_valid_key_stays_under_the_root() {
    let store = LocalFileStore::new("/srv/uploads".into());
    for raw in [
        "a",
        "cv/x.pdf",
        "a/b/c/d",
        "..a/b..",
        ".hidden/x",
        "a.b/..c",
    ] {
        let path = store.path_for(&key(raw)).unwrap();
        assert!(
            path.starts_with("/srv/uploads/"),
            "{raw} -> {}",
            path.display()
        );
        assert!(
            path.components().all(|c| c.as_os_str() != ".."),
            "{raw} -> {}",
            path.display()
        );
    }
}

#[tokio::test]
async fn listing_leaves_out_temp_files_links_and_foreign_names() {
    let dir = tempfile::tempdir().unwrap();
    let store = LocalFileStore::new(dir.path().to_path_buf());
    store
        .put(&key("cv/kept.pdf"), b"pdf".to_vec())
        .await
        .unwrap();
    let cv = dir.path().join("cv");
    // A write in progress, a file we never wrote (capitals and a space), and a link to a file
    // outside the prefix: none of them is an object of this store.
    fs::write(cv.join(".kept.pdf.0123abcd.tmp"), b"partial").unwrap();
    fs::write(cv.join("Someone Else.pdf"), b"x").unwrap();
    fs::write(dir.path().join("outside.pdf"), b"secret").unwrap();
    std::os::unix::fs::symlink(dir.path().join("outside.pdf"), cv.join("link.pdf")).unwrap();

    let listed = store.list(&key("cv")).await.unwrap();
    let names: Vec<&str> = listed.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(names, ["cv/kept.pdf"]);
}
