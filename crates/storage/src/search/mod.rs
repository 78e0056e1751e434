//! The public job search in memory: a snapshot of what the list filters on for every open job,
//! kept in step with the database, so a search costs the same at 1,000 jobs as at 100,000 (see
//! docs/architecture.md, "Job search").

mod column;
mod index;
mod load;
mod snapshot;

pub use index::{DEFAULT_MAX_AGE, JobSearchIndex};
pub(crate) use snapshot::Snapshot;
