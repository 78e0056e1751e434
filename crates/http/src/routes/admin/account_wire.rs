//! The body of `POST /api/admin/users`, as HEAD's "Créer un utilisateur" form sends it.

use intowork_domain::admin::invitations::InviteCommand;
use intowork_domain::user::SignupRole;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::wire::{EmailText, ShortText, parse_email};

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"email": "awa@example.com", "first_name": "Awa", "last_name": "Diop",
    "role": "employer", "company_name": "Acme Sénégal"}))]
pub struct CreateUserRequest {
    #[schema(inline)]
    pub email: EmailText,
    #[schema(inline)]
    pub first_name: ShortText,
    #[schema(inline)]
    pub last_name: ShortText,
    /// `candidate` or `employer` (admins are created by the CLI); another value is a 400
    /// `invalid_role`.
    #[schema(value_type = CreatableRole)]
    pub role: String,
    /// Required for an employer: a **new** company of this name is created for the account.
    /// Ignored for a candidate.
    #[schema(inline)]
    pub company_name: Option<ShortText>,
}

// Documents `CreateUserRequest::role`, which stays a string so another value gets sign-up's own
// 400 `invalid_role` rather than a 422.
/// The roles an admin may create.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CreatableRole {
    Candidate,
    Employer,
}

impl CreateUserRequest {
    /// A malformed email is a 422 and a role other than candidate or employer a 400, as on
    /// sign-up.
    pub fn into_command(self) -> Result<InviteCommand, ApiError> {
        let email = parse_email(&self.email, "email")?;
        let role = SignupRole::parse(&self.role).ok_or_else(|| {
            ApiError::bad_request(
                "invalid_role",
                "Invalid role. Must be 'candidate' or 'employer'",
            )
        })?;
        Ok(InviteCommand {
            email,
            first_name: self.first_name.into_inner(),
            last_name: self.last_name.into_inner(),
            role,
            company_name: self.company_name.map(ShortText::into_inner),
        })
    }
}
