//! Applications over diesel: the repository, its rows, applying, status changes,
//! quick messages and the lists.

mod apply;
mod history;
mod lists;
mod quick_message;
mod repository;
mod rows;
mod status;

pub use repository::DieselApplicationRepository;
