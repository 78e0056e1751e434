//! The public pages' figures and company directory (HEAD.md 10.11), each in a few statements
//! whatever the data size.

mod companies;
mod figures;
mod repository;

pub use repository::DieselDirectoryRepository;
