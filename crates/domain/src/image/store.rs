//! [`ImageStore`]: writes checked uploads under new keys, reads public images back, and removes
//! the objects rows no longer point to. The job and company use cases decide which row points
//! where; this only handles the objects.

use std::sync::Arc;

use thiserror::Error;
use tracing::warn;

use super::format::{ImageRejected, check_image};
use super::kind::{ImageKey, ImageKeys, ImageKind};
use crate::files::{FileKey, FileStore, FileStoreError};

/// Why an upload was not stored.
#[derive(Debug, Error)]
pub enum StoreImageError {
    #[error(transparent)]
    Rejected(#[from] ImageRejected),
    #[error(transparent)]
    Storage(FileStoreError),
}

/// Why a public image cannot be served.
#[derive(Debug, Error)]
pub enum ReadImageError {
    /// Not an image path, or nothing stored there.
    #[error("image not found")]
    NotFound,
    #[error(transparent)]
    Storage(FileStoreError),
}

/// A public image as served: its bytes and their media type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicImage {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
}

/// A stored upload: its new key and its size in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredImage {
    pub key: FileKey,
    pub size: usize,
}

/// The image objects of the file storage (disk, S3 or memory, through the [`FileStore`] port).
#[derive(Clone)]
pub struct ImageStore {
    files: Arc<dyn FileStore>,
    keys: Arc<dyn ImageKeys>,
}

impl ImageStore {
    pub fn new(files: Arc<dyn FileStore>, keys: Arc<dyn ImageKeys>) -> Self {
        Self { files, keys }
    }

    /// Checks `bytes` (size, then a PNG, JPEG or WebP signature) and writes them under a new key
    /// of `kind`. Nothing is written when they are refused.
    pub async fn put(
        &self,
        kind: ImageKind,
        bytes: Vec<u8>,
    ) -> Result<StoredImage, StoreImageError> {
        let format = check_image(&bytes)?;
        let key = self.keys.new_key(kind, format);
        let size = bytes.len();
        self.files
            .put(&key, bytes)
            .await
            .map_err(StoreImageError::Storage)?;
        Ok(StoredImage { key, size })
    }

    /// Removes an object no row points to (any more). A failure is logged, never reported: the
    /// row change it follows is already committed.
    pub async fn discard(&self, key: &str) {
        let Some(image) = ImageKey::from_stored(key) else {
            warn!(key, "not an image key; not removed");
            return;
        };
        if let Err(e) = self.files.delete(image.file_key()).await {
            warn!(key, error = %e, "image removal failed; the object stays behind");
        }
    }

    /// The image at a public path (`{jobs|logos}/{name}`). Anything that is not an image key is
    /// not found, whatever is stored there.
    pub async fn read(&self, segment: &str, name: &str) -> Result<PublicImage, ReadImageError> {
        let key = ImageKey::from_public_path(segment, name).ok_or(ReadImageError::NotFound)?;
        match self.files.get(key.file_key()).await {
            Ok(bytes) => Ok(PublicImage {
                bytes,
                content_type: key.format().content_type(),
            }),
            Err(FileStoreError::NotFound) => Err(ReadImageError::NotFound),
            Err(e) => Err(ReadImageError::Storage(e)),
        }
    }
}
