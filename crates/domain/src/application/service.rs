//! The candidate's side of applications: apply, list, read and withdraw their own.

use std::sync::Arc;

use derive_new::new;
use tracing::{info, instrument};

use super::entity::{ApplyRequest, CandidateApplication, NewApplication, Page};
use super::error::{ApplyError, CandidateApplicationError};
use super::notice;
use super::port::ApplicationRepository;
use super::source::sanitize_source_ref;
use super::status::ApplicationStatus;
use crate::candidate::CandidateRepository;
use crate::company::CompanyRepository;
use crate::email_template::TemplateType;
use crate::error::RepoError;
use crate::ids::{ApplicationId, CandidateId, JobId, UserId};
use crate::job::Paging;
use crate::ports::Clock;
use crate::user::User;

/// Both sides of the hiring workflow; the employer's side is in `employer.rs`.
#[derive(new)]
pub struct ApplicationService {
    pub(super) apps: Arc<dyn ApplicationRepository>,
    pub(super) candidates: Arc<dyn CandidateRepository>,
    pub(super) companies: Arc<dyn CompanyRepository>,
    pub(super) clock: Arc<dyn Clock>,
}

impl ApplicationService {
    /// Applies and tells the employer, in one transaction (D6): the application never exists
    /// without its notification, its first history row and the candidate's acknowledgement mail
    /// (HEAD 10.14), and a failed request leaves none.
    /// A chosen CV must be one of the caller's active ones; a channel that is not a plain name
    /// is dropped, never refused (HEAD.md 10.5).
    #[instrument(skip_all, fields(user_id = %user.id, job_id = %job))]
    pub async fn apply(
        &self,
        user: &User,
        job: JobId,
        request: ApplyRequest,
    ) -> Result<CandidateApplication, ApplyError> {
        let candidate = self
            .candidates
            .candidate_id(user.id)
            .await?
            .ok_or(ApplyError::ProfileMissing)?;
        let target = self
            .apps
            .apply_target(job)
            .await?
            .ok_or(ApplyError::JobNotFound)?;
        let new = NewApplication {
            job_id: job,
            candidate_id: candidate,
            cover_letter: request.cover_letter,
            cv: request.cv,
            source_ref: sanitize_source_ref(request.source_ref.as_deref()),
            actor: user.id,
            now: self.clock.now(),
            candidate_mail: Some(TemplateType::ApplicationReceived),
        };
        let notification = notice::application_received(user, &target, job);
        let created = self.apps.create(new, notification).await?;
        info!(application_id = %created.id, "applied");
        Ok(created)
    }

    /// The caller's applications; an empty page without a candidate row.
    pub async fn list_mine(
        &self,
        user: UserId,
        status: Option<ApplicationStatus>,
        paging: Paging,
    ) -> Result<Page<CandidateApplication>, RepoError> {
        match self.candidates.candidate_id(user).await? {
            Some(c) => self.apps.list_for_candidate(c, status, paging).await,
            None => Ok(Page {
                items: Vec::new(),
                total: 0,
            }),
        }
    }

    pub async fn get_mine(
        &self,
        user: UserId,
        id: ApplicationId,
    ) -> Result<CandidateApplication, CandidateApplicationError> {
        let candidate = self.own_candidate(user).await?;
        self.apps
            .find_for_candidate(candidate, id)
            .await?
            .ok_or(CandidateApplicationError::NotFound)
    }

    /// Only while the status is `applied`.
    #[instrument(skip_all, fields(user_id = %user, application_id = %id))]
    pub async fn withdraw(
        &self,
        user: UserId,
        id: ApplicationId,
    ) -> Result<(), CandidateApplicationError> {
        let candidate = self.own_candidate(user).await?;
        let withdrawn = self.apps.withdraw(candidate, id).await?;
        withdrawn
            .then_some(())
            .ok_or(CandidateApplicationError::NotFound)
    }

    /// Without a candidate row, the caller has no application to see.
    async fn own_candidate(&self, user: UserId) -> Result<CandidateId, CandidateApplicationError> {
        self.candidates
            .candidate_id(user)
            .await?
            .ok_or(CandidateApplicationError::NotFound)
    }
}
