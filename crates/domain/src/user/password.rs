//! The password policy.

use thiserror::Error;

/// Why a new password is refused. The texts are part of the API contract.
#[derive(Debug, Error, PartialEq, Eq, Clone, Copy)]
pub enum PasswordPolicyError {
    #[error("password too short")]
    TooShort,
    #[error("password too long")]
    TooLong,
}

/// Accepted password lengths (CONTRACT 8.4): at least 8 characters, at most 256 bytes. The upper
/// bound keeps hashing cost bounded; argon2 itself has no 72-byte truncation.
pub const PASSWORD_MIN_CHARS: usize = 8;
pub const PASSWORD_MAX_BYTES: usize = 256;

pub fn check_password_policy(password: &str) -> Result<(), PasswordPolicyError> {
    if password.len() > PASSWORD_MAX_BYTES {
        Err(PasswordPolicyError::TooLong)
    } else if password.chars().count() < PASSWORD_MIN_CHARS {
        Err(PasswordPolicyError::TooShort)
    } else {
        Ok(())
    }
}
