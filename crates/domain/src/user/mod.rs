//! Users: roles, email addresses, password policy and the user entity.

mod email;
mod entity;
mod password;
mod role;

pub use email::{Email, InvalidEmail, normalize_email};
pub use entity::{NewUser, User};
pub use password::{
    PASSWORD_MAX_BYTES, PASSWORD_MIN_CHARS, PasswordPolicyError, check_password_policy,
};
pub use role::{Role, SignupRole};

#[cfg(test)]
mod tests;
