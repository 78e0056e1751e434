//! Files on the local disk: key `cv/ab12.pdf` lives at `<root>/cv/ab12.pdf`.

use std::fs;
use std::io::{self, ErrorKind, Write};
use std::path::{Component, Path, PathBuf};

use async_trait::async_trait;
use intowork_domain::files::{FileKey, FileStore, FileStoreError, StoredFile};
use tracing::instrument;
use uuid::Uuid;

/// A [`FileStore`] over a directory. Every filesystem call runs on tokio's blocking pool.
#[derive(Debug, Clone)]
pub struct LocalFileStore {
    root: PathBuf,
}

impl LocalFileStore {
    /// Nothing is touched until the first call; [`FileStore::check`] creates `root` if missing.
    pub fn new(root: PathBuf) -> LocalFileStore {
        LocalFileStore { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where `key` lives. `FileKey` already rules out absolute paths and `..`; we check again
    /// because a mistake here would expose the whole disk, and the check is cheap.
    fn path_for(&self, key: &FileKey) -> Result<PathBuf, FileStoreError> {
        let relative = Path::new(key.as_str());
        let only_plain_segments = relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        let path = self.root.join(relative);
        if only_plain_segments && path.starts_with(&self.root) && path != self.root {
            Ok(path)
        } else {
            tracing::error!(
                key = key.as_str(),
                "storage key would escape the storage root"
            );
            Err(FileStoreError::Backend(
                "storage key escapes the storage root".to_owned(),
            ))
        }
    }
}

#[async_trait]
impl FileStore for LocalFileStore {
    #[instrument(skip_all, fields(key = key.as_str(), size = bytes.len()))]
    async fn put(&self, key: &FileKey, bytes: Vec<u8>) -> Result<(), FileStoreError> {
        let path = self.path_for(key)?;
        blocking(move || write_atomically(&path, &bytes)).await
    }

    #[instrument(skip_all, fields(key = key.as_str()))]
    async fn get(&self, key: &FileKey) -> Result<Vec<u8>, FileStoreError> {
        let path = self.path_for(key)?;
        blocking(move || match fs::read(&path) {
            Ok(bytes) => Ok(bytes),
            // "Nothing stored under this key" also covers a key whose parent is a file, or that
            // names a directory (a prefix of other keys): no object exists there either.
            Err(e) if is_absent(&e) || e.kind() == ErrorKind::IsADirectory => {
                Err(FileStoreError::NotFound)
            }
            Err(e) => Err(backend("read", &path, &e)),
        })
        .await
    }

    #[instrument(skip_all, fields(key = key.as_str()))]
    async fn delete(&self, key: &FileKey) -> Result<(), FileStoreError> {
        let path = self.path_for(key)?;
        blocking(move || match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            // Deleting what is not there is fine (the port's contract), so clean-up can be retried.
            // A directory is a key prefix, not an object: there is nothing to delete either.
            Err(e) if is_absent(&e) || e.kind() == ErrorKind::IsADirectory => Ok(()),
            Err(e) => Err(backend("delete", &path, &e)),
        })
        .await
    }

    #[instrument(skip_all)]
    async fn check(&self) -> Result<(), FileStoreError> {
        let root = self.root.clone();
        blocking(move || {
            fs::create_dir_all(&root).map_err(|e| backend("create", &root, &e))?;
            // A real write, not a metadata look-up: a read-only mount or a full disk must fail.
            let probe = root.join(format!(".probe-{}", Uuid::new_v4().simple()));
            let written = fs::write(&probe, b"probe").map_err(|e| backend("write", &probe, &e));
            let removed = fs::remove_file(&probe).map_err(|e| backend("remove", &probe, &e));
            written.and(removed)
        })
        .await
    }

    #[instrument(skip_all, fields(prefix = prefix.as_str()))]
    async fn list(&self, prefix: &FileKey) -> Result<Vec<StoredFile>, FileStoreError> {
        let dir = self.path_for(prefix)?;
        let root = self.root.clone();
        blocking(move || {
            let mut found = Vec::new();
            list_into(&root, &dir, &mut found)?;
            Ok(found)
        })
        .await
    }
}

/// Adds every regular file under `dir` (recursively) to `found`. Symbolic links are not followed:
/// nothing this store writes is one, and following them could reach outside the root.
fn list_into(root: &Path, dir: &Path, found: &mut Vec<StoredFile>) -> Result<(), FileStoreError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        // No directory (or a file where the prefix would be): no object under this prefix.
        Err(e) if is_absent(&e) => return Ok(()),
        Err(e) => return Err(backend("list", dir, &e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| backend("list", dir, &e))?;
        let path = entry.path();
        let meta = entry.metadata().map_err(|e| backend("stat", &path, &e))?;
        if meta.is_dir() {
            list_into(root, &path, found)?;
            continue;
        }
        if !meta.is_file() || is_temp_file(&entry.file_name().to_string_lossy()) {
            continue;
        }
        let Some(key) = key_of(root, &path) else {
            continue;
        };
        let modified = meta.modified().map_err(|e| backend("stat", &path, &e))?;
        found.push(StoredFile { key, modified });
    }
    Ok(())
}

/// The key naming `path` under `root`, if it is a valid one (a stray file with spaces or capitals
/// in its name was not written by us and is left out).
fn key_of(root: &Path, path: &Path) -> Option<FileKey> {
    let relative = path.strip_prefix(root).ok()?;
    let segments: Option<Vec<&str>> = relative
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    FileKey::parse(&segments?.join("/")).ok()
}

/// `write_atomically`'s temporary files (`.{name}.{uuid}.tmp`): a write in progress, not an object.
fn is_temp_file(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

/// Writes to a temp file beside the target, then renames it over the target. A rename within one
/// directory is atomic, so readers see the old file or the new one, never half of one, and a
/// failed write leaves nothing under the key.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FileStoreError> {
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(FileStoreError::Backend(
            "storage path has no file name".to_owned(),
        ));
    };
    fs::create_dir_all(parent).map_err(|e| backend("create", parent, &e))?;
    // Dot-prefixed and unique per call: concurrent writers of one key never share a temp file.
    let tmp = parent.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        Uuid::new_v4().simple()
    ));
    let result = write_and_rename(&tmp, path, bytes);
    if result.is_err() {
        // Best effort: the temp file may not even exist if creating it was what failed.
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(|e| backend("write", path, &e))
}

fn write_and_rename(tmp: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)?;
    file.write_all(bytes)?;
    // The data must be on disk before the name points at it, or a crash could leave an empty
    // file under the key.
    file.sync_all()?;
    drop(file);
    fs::rename(tmp, path)
}

fn is_absent(e: &io::Error) -> bool {
    matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory)
}

/// The message goes to logs only (the HTTP layer shows clients nothing of a 5xx).
fn backend(op: &str, path: &Path, e: &io::Error) -> FileStoreError {
    FileStoreError::Backend(format!("{op} {}: {e}", path.display()))
}

/// Runs blocking filesystem work off the async workers; a panic becomes a backend error.
async fn blocking<T, F>(work: F) -> Result<T, FileStoreError>
where
    F: FnOnce() -> Result<T, FileStoreError> + Send + 'static,
    T: Send + 'static,
{
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || span.in_scope(work))
        .await
        .map_err(|e| FileStoreError::Backend(format!("file storage task failed: {e}")))?
}

// Tests may unwrap: a panic is the failure report.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
