//! The application use cases' errors, one per use case, and the one the repository's insert may
//! return.

use thiserror::Error;

use crate::error::RepoError;

#[derive(Debug, Error)]
pub enum CreateApplicationError {
    /// The job stopped accepting applications (not published any more).
    #[error("job not open")]
    JobNotFound,
    /// The unique (job, candidate) index refused a second application.
    #[error("already applied")]
    AlreadyApplied,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum ApplyError {
    #[error("candidate profile not found")]
    ProfileMissing,
    /// Missing, not published, or its employer is deactivated (A4).
    #[error("job not found")]
    JobNotFound,
    #[error("already applied")]
    AlreadyApplied,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

impl From<CreateApplicationError> for ApplyError {
    fn from(e: CreateApplicationError) -> Self {
        match e {
            CreateApplicationError::JobNotFound => ApplyError::JobNotFound,
            CreateApplicationError::AlreadyApplied => ApplyError::AlreadyApplied,
            CreateApplicationError::Repo(e) => ApplyError::Repo(e),
        }
    }
}

#[derive(Debug, Error)]
pub enum CandidateApplicationError {
    /// Not the caller's, missing, or (withdraw) no longer `applied`.
    #[error("application not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum EmployerApplicationError {
    #[error("employer profile not found")]
    EmployerMissing,
    #[error("application not found")]
    NotFound,
    /// The application is to another employer's job.
    #[error("not the job's owner")]
    NotOwner,
    #[error(transparent)]
    Repo(#[from] RepoError),
}
