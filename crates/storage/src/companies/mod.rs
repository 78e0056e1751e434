//! Employers and companies over diesel: the repository, its rows, registration and saving, and the
//! company stats.

mod repository;
mod rows;
mod stats;
mod writes;

pub use repository::DieselCompanyRepository;
