//! Password reset tokens (CONTRACT 8.10): 32 random bytes from the operating system's CSPRNG
//! (through `rand`'s thread generator, reseeded from it), base64url without padding so they travel
//! in a link unchanged, and stored only as their SHA-256 digest.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use intowork_domain::recovery::ResetTokens;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Random bytes per token: 256 bits, so guessing is hopeless and a plain (unsalted, unkeyed) hash
/// is enough to make a leaked table useless.
const TOKEN_BYTES: usize = 32;

#[derive(Clone, Copy, Debug, Default)]
pub struct RandomResetTokens;

impl ResetTokens for RandomResetTokens {
    fn generate(&self) -> String {
        let mut bytes = [0_u8; TOKEN_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    fn hash(&self, token: &str) -> String {
        hex::encode(Sha256::digest(token.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_url_safe_unique_and_hashed_with_sha256() {
        let t = RandomResetTokens;
        let a = t.generate();
        assert_eq!(a.len(), 43);
        assert!(
            a.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_ne!(a, t.generate());
        assert_eq!(
            t.hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(t.hash(&a), t.hash(&a));
    }
}
