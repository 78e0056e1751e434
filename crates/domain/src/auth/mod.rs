//! Account use cases: sign-up, sign-in, token authentication, password and email changes, and
//! account deletion (CONTRACT 3.2, 1.2, decisions 8.4, 8.11, 9.6).

mod error;
mod service;
mod session;

pub use error::{
    AuthenticateError, ChangeEmailError, ChangePasswordError, DeleteAccountError, SigninError,
    SignupError,
};
pub use service::AuthService;
pub use session::{Session, SignupCommand};

/// Kept here for the callers that name it `auth::remove_files`; it lives with the file store.
pub use crate::files::remove_files;

#[cfg(test)]
mod tests;
