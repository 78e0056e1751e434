//! The reports' errors.

use thiserror::Error;

use super::port::RenderError;
use crate::error::RepoError;

#[derive(Debug, Error)]
pub enum ReportError {
    /// A candidate account without its candidate row.
    #[error("candidate profile not found")]
    CandidateNotFound,
    /// An employer account without its employer row or without a company.
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Repo(#[from] RepoError),
}
