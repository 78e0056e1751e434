//! The CV use cases' errors, and the one the repository's insert may return.

use thiserror::Error;

use crate::error::RepoError;
use crate::files::FileStoreError;

#[derive(Debug, Error)]
pub enum InsertCvError {
    /// The candidate already has `max` active CVs.
    #[error("CV limit reached")]
    LimitReached,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum UploadCvError {
    #[error("not a PDF")]
    NotPdf,
    #[error("file too large")]
    TooLarge { max_mib: usize },
    #[error("too many CVs")]
    TooMany { max: u32 },
    #[error("candidate profile not found")]
    ProfileMissing,
    #[error(transparent)]
    Storage(FileStoreError),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

/// Failures of the download routes; each carries the contract's 404 text where it has one.
#[derive(Debug, Error)]
pub enum CvAccessError {
    #[error("candidate profile not found")]
    ProfileMissing,
    #[error("no CV uploaded")]
    NoCv,
    #[error("CV not found")]
    CvNotFound,
    /// The row exists but the file is gone from storage.
    #[error("CV file missing")]
    FileMissing,
    /// A signed link that is tampered with or expired.
    #[error("invalid or expired link")]
    BadLink,
    #[error(transparent)]
    Storage(FileStoreError),
    #[error(transparent)]
    Repo(#[from] RepoError),
}
