//! Who may download which CV: the owner, an employer the candidate applied to, an admin, or anyone
//! holding a signed, expiring link (CONTRACT 3.11, decisions 8.7, 9.13).

use chrono::Duration;
use tracing::instrument;

use super::entity::{Cv, CvFile};
use super::error::CvAccessError;
use super::service::CvService;
use crate::files::{FileKey, FileStoreError};
use crate::ids::{CandidateId, CvId, UserId};
use crate::user::{Role, User};

/// How long an employer-facing CV link stays valid (8.7).
pub const LINK_TTL_MINUTES: i64 = 15;

impl CvService {
    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn download_own(&self, user: UserId, id: CvId) -> Result<CvFile, CvAccessError> {
        let candidate = self.candidate_of(user).await?;
        let found = self.cvs.find_active(candidate, id).await?;
        self.read(found, CvAccessError::CvNotFound).await
    }

    /// The legacy "current CV" download.
    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn download_current(&self, user: UserId) -> Result<CvFile, CvAccessError> {
        let candidate = self.candidate_of(user).await?;
        let found = self.cvs.current(candidate).await?;
        self.read(found, CvAccessError::NoCv).await
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
        let found = self.cvs.current(candidate).await?;
        self.read(found, CvAccessError::CvNotFound).await
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
        let found = self.cvs.find_any(id).await?;
        self.read(found, CvAccessError::CvNotFound).await
    }

    /// The file of `found`; `missing` when there is no such CV.
    async fn read(
        &self,
        found: Option<Cv>,
        missing: CvAccessError,
    ) -> Result<CvFile, CvAccessError> {
        let cv = found.ok_or(missing)?;
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
