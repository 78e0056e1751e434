//! Accounts an admin creates (HEAD.md 10.12): a candidate or an employer with **no password**, who
//! gets a link to choose one (a password-reset token valid 72 hours), and a fresh link on demand.
//! No password is ever chosen by the server or mailed. An employer's company is always a new one:
//! an account is never attached to an existing company because the names match.

mod command;
mod errors;
mod mail;
mod port;
mod service;

pub use command::{InviteCommand, NewInvitedAccount};
pub use errors::{InviteError, ResendCredentialsError};
pub use mail::{CredentialsMail, credentials_mail};
pub use port::InvitationRepository;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockInvitationRepository;
pub use service::{InvitationService, SET_PASSWORD_TOKEN_TTL};

#[cfg(test)]
mod tests;
