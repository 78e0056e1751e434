//! The public job search in memory: a snapshot of what the list filters on for every open job,
//! kept in step with the database, so a search costs the same at 1,000 jobs as at 100,000 (see
//! docs/architecture.md, "Job search").

mod column;
mod edits;
mod index;
mod kept_connection;
mod load;
mod matches;
mod row;
mod salary;
mod sets;
mod snapshot;
mod view;

pub use index::{DEFAULT_MAX_AGE, JobSearchIndex};
pub(crate) use view::View;
