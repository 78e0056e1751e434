//! One error enum per job use case.

use thiserror::Error;

use crate::error::RepoError;
use crate::files::FileStoreError;
use crate::image::{ImageRejected, StoreImageError};

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

#[derive(Debug, Error)]
pub enum JobImageError {
    /// Missing, or not the caller's.
    #[error("job not found")]
    NotFound,
    #[error(transparent)]
    Rejected(#[from] ImageRejected),
    #[error(transparent)]
    Storage(FileStoreError),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

impl From<StoreImageError> for JobImageError {
    fn from(e: StoreImageError) -> Self {
        match e {
            StoreImageError::Rejected(r) => JobImageError::Rejected(r),
            StoreImageError::Storage(s) => JobImageError::Storage(s),
        }
    }
}
