//! Why a clean-up run stopped.

use thiserror::Error;

use crate::error::RepoError;
use crate::files::FileStoreError;

#[derive(Debug, Error)]
pub enum CleanupError {
    #[error("database: {0}")]
    Repo(#[from] RepoError),
    #[error("file storage: {0}")]
    Storage(#[from] FileStoreError),
}
