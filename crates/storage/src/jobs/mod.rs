//! Jobs over diesel: the repository, its rows, the listing query and its filters, writes, and
//! the commit of a job's removal.

mod filters;
mod listing;
mod removal;
mod repository;
mod rows;
mod source;
mod views;
mod writes;

pub(crate) use filters::open_jobs;
pub use repository::DieselJobRepository;
pub(crate) use source::{Source, applications_count, newest_first};
pub use views::JobViewCounter;
