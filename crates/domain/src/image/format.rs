//! What an uploaded image is, decided from its bytes: the client's file name and declared type
//! are never trusted (HEAD.md 10.4).

use thiserror::Error;

/// The largest image accepted: 5 MiB, as both frontends announce.
pub const IMAGE_MAX_BYTES: usize = 5 * 1024 * 1024;

/// The raster formats served back. SVG is not one of them: it can carry scripts, and an image
/// route serves whatever the employer uploaded to every visitor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Webp,
}

impl ImageFormat {
    pub const ALL: [ImageFormat; 3] = [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Webp];

    /// The format whose signature opens `bytes`, if any.
    pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
        const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
        if bytes.starts_with(PNG) {
            Some(ImageFormat::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageFormat::Jpeg)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(ImageFormat::Webp)
        } else {
            None
        }
    }

    /// The `Content-Type` the image is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Webp => "image/webp",
        }
    }

    /// The extension of its storage key, which is how the format is known again when served.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Webp => "webp",
        }
    }

    pub fn from_extension(ext: &str) -> Option<ImageFormat> {
        Self::ALL.into_iter().find(|f| f.extension() == ext)
    }
}

/// Why an upload is not stored.
#[derive(Clone, Copy, Debug, Error, PartialEq, Eq)]
pub enum ImageRejected {
    #[error("image larger than {max_mib} MiB")]
    TooLarge { max_mib: usize },
    /// Told apart from other refusals so that the answer can say why SVG is refused.
    #[error("SVG images are not accepted")]
    Svg,
    #[error("not a PNG, JPEG or WebP image")]
    NotAnImage,
}

/// The size, then the content: a PNG, JPEG or WebP signature. Anything else is refused, SVG
/// included (recognised only to say so).
pub fn check_image(bytes: &[u8]) -> Result<ImageFormat, ImageRejected> {
    if bytes.len() > IMAGE_MAX_BYTES {
        return Err(ImageRejected::TooLarge {
            max_mib: IMAGE_MAX_BYTES / (1024 * 1024),
        });
    }
    match ImageFormat::sniff(bytes) {
        Some(format) => Ok(format),
        None if looks_like_svg(bytes) => Err(ImageRejected::Svg),
        None => Err(ImageRejected::NotAnImage),
    }
}

/// An `<svg` tag near the start (after an XML prolog, comments or a doctype).
fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.windows(4).any(|w| w.eq_ignore_ascii_case(b"<svg"))
}
