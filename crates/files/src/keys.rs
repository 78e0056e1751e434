//! Server-generated storage keys: random, so they reveal nothing and cannot be guessed.

use intowork_domain::cv::KeyGenerator;
use intowork_domain::files::FileKey;
use intowork_domain::image::{IMAGES_PREFIX, ImageFormat, ImageKeys, ImageKind};

#[derive(Clone, Copy, Debug, Default)]
pub struct UuidKeyGenerator;

impl KeyGenerator for UuidKeyGenerator {
    fn cv_key(&self) -> FileKey {
        FileKey::parse(&format!("cv/{}.pdf", uuid::Uuid::new_v4().simple()))
            .expect("a uuid key is always valid")
    }
}

impl ImageKeys for UuidKeyGenerator {
    fn new_key(&self, kind: ImageKind, format: ImageFormat) -> FileKey {
        let (segment, ext) = (kind.segment(), format.extension());
        let id = uuid::Uuid::new_v4().simple();
        FileKey::parse(&format!("{IMAGES_PREFIX}/{segment}/{id}.{ext}"))
            .expect("a uuid key is always valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_valid_and_distinct() {
        let a = UuidKeyGenerator.cv_key();
        let b = UuidKeyGenerator.cv_key();
        assert_ne!(a, b);
        assert!(a.as_str().starts_with("cv/") && a.as_str().ends_with(".pdf"));
    }

    #[test]
    fn image_keys_are_public_image_paths() {
        let a = UuidKeyGenerator.new_key(ImageKind::CompanyLogo, ImageFormat::Webp);
        let b = UuidKeyGenerator.new_key(ImageKind::CompanyLogo, ImageFormat::Webp);
        assert_ne!(a, b);
        assert!(a.as_str().starts_with("images/logos/") && a.as_str().ends_with(".webp"));
        let path = intowork_domain::image::public_path(a.as_str()).unwrap();
        assert!(path.starts_with("logos/"), "{path}");
        let job = UuidKeyGenerator.new_key(ImageKind::JobImage, ImageFormat::Jpeg);
        assert!(job.as_str().starts_with("images/jobs/") && job.as_str().ends_with(".jpg"));
    }
}
