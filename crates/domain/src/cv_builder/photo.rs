//! The CV's photo: what a save may carry. HEAD's form reads the chosen file as a data URL (at
//! most 5 MB) and puts it in the document; we store the image as a public image of its own kind
//! (`images/cv-photos/…`, checked and served as job pictures and logos are) and hand back its
//! link, which the next autosave sends back unchanged.

use crate::files::FileKey;
use crate::image::{ImageKey, ImageKind};

/// What a save says about the photo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhotoInput {
    /// No photo (`null` or an empty string): a stored one is removed.
    None,
    /// A new image, decoded from the data URL; nothing in it is trusted yet.
    Upload(Vec<u8>),
    /// The link this server gave for the document's current photo, sent back as is.
    Keep(FileKey),
}

/// The key of a CV photo from the file name in its public link (`<random>.<ext>`); `None` for
/// anything that is not one.
pub fn kept_photo(file_name: &str) -> Option<FileKey> {
    ImageKey::from_public_path(ImageKind::CvPhoto.segment(), file_name)
        .map(|k| k.file_key().clone())
}
