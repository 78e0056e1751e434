//! The dashboard use case's error.

use thiserror::Error;

use crate::error::RepoError;

#[derive(Debug, Error)]
pub enum DashboardError {
    /// An employer account without its employer row.
    #[error("employer profile not found")]
    EmployerNotFound,
    /// A candidate account without its candidate row.
    #[error("candidate profile not found")]
    CandidateNotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}
