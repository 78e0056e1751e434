//! The CV's photo: what a save may carry, and the image checks. HEAD's form reads the chosen file
//! as a data URL (at most 5 MB) and puts it in the document; we store the image as a file and hand
//! back a link, which the next autosave sends back unchanged.

use crate::files::FileKey;

/// Largest photo accepted, in bytes: HEAD's form refuses files over 5 MB.
pub const MAX_PHOTO_BYTES: usize = 5 * 1024 * 1024;

/// Where photos are stored; keys are `cv-photos/<random>.<ext>`.
pub const PHOTO_PREFIX: &str = "cv-photos";

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

/// The raster formats a photo may have, recognised by their first bytes (the declared type of a
/// data URL is the client's word, not checked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoFormat {
    Png,
    Jpeg,
    Webp,
}

impl PhotoFormat {
    pub fn detect(bytes: &[u8]) -> Option<PhotoFormat> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(PhotoFormat::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(PhotoFormat::Jpeg)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(PhotoFormat::Webp)
        } else {
            None
        }
    }

    /// The stored file's extension, which is also how the format is known when it is served.
    pub fn extension(self) -> &'static str {
        match self {
            PhotoFormat::Png => "png",
            PhotoFormat::Jpeg => "jpg",
            PhotoFormat::Webp => "webp",
        }
    }

    pub fn from_extension(ext: &str) -> Option<PhotoFormat> {
        [PhotoFormat::Png, PhotoFormat::Jpeg, PhotoFormat::Webp]
            .into_iter()
            .find(|f| f.extension() == ext)
    }

    pub fn media_type(self) -> &'static str {
        match self {
            PhotoFormat::Png => "image/png",
            PhotoFormat::Jpeg => "image/jpeg",
            PhotoFormat::Webp => "image/webp",
        }
    }
}

/// The key of a stored photo from the file name in its link (`<random>.<ext>`); `None` for
/// anything that is not such a name.
pub fn photo_key(file_name: &str) -> Option<FileKey> {
    let (stem, ext) = file_name.rsplit_once('.')?;
    let plain = !stem.is_empty()
        && stem.len() <= 64
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    PhotoFormat::from_extension(ext)?;
    if !plain {
        return None;
    }
    FileKey::parse(&format!("{PHOTO_PREFIX}/{file_name}")).ok()
}

/// The file name of a stored photo's key, for its link (`None` for a key of another kind).
pub fn photo_file_name(key: &FileKey) -> Option<&str> {
    key.as_str()
        .strip_prefix(PHOTO_PREFIX)
        .and_then(|rest| rest.strip_prefix('/'))
}
