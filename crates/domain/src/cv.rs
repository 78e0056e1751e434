//! CV files: upload rules, storage order, access control and signed links (CONTRACT 3.3, 3.11,
//! 5.2, 5.4, decisions 8.7, 8.19, 9.2, 9.4, 9.12, 9.13).

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use thiserror::Error;
use tracing::{info, instrument, warn};

use crate::candidate::CandidateRepository;
use crate::error::RepoError;
use crate::files::{FileKey, FileStore, FileStoreError};
use crate::ids::{CandidateId, CvId, UserId};
use crate::ports::Clock;
use crate::user::{Role, User};

/// A stored CV.
#[derive(Clone, Debug, PartialEq)]
pub struct Cv {
    pub id: CvId,
    pub candidate_id: CandidateId,
    pub filename: String,
    pub storage_key: String,
    pub file_size: i64,
    /// False once soft-deleted (kept because an application refers to it, 9.4).
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewCv {
    pub candidate_id: CandidateId,
    pub filename: String,
    pub storage_key: String,
    pub file_size: i64,
    pub now: DateTime<Utc>,
}

#[derive(Debug, Error)]
pub enum InsertCvError {
    /// The candidate already has `max` active CVs.
    #[error("CV limit reached")]
    LimitReached,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

/// What deleting a CV did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CvRemoval {
    /// No application refers to it: the row is gone; the file under this key must go too.
    Deleted { storage_key: String },
    /// An application refers to it: hidden from its owner, still served through that application.
    Deactivated,
}

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

/// How long an employer-facing CV link stays valid (8.7).
pub const LINK_TTL_MINUTES: i64 = 15;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CvLimits {
    /// Largest accepted file, in bytes (`MAX_UPLOAD_SIZE_MB` MiB).
    pub max_bytes: usize,
    /// Active CVs a candidate may keep (`MAX_CVS_PER_CANDIDATE`).
    pub max_cvs: u32,
}

/// The upload as received; nothing in it is trusted.
#[derive(Clone, Debug)]
pub struct CvUpload {
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// Keeps the last path segment, drops control characters and separators, caps the length. The
/// result is only ever displayed; it never becomes a path.
pub fn sanitize_filename(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?' | ':'))
        .take(150)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_owned();
    if cleaned.is_empty() {
        "cv.pdf".to_owned()
    } else {
        cleaned
    }
}

pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// A file to send back.
#[derive(Clone, Debug, PartialEq)]
pub struct CvFile {
    pub id: CvId,
    pub filename: String,
    pub bytes: Vec<u8>,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct UploadedCv {
    pub cv: Cv,
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

pub struct CvService {
    cvs: Arc<dyn CvRepository>,
    candidates: Arc<dyn CandidateRepository>,
    files: Arc<dyn FileStore>,
    keys: Arc<dyn KeyGenerator>,
    signer: Arc<dyn LinkSigner>,
    clock: Arc<dyn Clock>,
    limits: CvLimits,
}

impl CvService {
    pub fn new(
        cvs: Arc<dyn CvRepository>,
        candidates: Arc<dyn CandidateRepository>,
        files: Arc<dyn FileStore>,
        keys: Arc<dyn KeyGenerator>,
        signer: Arc<dyn LinkSigner>,
        clock: Arc<dyn Clock>,
        limits: CvLimits,
    ) -> Self {
        Self {
            cvs,
            candidates,
            files,
            keys,
            signer,
            clock,
            limits,
        }
    }

    pub fn limits(&self) -> CvLimits {
        self.limits
    }

    /// Checks, then writes the file, then inserts the row; if the row cannot be inserted the file
    /// is removed again (9.12), so a failed upload leaves nothing behind.
    #[instrument(skip_all, fields(user_id = %user.id, size = upload.bytes.len()))]
    pub async fn upload(&self, user: &User, upload: CvUpload) -> Result<UploadedCv, UploadCvError> {
        let declared_pdf = upload.content_type.as_deref().is_some_and(|ct| {
            ct.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/pdf"))
        });
        if !declared_pdf {
            return Err(UploadCvError::NotPdf);
        }
        if upload.bytes.len() > self.limits.max_bytes {
            return Err(UploadCvError::TooLarge {
                max_mib: self.limits.max_bytes / (1024 * 1024),
            });
        }
        if !is_pdf(&upload.bytes) {
            return Err(UploadCvError::NotPdf);
        }
        let candidate = match self.candidates.candidate_id(user.id).await? {
            Some(c) => c,
            // A candidate without a profile row (e.g. imported) gets one, as the reference did
            // (CONTRACT 3.3); other roles never reach this point (the route is candidate-only).
            None if user.role == Role::Candidate => {
                self.candidates
                    .load_or_create(user.id, self.clock.now())
                    .await?
                    .id
            }
            None => return Err(UploadCvError::ProfileMissing),
        };
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
        match self.cvs.insert_within_limit(new, self.limits.max_cvs).await {
            Ok(cv) => {
                info!(cv_id = %cv.id, "CV uploaded");
                Ok(UploadedCv { cv })
            }
            Err(e) => {
                if let Err(del) = self.files.delete(&key).await {
                    warn!(error = %del, "could not remove the file of a failed upload; left to the sweep");
                }
                Err(match e {
                    InsertCvError::LimitReached => UploadCvError::TooMany {
                        max: self.limits.max_cvs,
                    },
                    InsertCvError::Repo(e) => UploadCvError::Repo(e),
                })
            }
        }
    }

    /// The caller's active CVs, newest first; empty without a candidate row.
    pub async fn list(&self, user: UserId) -> Result<Vec<Cv>, RepoError> {
        match self.candidates.candidate_id(user).await? {
            Some(c) => self.cvs.list_active(c).await,
            None => Ok(Vec::new()),
        }
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn download_own(&self, user: UserId, id: CvId) -> Result<CvFile, CvAccessError> {
        let candidate = self.candidate_of(user).await?;
        let cv = self
            .cvs
            .find_active(candidate, id)
            .await?
            .ok_or(CvAccessError::CvNotFound)?;
        self.read(cv).await
    }

    /// The legacy "current CV" download.
    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn download_current(&self, user: UserId) -> Result<CvFile, CvAccessError> {
        let candidate = self.candidate_of(user).await?;
        let cv = self
            .cvs
            .current(candidate)
            .await?
            .ok_or(CvAccessError::NoCv)?;
        self.read(cv).await
    }

    /// `GET /api/candidates/{candidate_id}/cv`: the owner, an employer with an application from
    /// this candidate, or an admin; everyone else gets the same 404 as a missing CV.
    #[instrument(skip_all, fields(user_id = %viewer.id, candidate_id = %candidate))]
    pub async fn download_for_viewer(
        &self,
        viewer: &User,
        candidate: CandidateId,
    ) -> Result<CvFile, CvAccessError> {
        let allowed = match viewer.role {
            Role::Admin => true,
            Role::Candidate => self.candidates.candidate_id(viewer.id).await? == Some(candidate),
            Role::Employer => {
                self.cvs
                    .employer_has_applicant(viewer.id, candidate)
                    .await?
            }
        };
        if !allowed {
            return Err(CvAccessError::CvNotFound);
        }
        let cv = self
            .cvs
            .current(candidate)
            .await?
            .ok_or(CvAccessError::CvNotFound)?;
        self.read(cv).await
    }

    /// Deletes or deactivates (9.4); the file goes after the row change is committed (9.12).
    #[instrument(skip_all, fields(user_id = %user, cv_id = %id))]
    pub async fn delete(&self, user: UserId, id: CvId) -> Result<(), CvAccessError> {
        let candidate = self.candidate_of(user).await?;
        match self.cvs.remove(candidate, id).await? {
            None => Err(CvAccessError::CvNotFound),
            Some(CvRemoval::Deactivated) => Ok(()),
            Some(CvRemoval::Deleted { storage_key }) => {
                crate::auth::remove_files(self.files.as_ref(), &[storage_key]).await;
                Ok(())
            }
        }
    }

    /// A relative, expiring link to a CV that works without a bearer token (8.7).
    pub fn signed_link(&self, id: CvId) -> String {
        let expires = (self.clock.now() + Duration::minutes(LINK_TTL_MINUTES)).timestamp();
        let signature = self.signer.sign(&link_message(id, expires));
        format!("api/files/cvs/{id}?expires={expires}&signature={signature}")
    }

    #[instrument(skip_all, fields(cv_id = %id))]
    pub async fn download_signed(
        &self,
        id: CvId,
        expires: i64,
        signature: &str,
    ) -> Result<CvFile, CvAccessError> {
        if !self.signer.verify(&link_message(id, expires), signature) {
            return Err(CvAccessError::BadLink);
        }
        if self.clock.now().timestamp() > expires {
            return Err(CvAccessError::BadLink);
        }
        let cv = self
            .cvs
            .find_any(id)
            .await?
            .ok_or(CvAccessError::CvNotFound)?;
        self.read(cv).await
    }

    async fn candidate_of(&self, user: UserId) -> Result<CandidateId, CvAccessError> {
        self.candidates
            .candidate_id(user)
            .await?
            .ok_or(CvAccessError::ProfileMissing)
    }

    async fn read(&self, cv: Cv) -> Result<CvFile, CvAccessError> {
        let key = FileKey::parse(&cv.storage_key).map_err(|_| CvAccessError::FileMissing)?;
        let bytes = self.files.get(&key).await.map_err(|e| match e {
            FileStoreError::NotFound => CvAccessError::FileMissing,
            other => CvAccessError::Storage(other),
        })?;
        Ok(CvFile {
            id: cv.id,
            filename: cv.filename,
            bytes,
            created_at: cv.created_at,
        })
    }
}

fn link_message(id: CvId, expires: i64) -> String {
    format!("cv-link:v1:{id}:{expires}")
}

#[cfg(test)]
mod tests;
