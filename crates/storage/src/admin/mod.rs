//! The admin back-office over diesel (CONTRACT 3.10, 5.10, HEAD.md 10.12): every list is one
//! statement (the companies two), the stats two, and account and company changes write their
//! audit row in the same transaction.

mod accounts;
mod audit;
mod companies;
mod invitations;
mod lists;
mod repository;
mod rows;
mod stats;

pub use companies::DieselAdminCompanyRepository;
pub use invitations::DieselInvitationRepository;
pub use repository::DieselAdminRepository;
