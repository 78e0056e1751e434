//! Users over diesel: the repository, its row, sign-up, and an account's removal (shared with the
//! admin's deletion).

mod create;
mod removal;
mod repository;
mod rows;

pub(crate) use create::{EMAIL_UNIQUE, insert_profile};
pub(crate) use removal::{Removed, applicants_of, remove_account, removed};
pub use repository::DieselUserRepository;
pub(crate) use rows::UserRow;
