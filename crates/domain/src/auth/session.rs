//! What sign-up takes and what signing in gives.

use crate::ports::IssuedToken;
use crate::user::{Email, SignupRole, User};

/// A signed-in user and the token that proves it.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub user: User,
    pub token: IssuedToken,
}

#[derive(Clone, Debug)]
pub struct SignupCommand {
    pub email: Email,
    pub password: String,
    pub first_name: String,
    pub last_name: String,
    /// The edge answers an unknown value (or `admin`) with its own 400, after
    /// [`AuthService::check_email_free`](super::AuthService::check_email_free).
    pub role: SignupRole,
}
