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
    /// The chosen CV is not one of the candidate's active CVs.
    #[error("invalid cv")]
    InvalidCv,
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
    /// `cv_id` names no active CV of the caller's (someone else's, deleted, or none at all).
    #[error("invalid cv")]
    InvalidCv,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

impl From<CreateApplicationError> for ApplyError {
    fn from(e: CreateApplicationError) -> Self {
        match e {
            CreateApplicationError::JobNotFound => ApplyError::JobNotFound,
            CreateApplicationError::AlreadyApplied => ApplyError::AlreadyApplied,
            CreateApplicationError::InvalidCv => ApplyError::InvalidCv,
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

/// The applications to one job, for the pipeline page (HEAD.md 10.8).
#[derive(Debug, Error)]
pub enum JobApplicationsError {
    #[error("employer profile not found")]
    EmployerMissing,
    /// No such job, or another employer's: the same answer, so ids reveal nothing.
    #[error("job not found")]
    JobNotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}
