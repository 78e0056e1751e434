//! What sign-up takes and what signing in gives.

use crate::ports::IssuedToken;
use crate::user::{Email, User};

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
    /// Raw: an unknown value (or `admin`) is a business error with its own message, not a 422.
    pub role: String,
}
