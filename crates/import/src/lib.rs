//! `intowork import-reference` (CONTRACT 9.3): copies a reference (FastAPI) database into ours,
//! keeping ids. Table by table, parents first; each table is written in one transaction, so a
//! failure never leaves half a table.
//!
//! Every decision (import, skip and why) is taken in memory before writing, from what our
//! database already holds plus what this run accepted so far; a dry run takes the same decisions
//! and writes nothing, so its report is the real run's.
//!
//! Idempotence: a row whose id exists in our database with the same identity (a user's email, a
//! child's parent...) was imported before and is skipped. An id held by a *different* row is a
//! conflict: the row is skipped, and so are the rows that hang from it, rather than attaching them
//! to someone else's data.
//!
//! CV files are the caller's (this crate knows no file store): [`Importer::plan_cvs`] says
//! which CVs to bring, the caller copies their files, [`Importer::insert_cvs`] writes the rows.

mod activity;
mod cvs;
mod decide;
mod existing;
mod hiring;
mod importer;
mod people;
mod reference;
mod report;
mod rows;
mod state;
mod values;
mod write;

pub use cvs::CvToCopy;
pub use importer::Importer;
pub use reference::{ReferenceData, read_reference};
pub use report::{ALREADY_IMPORTED, TableReport};
pub use rows::CvRow;
