//! Exhaustive mappings of the admin and password-recovery use cases' errors (CONTRACT 3.10, 8.10,
//! 9.16; see `error/mod.rs` for the rules).

use actix_web::http::StatusCode;
use intowork_domain::admin::{DeleteUserError, FindUserError, SetActiveError};
use intowork_domain::recovery::ResetPasswordError;

use super::api_error::ApiError;
use super::auth::policy_error;

/// The detail of CONTRACT 3.1 / 3.10 for a missing user.
fn user_not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "user_not_found", "User not found")
}

pub(super) fn admin_target() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "admin_target",
        "Action impossible sur un administrateur",
    )
}

impl From<SetActiveError> for ApiError {
    fn from(e: SetActiveError) -> Self {
        match e {
            // Also when the admin tries to *activate* themselves (the reference's text).
            SetActiveError::OwnAccount => {
                ApiError::bad_request("own_account", "Cannot deactivate your own account")
            }
            SetActiveError::NotFound => user_not_found(),
            SetActiveError::TargetIsAdmin => admin_target(),
            SetActiveError::Repo(e) => e.into(),
        }
    }
}

impl From<DeleteUserError> for ApiError {
    fn from(e: DeleteUserError) -> Self {
        match e {
            DeleteUserError::OwnAccount => {
                ApiError::bad_request("own_account", "Cannot delete your own account")
            }
            DeleteUserError::NotFound => user_not_found(),
            DeleteUserError::TargetIsAdmin => admin_target(),
            DeleteUserError::Repo(e) => e.into(),
        }
    }
}

impl From<FindUserError> for ApiError {
    fn from(e: FindUserError) -> Self {
        match e {
            FindUserError::NotFound => user_not_found(),
            FindUserError::Repo(e) => e.into(),
        }
    }
}

impl From<ResetPasswordError> for ApiError {
    fn from(e: ResetPasswordError) -> Self {
        match e {
            ResetPasswordError::InvalidToken => ApiError::bad_request(
                "invalid_reset_token",
                "Lien de réinitialisation invalide ou expiré",
            ),
            ResetPasswordError::WeakPassword(p) => policy_error(p, "Password"),
            ResetPasswordError::Hash(e) => e.into(),
            ResetPasswordError::Repo(e) => e.into(),
        }
    }
}
