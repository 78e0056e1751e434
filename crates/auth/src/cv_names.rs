//! The CV builder's random names (HEAD.md 10.18): the public slug and the photo's file name are
//! 128 random bits each from the operating system's CSPRNG (through `rand`'s thread generator),
//! as lowercase hex, so they are URL-safe, valid storage keys, and cannot be guessed.

use intowork_domain::cv_builder::{CvBuilderNames, PHOTO_PREFIX, PhotoFormat};
use intowork_domain::files::FileKey;
use rand::RngCore;

fn random_hex() -> String {
    let mut bytes = [0_u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

#[derive(Clone, Copy, Debug, Default)]
pub struct RandomCvNames;

impl CvBuilderNames for RandomCvNames {
    fn slug(&self) -> String {
        random_hex()
    }

    fn photo_key(&self, format: PhotoFormat) -> FileKey {
        let name = format!("{PHOTO_PREFIX}/{}.{}", random_hex(), format.extension());
        FileKey::parse(&name).expect("hex and a known extension make a valid key")
    }
}

#[cfg(test)]
mod tests {
    use intowork_domain::cv_builder::photo_key;

    use super::*;

    #[test]
    fn names_are_128_bit_hex_and_photo_keys_read_back_from_their_links() {
        let (a, b) = (RandomCvNames.slug(), RandomCvNames.slug());
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        let key = RandomCvNames.photo_key(PhotoFormat::Webp);
        let name = key.as_str().strip_prefix("cv-photos/").unwrap();
        assert!(name.ends_with(".webp"));
        assert_eq!(photo_key(name), Some(key));
    }
}
