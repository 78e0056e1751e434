//! Server-generated storage keys: random, so they reveal nothing and cannot be guessed.

use intowork_domain::cv::KeyGenerator;
use intowork_domain::files::FileKey;

#[derive(Clone, Copy, Debug, Default)]
pub struct UuidKeyGenerator;

impl KeyGenerator for UuidKeyGenerator {
    fn cv_key(&self) -> FileKey {
        FileKey::parse(&format!("cv/{}.pdf", uuid::Uuid::new_v4().simple()))
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
}
