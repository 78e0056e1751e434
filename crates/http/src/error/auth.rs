//! Status, code and `detail` of the account use cases' errors: sign-up, sign-in, the bearer token,
//! password and e-mail changes, account deletion (CONTRACT 1.2, 3.2, 8.4).

use actix_web::http::StatusCode;
use intowork_domain::auth::{
    AuthenticateError, ChangeEmailError, ChangePasswordError, DeleteAccountError, SigninError,
    SignupError,
};
use intowork_domain::user::PasswordPolicyError;

use super::api_error::ApiError;

pub(super) fn policy_error(e: PasswordPolicyError, prefix: &str) -> ApiError {
    let (code, detail) = match e {
        PasswordPolicyError::TooShort => (
            "password_too_short",
            format!("{prefix} must be at least 8 characters long"),
        ),
        PasswordPolicyError::TooLong => (
            "password_too_long",
            format!("{prefix} must be at most 256 bytes long"),
        ),
    };
    ApiError::bad_request(code, detail)
}

impl From<SignupError> for ApiError {
    fn from(e: SignupError) -> Self {
        match e {
            SignupError::WeakPassword(p) => policy_error(p, "Password"),
            SignupError::EmailTaken => {
                ApiError::bad_request("email_already_registered", "Email already registered")
            }
            SignupError::Hash(e) => e.into(),
            SignupError::Token(e) => e.into(),
            SignupError::Repo(e) => e.into(),
        }
    }
}

impl From<SigninError> for ApiError {
    fn from(e: SigninError) -> Self {
        match e {
            SigninError::InvalidCredentials => {
                ApiError::unauthorized("invalid_credentials", "Invalid email or password")
            }
            SigninError::Inactive => ApiError::new(
                StatusCode::FORBIDDEN,
                "account_inactive",
                "Account is inactive",
            ),
            SigninError::Hash(e) => e.into(),
            SigninError::Token(e) => e.into(),
            SigninError::Repo(e) => e.into(),
        }
    }
}

impl From<AuthenticateError> for ApiError {
    fn from(e: AuthenticateError) -> Self {
        match e {
            AuthenticateError::Expired => ApiError::unauthorized("token_expired", "Token expired"),
            AuthenticateError::Invalid => ApiError::unauthorized("invalid_token", "Invalid token"),
            AuthenticateError::Revoked => ApiError::unauthorized("token_revoked", "Token revoked"),
            AuthenticateError::Inactive => ApiError::new(
                StatusCode::FORBIDDEN,
                "user_inactive",
                "User account is inactive",
            ),
            AuthenticateError::Repo(e) => e.into(),
        }
    }
}

impl From<ChangePasswordError> for ApiError {
    fn from(e: ChangePasswordError) -> Self {
        match e {
            ChangePasswordError::IncorrectPassword => {
                ApiError::bad_request("incorrect_password", "Current password is incorrect")
            }
            ChangePasswordError::WeakPassword(p) => policy_error(p, "New password"),
            ChangePasswordError::UserGone => {
                ApiError::unauthorized("invalid_token", "Invalid token")
            }
            ChangePasswordError::Hash(e) => e.into(),
            ChangePasswordError::Token(e) => e.into(),
            ChangePasswordError::Repo(e) => e.into(),
        }
    }
}

impl From<ChangeEmailError> for ApiError {
    fn from(e: ChangeEmailError) -> Self {
        match e {
            ChangeEmailError::IncorrectPassword => {
                ApiError::bad_request("incorrect_password", "Password is incorrect")
            }
            ChangeEmailError::EmailTaken => {
                ApiError::bad_request("email_in_use", "Email already in use")
            }
            ChangeEmailError::UserGone => ApiError::unauthorized("invalid_token", "Invalid token"),
            ChangeEmailError::Hash(e) => e.into(),
            ChangeEmailError::Token(e) => e.into(),
            ChangeEmailError::Repo(e) => e.into(),
        }
    }
}

impl From<DeleteAccountError> for ApiError {
    fn from(e: DeleteAccountError) -> Self {
        match e {
            DeleteAccountError::UserGone => {
                ApiError::unauthorized("invalid_token", "Invalid token")
            }
            DeleteAccountError::Repo(e) => e.into(),
        }
    }
}
