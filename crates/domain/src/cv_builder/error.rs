//! The CV builder's errors, one per use case.

use thiserror::Error;

use super::limits::DocumentProblem;
use crate::error::RepoError;
use crate::files::FileStoreError;
use crate::image::ImageRejected;

#[derive(Debug, Error)]
pub enum SaveCvError {
    /// Sections or texts over their caps; every problem is listed.
    #[error("invalid CV document")]
    Invalid(Vec<DocumentProblem>),
    /// The photo is too large, or not a PNG, JPEG or WebP image.
    #[error(transparent)]
    Photo(ImageRejected),
    /// A photo link that is not the document's current photo.
    #[error("unknown photo")]
    UnknownPhoto,
    #[error(transparent)]
    Storage(FileStoreError),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

/// The owner's routes on a CV that must exist (toggle, delete).
#[derive(Debug, Error)]
pub enum OwnCvError {
    #[error("CV not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

/// The public page and its view counter.
#[derive(Debug, Error)]
pub enum PublicCvError {
    /// No CV has this slug, or it is private: the same answer, so a private CV's slug tells
    /// nothing.
    #[error("CV not found or not public")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}
