//! The admin back-office over diesel (CONTRACT 3.10, 5.10): every list is one statement, the
//! stats two, and account changes write their audit row in the same transaction.

mod accounts;
mod audit;
mod lists;
mod repository;
mod rows;
mod stats;

pub use repository::DieselAdminRepository;
