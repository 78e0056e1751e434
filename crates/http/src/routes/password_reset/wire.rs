//! Bodies of the password-reset routes (CONTRACT 4.1 call 3, 8.10).

use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
pub struct ForgotPasswordRequest {
    #[schema(format = Email)]
    pub email: String,
}

#[derive(Deserialize, ToSchema)]
pub struct ResetPasswordRequest {
    pub token: String,
    /// The sign-up policy (at least 8 characters, at most 256 bytes); `password` is accepted as
    /// an alias.
    #[schema(min_length = 8)]
    #[serde(alias = "password")]
    pub new_password: String,
}
