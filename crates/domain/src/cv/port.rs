//! The ports CV handling needs: the CV rows, server-side key generation and link signing.

use async_trait::async_trait;

use super::entity::{Cv, CvRemoval, NewCv};
use super::error::InsertCvError;
use crate::error::RepoError;
use crate::files::FileKey;
use crate::ids::{CandidateId, CvId, UserId};

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait CvRepository: Send + Sync {
    /// Inserts the row unless the candidate already has `max` active CVs. The count and the insert
    /// are one transaction that serialises concurrent uploads of the same candidate.
    async fn insert_within_limit(&self, cv: NewCv, max: u32) -> Result<Cv, InsertCvError>;

    /// Active CVs, newest first (`created_at DESC, id DESC`).
    async fn list_active(&self, candidate: CandidateId) -> Result<Vec<Cv>, RepoError>;

    /// The candidate's own ACTIVE CV with this id, `Ok(None)` otherwise.
    async fn find_active(&self, candidate: CandidateId, id: CvId) -> Result<Option<Cv>, RepoError>;

    /// The newest active CV.
    async fn current(&self, candidate: CandidateId) -> Result<Option<Cv>, RepoError>;

    /// Any CV by id, active or not (signed links of applications).
    async fn find_any(&self, id: CvId) -> Result<Option<Cv>, RepoError>;

    /// Deletes the candidate's active CV, or deactivates it when an application refers to it, in
    /// one transaction. `Ok(None)` when it is not theirs or not active.
    async fn remove(
        &self,
        candidate: CandidateId,
        id: CvId,
    ) -> Result<Option<CvRemoval>, RepoError>;

    /// Whether the employer user owns a job this candidate applied to.
    async fn employer_has_applicant(
        &self,
        employer_user: UserId,
        candidate: CandidateId,
    ) -> Result<bool, RepoError>;
}

/// Generates server-side storage keys (never derived from client input).
#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
pub trait KeyGenerator: Send + Sync {
    fn cv_key(&self) -> FileKey;
}

/// Signs and verifies short messages (HMAC with a key derived from the server secret).
#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
pub trait LinkSigner: Send + Sync {
    /// Lowercase hex signature of `message`.
    fn sign(&self, message: &str) -> String;
    /// Constant-time check of `signature` (hex) against `message`.
    fn verify(&self, message: &str, signature: &str) -> bool;
}
