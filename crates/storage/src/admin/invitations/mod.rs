//! Accounts an admin creates, over diesel: the account with its link, or a fresh link, each in
//! one write transaction with its audit row.

mod repository;
mod writes;

pub use repository::DieselInvitationRepository;
