//! The account use cases' errors, one per use case.

use thiserror::Error;

use crate::error::RepoError;
use crate::ports::{HashError, TokenError};
use crate::user::PasswordPolicyError;

#[derive(Debug, Error)]
pub enum SignupError {
    #[error("password rejected by policy")]
    WeakPassword(PasswordPolicyError),
    #[error("email already registered")]
    EmailTaken,
    #[error(transparent)]
    Hash(#[from] HashError),
    #[error(transparent)]
    Token(TokenError),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum SigninError {
    #[error("invalid email or password")]
    InvalidCredentials,
    #[error("account is inactive")]
    Inactive,
    #[error(transparent)]
    Hash(#[from] HashError),
    #[error(transparent)]
    Token(TokenError),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum AuthenticateError {
    #[error("token expired")]
    Expired,
    /// Bad token, or a valid token whose user no longer exists (no hint that the id existed).
    #[error("invalid token")]
    Invalid,
    #[error("user account is inactive")]
    Inactive,
    /// Issued before a password change, reset, deactivation or deletion.
    #[error("token revoked")]
    Revoked,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum ChangePasswordError {
    #[error("current password is incorrect")]
    IncorrectPassword,
    #[error("new password rejected by policy")]
    WeakPassword(PasswordPolicyError),
    #[error("user no longer exists")]
    UserGone,
    #[error(transparent)]
    Hash(#[from] HashError),
    #[error(transparent)]
    Token(TokenError),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum ChangeEmailError {
    #[error("password is incorrect")]
    IncorrectPassword,
    #[error("email already in use")]
    EmailTaken,
    #[error("user no longer exists")]
    UserGone,
    #[error(transparent)]
    Hash(#[from] HashError),
    #[error(transparent)]
    Token(TokenError),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum DeleteAccountError {
    #[error("user no longer exists")]
    UserGone,
    #[error(transparent)]
    Repo(#[from] RepoError),
}
