//! The reference database, read-only: which tables and columns it has, how each is declared,
//! and the one read of them all.

pub(crate) mod catalog;
pub(crate) mod columns;
pub(crate) mod hiring;
pub(crate) mod people;
mod read;

pub use read::{ReferenceData, read_reference};
