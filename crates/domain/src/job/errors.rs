//! One error enum per job use case.

use thiserror::Error;

use super::commands::BadEnum;
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
    #[error("invalid location type: {0}")]
    InvalidLocationType(String),
    #[error("invalid job type: {0}")]
    InvalidJobType(String),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum UpdateJobError {
    /// Missing, or not the caller's.
    #[error("job not found")]
    NotFound,
    #[error("invalid location type: {0}")]
    InvalidLocationType(String),
    #[error("invalid job type: {0}")]
    InvalidJobType(String),
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

impl From<BadEnum> for CreateJobError {
    fn from(e: BadEnum) -> Self {
        match e {
            BadEnum::Location(v) => CreateJobError::InvalidLocationType(v),
            BadEnum::Job(v) => CreateJobError::InvalidJobType(v),
        }
    }
}

impl From<BadEnum> for UpdateJobError {
    fn from(e: BadEnum) -> Self {
        match e {
            BadEnum::Location(v) => UpdateJobError::InvalidLocationType(v),
            BadEnum::Job(v) => UpdateJobError::InvalidJobType(v),
        }
    }
}
