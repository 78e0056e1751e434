//! Applications over diesel: the repository, its rows, applying, status changes and the lists.

mod apply;
mod history;
mod lists;
mod repository;
mod rows;
mod status;

pub use repository::DieselApplicationRepository;
