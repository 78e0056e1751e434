//! The CV builder's public slugs (HEAD.md 10.18): 128 random bits from the operating system's
//! CSPRNG (through `rand`'s thread generator), as lowercase hex, so they are URL-safe and cannot
//! be guessed.

use intowork_domain::cv_builder::CvBuilderNames;
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_128_bit_lowercase_hex() {
        let (a, b) = (RandomCvNames.slug(), RandomCvNames.slug());
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
    }
}
