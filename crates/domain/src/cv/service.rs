//! Storing and deleting CVs: the storage order that leaves nothing behind on failure (9.12) and
//! soft deletion of CVs an application refers to (9.4).

use std::sync::Arc;

use derive_new::new;
use tracing::{info, instrument, warn};

use super::entity::{Cv, CvRemoval, NewCv, UploadedCv};
use super::error::{CvAccessError, InsertCvError, UploadCvError};
use super::port::{CvRepository, KeyGenerator, LinkSigner};
use super::upload::{CvLimits, CvUpload, sanitize_filename};
use crate::candidate::CandidateRepository;
use crate::error::RepoError;
use crate::files::{FileKey, FileStore, remove_files};
use crate::ids::{CandidateId, CvId, UserId};
use crate::ports::Clock;
use crate::user::{Role, User};

/// CV uploads, downloads (own, by viewer, by signed link) and deletion.
#[derive(new)]
pub struct CvService {
    pub(super) cvs: Arc<dyn CvRepository>,
    pub(super) candidates: Arc<dyn CandidateRepository>,
    pub(super) files: Arc<dyn FileStore>,
    pub(super) keys: Arc<dyn KeyGenerator>,
    pub(super) signer: Arc<dyn LinkSigner>,
    pub(super) clock: Arc<dyn Clock>,
    pub(super) limits: CvLimits,
}

impl CvService {
    pub fn limits(&self) -> CvLimits {
        self.limits
    }

    /// Checks, then writes the file, then inserts the row; if the row cannot be inserted the file
    /// is removed again (9.12), so a failed upload leaves nothing behind.
    #[instrument(skip_all, fields(user_id = %user.id, size = upload.bytes.len()))]
    pub async fn upload(&self, user: &User, upload: CvUpload) -> Result<UploadedCv, UploadCvError> {
        self.limits.check(&upload)?;
        let candidate = self.uploader(user).await?;
        let key = self.keys.cv_key();
        let size = i64::try_from(upload.bytes.len()).unwrap_or(i64::MAX);
        self.files
            .put(&key, upload.bytes)
            .await
            .map_err(UploadCvError::Storage)?;
        let new = NewCv {
            candidate_id: candidate,
            filename: sanitize_filename(upload.filename.as_deref().unwrap_or("")),
            storage_key: key.as_str().to_owned(),
            file_size: size,
            now: self.clock.now(),
        };
        let cv = self.insert_or_unstore(new, &key).await?;
        info!(cv_id = %cv.id, "CV uploaded");
        Ok(UploadedCv { cv })
    }

    /// The caller's active CVs, newest first; empty without a candidate row.
    pub async fn list(&self, user: UserId) -> Result<Vec<Cv>, RepoError> {
        match self.candidates.candidate_id(user).await? {
            Some(c) => self.cvs.list_active(c).await,
            None => Ok(Vec::new()),
        }
    }

    /// Deletes or deactivates (9.4); the file goes after the row change is committed (9.12).
    #[instrument(skip_all, fields(user_id = %user, cv_id = %id))]
    pub async fn delete(&self, user: UserId, id: CvId) -> Result<(), CvAccessError> {
        let candidate = self.candidate_of(user).await?;
        match self.cvs.remove(candidate, id).await? {
            None => Err(CvAccessError::CvNotFound),
            Some(CvRemoval::Deactivated) => Ok(()),
            Some(CvRemoval::Deleted { storage_key }) => {
                remove_files(self.files.as_ref(), &[storage_key]).await;
                Ok(())
            }
        }
    }

    pub(super) async fn candidate_of(&self, user: UserId) -> Result<CandidateId, CvAccessError> {
        self.candidates
            .candidate_id(user)
            .await?
            .ok_or(CvAccessError::ProfileMissing)
    }

    /// The uploader's candidate id.
    async fn uploader(&self, user: &User) -> Result<CandidateId, UploadCvError> {
        match self.candidates.candidate_id(user.id).await? {
            Some(c) => Ok(c),
            // A candidate without a profile row (e.g. imported) gets one, as the reference did
            // (CONTRACT 3.3); other roles never reach this point (the route is candidate-only).
            None if user.role == Role::Candidate => Ok(self
                .candidates
                .load_or_create(user.id, self.clock.now())
                .await?
                .id),
            None => Err(UploadCvError::ProfileMissing),
        }
    }

    /// Inserts the row of a stored file; when that fails the file is removed again.
    async fn insert_or_unstore(&self, new: NewCv, key: &FileKey) -> Result<Cv, UploadCvError> {
        let err = match self.cvs.insert_within_limit(new, self.limits.max_cvs).await {
            Ok(cv) => return Ok(cv),
            Err(e) => e,
        };
        if let Err(del) = self.files.delete(key).await {
            warn!(error = %del, "could not remove the file of a failed upload; left to the sweep");
        }
        Err(match err {
            InsertCvError::LimitReached => UploadCvError::TooMany {
                max: self.limits.max_cvs,
            },
            InsertCvError::Repo(e) => UploadCvError::Repo(e),
        })
    }
}
