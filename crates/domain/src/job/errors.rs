//! One error enum per job use case.

use thiserror::Error;

use crate::error::RepoError;

#[derive(Debug, Error)]
pub enum MyJobsError {
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum CreateJobError {
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error("no company attached")]
    CompanyNotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum UpdateJobError {
    /// Missing, or not the caller's.
    #[error("job not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum DeleteJobError {
    /// Missing, already archived, or not the caller's.
    #[error("job not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum ViewJobError {
    #[error("job not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}
