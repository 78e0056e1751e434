//! The back-office's companies over diesel (HEAD.md 10.12): the list in two statements, the
//! badge and the removal each in one write transaction with its audit row.

mod list;
mod removal;
mod repository;

pub use repository::DieselAdminCompanyRepository;
