//! HMAC-SHA256 signatures for expiring links (CONTRACT 8.7). The key is derived from the server
//! secret with a fixed label, so a link signature can never double as a token signature.

use hmac::{Hmac, Mac};
use intowork_domain::cv::LinkSigner;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

const KEY_LABEL: &[u8] = b"intowork:link-signing-key:v1";

pub struct HmacLinkSigner {
    key: [u8; 32],
}

impl std::fmt::Debug for HmacLinkSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HmacLinkSigner(<redacted>)")
    }
}

impl HmacLinkSigner {
    pub fn new(secret: &[u8]) -> Self {
        let mut derive =
            <HmacSha256 as Mac>::new_from_slice(secret).expect("HMAC takes any key length");
        derive.update(KEY_LABEL);
        Self {
            key: derive.finalize().into_bytes().into(),
        }
    }

    fn mac(&self, message: &str) -> HmacSha256 {
        let mut mac =
            <HmacSha256 as Mac>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(message.as_bytes());
        mac
    }
}

impl LinkSigner for HmacLinkSigner {
    fn sign(&self, message: &str) -> String {
        hex::encode(self.mac(message).finalize().into_bytes())
    }

    fn verify(&self, message: &str, signature: &str) -> bool {
        match hex::decode(signature) {
            // `verify_slice` compares in constant time.
            Ok(bytes) => self.mac(message).verify_slice(&bytes).is_ok(),
            Err(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_verify_only_for_their_message_and_key() {
        let a = HmacLinkSigner::new(b"secret-a-0123456789-0123456789-xx");
        let b = HmacLinkSigner::new(b"secret-b-0123456789-0123456789-xx");
        let sig = a.sign("cv-link:v1:5:100");
        assert_eq!(sig.len(), 64);
        assert!(a.verify("cv-link:v1:5:100", &sig));
        assert!(!a.verify("cv-link:v1:5:101", &sig));
        assert!(!b.verify("cv-link:v1:5:100", &sig));
        assert!(!a.verify("cv-link:v1:5:100", &sig[..62]));
        assert!(!a.verify("cv-link:v1:5:100", "zz"));
        assert!(!a.verify("cv-link:v1:5:100", ""));
        assert!(!format!("{a:?}").contains("secret"));
    }
}
