//! Auth adapters for the domain's [`TokenIssuer`](intowork_domain::ports::TokenIssuer) and
//! [`PasswordHasher`](intowork_domain::ports::PasswordHasher) ports.
//!
//! * [`JwtTokenIssuer`]: HS256 access tokens in the frontend-compatible format of CONTRACT 1.2, plus
//!   the `ver` claim of decision 9.6.
//! * [`Argon2Hasher`]: argon2id (OWASP parameters) for new hashes; legacy bcrypt hashes imported
//!   from the reference database still verify and are flagged for re-hashing (decision 8.4).
//! * [`RandomResetTokens`]: password reset tokens and their stored digest (decision 8.10).
//! * [`RandomCvNames`]: the CV builder's public slugs and photo names (HEAD.md 10.18).

mod cv_names;
mod jwt;
mod links;
mod password;
mod reset_tokens;

pub use cv_names::RandomCvNames;
pub use jwt::{DEFAULT_TOKEN_TTL, JwtTokenIssuer};
pub use links::HmacLinkSigner;
pub use password::{Argon2Hasher, hashing_threads_for};
pub use reset_tokens::RandomResetTokens;

/// Minimum secret length accepted in production (decision 8.12): 32 bytes, the HS256 output size.
pub const MIN_SECRET_BYTES: usize = 32;

/// Whether `secret` is long enough to sign production tokens (decision 8.12).
pub fn secret_is_strong(secret: &[u8]) -> bool {
    secret.len() >= MIN_SECRET_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_strength_is_a_length_check() {
        assert!(!secret_is_strong(b""));
        assert!(!secret_is_strong(&[b'x'; 31]));
        assert!(secret_is_strong(&[b'x'; 32]));
        assert!(secret_is_strong(&[b'x'; 64]));
    }
}
