//! Bodies of the account routes (CONTRACT 3.2).

use intowork_domain::auth::Session;
use intowork_domain::user::{self, User};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::wire::{EmailText, NewPasswordText, PasswordText, Role, ShortText, TokenType};

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"email": "jane@example.com", "password": "Str0ng!pass",
    "first_name": "Jane", "last_name": "Doe", "role": "candidate"}))]
pub struct SignupRequest {
    #[schema(inline)]
    pub email: EmailText,
    #[schema(inline)]
    pub password: NewPasswordText,
    #[schema(inline)]
    pub first_name: ShortText,
    #[schema(inline)]
    pub last_name: ShortText,
    /// `candidate` or `employer`, any letter case (admins are created by the CLI); another
    /// value is a 400 `invalid_role`.
    #[schema(value_type = SignupRole)]
    pub role: String,
}

impl SignupRequest {
    /// Another value is a 400 `invalid_role`, not a 422 (CONTRACT 3.2 step 2).
    pub fn role(&self) -> Result<user::SignupRole, ApiError> {
        user::SignupRole::parse(&self.role).ok_or_else(|| {
            ApiError::bad_request(
                "invalid_role",
                "Invalid role. Must be 'candidate' or 'employer'",
            )
        })
    }
}

// Documents `SignupRequest::role`, which stays a string: another value gets its own 400
// `invalid_role` (see `SignupRequest::role`), not a 422.
/// The roles anyone may pick at sign-up.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SignupRole {
    Candidate,
    Employer,
}

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"email": "jane@example.com", "password": "Str0ng!pass"}))]
pub struct SigninRequest {
    #[schema(inline)]
    pub email: EmailText,
    #[schema(inline)]
    pub password: PasswordText,
}

// The user of a sign-up or sign-in answer (`AuthUser` in the document).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = AuthUser)]
pub struct SessionUser {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    /// Sign-in only: the avatar URL (null when none); absent from the sign-up answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub image: Option<Option<String>>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthResponse {
    pub access_token: String,
    pub token_type: TokenType,
    pub user: SessionUser,
}

impl AuthResponse {
    /// Only the sign-in answer carries `image` (CONTRACT 1.5).
    pub fn new(session: Session, with_image: bool) -> Self {
        let u = session.user;
        Self {
            access_token: session.token.access_token,
            token_type: TokenType::Bearer,
            user: SessionUser {
                id: u.id.get(),
                role: u.role.into(),
                image: with_image.then_some(u.image),
                email: u.email,
                first_name: u.first_name,
                last_name: u.last_name,
            },
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Me {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub name: Option<String>,
    pub role: Role,
    pub image: Option<String>,
    pub is_active: bool,
}

impl From<User> for Me {
    fn from(u: User) -> Self {
        Self {
            id: u.id.get(),
            email: u.email,
            first_name: u.first_name,
            last_name: u.last_name,
            name: u.name,
            role: u.role.into(),
            image: u.image,
            is_active: u.is_active,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ChangePasswordRequest {
    #[schema(inline)]
    pub current_password: PasswordText,
    #[schema(inline)]
    pub new_password: NewPasswordText,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChanged {
    pub message: &'static str,
    /// A fresh token: every older token of the account is revoked.
    pub access_token: String,
    pub token_type: TokenType,
}

#[derive(Deserialize, ToSchema)]
pub struct ChangeEmailRequest {
    #[schema(inline)]
    pub new_email: EmailText,
    #[schema(inline)]
    pub password: PasswordText,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailChanged {
    pub message: &'static str,
    pub new_email: String,
    /// A fresh token with the new address in its claims; older tokens stay valid (CONTRACT 9.6).
    pub access_token: String,
    pub token_type: TokenType,
}
