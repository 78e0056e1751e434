//! Where images live: their storage keys, `images/{jobs|logos|cv-photos}/{random}.{ext}`, and
//! the public path that names one. Only keys under these prefixes are ever served, so no public
//! route can reach a CV file.

use crate::files::FileKey;

use super::format::ImageFormat;

/// The first segment of every image key.
pub const IMAGES_PREFIX: &str = "images";

/// What an image illustrates; each kind has its own key prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageKind {
    /// A job's picture (`POST /api/jobs/{id}/image`).
    JobImage,
    /// A company's logo (`POST /api/companies/my-company/logo`).
    CompanyLogo,
    /// The photo of a candidate's CV builder document (`POST /api/cv-builder/save`).
    CvPhoto,
}

impl ImageKind {
    pub const ALL: [ImageKind; 3] = [
        ImageKind::JobImage,
        ImageKind::CompanyLogo,
        ImageKind::CvPhoto,
    ];

    /// The key segment after [`IMAGES_PREFIX`].
    pub fn segment(self) -> &'static str {
        match self {
            ImageKind::JobImage => "jobs",
            ImageKind::CompanyLogo => "logos",
            ImageKind::CvPhoto => "cv-photos",
        }
    }

    fn from_segment(segment: &str) -> Option<ImageKind> {
        Self::ALL.into_iter().find(|k| k.segment() == segment)
    }
}

/// A stored image's key, known to be one: an image prefix, one file name with an image extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageKey {
    key: FileKey,
    format: ImageFormat,
}

impl ImageKey {
    /// The key of `name` among the images of `segment` (the two segments of a public path), if
    /// that is an image key at all.
    pub fn from_public_path(segment: &str, name: &str) -> Option<ImageKey> {
        ImageKind::from_segment(segment)?;
        if name.contains('/') {
            return None;
        }
        let (stem, ext) = name.rsplit_once('.')?;
        let format = ImageFormat::from_extension(ext)?;
        if stem.is_empty() {
            return None;
        }
        let key = FileKey::parse(&format!("{IMAGES_PREFIX}/{segment}/{name}")).ok()?;
        Some(ImageKey { key, format })
    }

    /// A key as stored in a row (`images/jobs/….png`), if it is an image key.
    pub fn from_stored(raw: &str) -> Option<ImageKey> {
        let rest = raw.strip_prefix(IMAGES_PREFIX)?.strip_prefix('/')?;
        let (segment, name) = rest.split_once('/')?;
        Self::from_public_path(segment, name)
    }

    pub fn file_key(&self) -> &FileKey {
        &self.key
    }

    pub fn format(&self) -> ImageFormat {
        self.format
    }

    /// `{segment}/{name}`: what follows the image route in a public URL.
    pub fn public_path(&self) -> &str {
        &self.key.as_str()[IMAGES_PREFIX.len() + 1..]
    }
}

/// The public path of a stored key (see [`ImageKey::public_path`]); `None` for anything that is
/// not an image key, which is then never linked.
pub fn public_path(stored_key: &str) -> Option<String> {
    ImageKey::from_stored(stored_key).map(|k| k.public_path().to_owned())
}

/// New, random keys for uploaded images: a new key per upload, so a URL never changes content
/// and can be cached for ever.
#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
pub trait ImageKeys: Send + Sync {
    /// A key under `images/{kind's segment}/` ending in the format's extension; never derived
    /// from client input.
    fn new_key(&self, kind: ImageKind, format: ImageFormat) -> FileKey;
}
