//! Bodies of the password-reset routes (CONTRACT 4.1 call 3, 8.10).

use serde::Deserialize;
use utoipa::ToSchema;

use crate::wire::{EmailText, NewPasswordText, TokenText};

#[derive(Deserialize, ToSchema)]
pub struct ForgotPasswordRequest {
    #[schema(inline)]
    pub email: EmailText,
}

#[derive(Deserialize, ToSchema)]
pub struct ResetPasswordRequest {
    #[schema(inline)]
    pub token: TokenText,
    // `password` is accepted as an alias.
    #[schema(inline)]
    #[serde(alias = "password")]
    pub new_password: NewPasswordText,
}
