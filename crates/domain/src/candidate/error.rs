//! The profile item use cases' errors.

use thiserror::Error;

use super::kind::ItemKind;
use crate::error::RepoError;

#[derive(Debug, Error)]
pub enum AddItemError {
    /// The user has no candidate row.
    #[error("candidate profile not found")]
    ProfileMissing,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum EditItemError {
    /// No such item, or not the caller's (never revealed which).
    #[error("{0:?} not found")]
    NotFound(ItemKind),
    #[error(transparent)]
    Repo(#[from] RepoError),
}
