//! One error enum per company use case of the back-office.

use thiserror::Error;

use crate::error::RepoError;

#[derive(Debug, Error)]
pub enum VerifyCompanyError {
    /// No such company, or it was removed.
    #[error("company not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum RemoveCompanyError {
    /// No such company, or it was removed already.
    #[error("company not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}
