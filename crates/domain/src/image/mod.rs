//! Public images (HEAD.md 10.4): job pictures and company logos. Uploads are recognised by their
//! bytes (PNG, JPEG, WebP; never SVG), stored through the [`FileStore`](crate::files::FileStore)
//! port under a new random key each time, and served publicly by key. The job and company use
//! cases point their rows at the new key and remove the object they pointed at before.

mod format;
mod kind;
mod store;

pub use format::{IMAGE_MAX_BYTES, ImageFormat, ImageRejected, check_image};
#[cfg(any(test, feature = "mocks"))]
pub use kind::MockImageKeys;
pub use kind::{IMAGES_PREFIX, ImageKey, ImageKeys, ImageKind, public_path};
pub use store::{ImageStore, PublicImage, ReadImageError, StoreImageError, StoredImage};

/// What pointing a row at a new image replaced: the key it pointed at before, whose object the
/// caller removes once the change is committed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReplacedImage {
    pub previous_key: Option<String>,
}

#[cfg(test)]
mod tests;
