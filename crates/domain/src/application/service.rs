//! The application use cases, one error enum each.

use std::sync::Arc;

use thiserror::Error;
use tracing::{info, instrument};

use super::*;
use crate::candidate::CandidateRepository;
use crate::company::CompanyRepository;
use crate::notification::NotificationKind;
use crate::ports::Clock;
use crate::user::User;

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
    #[error("invalid status")]
    InvalidStatus(String),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

/// What a status change did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusChange {
    pub status: ApplicationStatus,
    /// False when the application already had this status (nothing written, nobody notified).
    pub changed: bool,
}

pub struct ApplicationService {
    apps: Arc<dyn ApplicationRepository>,
    candidates: Arc<dyn CandidateRepository>,
    companies: Arc<dyn CompanyRepository>,
    clock: Arc<dyn Clock>,
}

impl ApplicationService {
    pub fn new(
        apps: Arc<dyn ApplicationRepository>,
        candidates: Arc<dyn CandidateRepository>,
        companies: Arc<dyn CompanyRepository>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            apps,
            candidates,
            companies,
            clock,
        }
    }

    /// Applies and tells the employer, in one transaction (D6): the application never exists
    /// without its notification, and a failed request leaves neither.
    #[instrument(skip_all, fields(user_id = %user.id, job_id = %job))]
    pub async fn apply(
        &self,
        user: &User,
        job: JobId,
        cover_letter: Option<String>,
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
        let notification = NewNotification {
            user_id: target.employer_user_id,
            kind: NotificationKind::NewApplication,
            title: "📝 Nouvelle candidature reçue".into(),
            message: format!(
                "{} {} a postulé pour le poste de {}",
                user.first_name, user.last_name, target.title
            ),
            related_job_id: Some(job),
            // The repository links it to the application it creates.
            related_application_id: None,
        };
        let new = NewApplication {
            job_id: job,
            candidate_id: candidate,
            cover_letter,
            now: self.clock.now(),
        };
        let created = self
            .apps
            .create(new, notification)
            .await
            .map_err(|e| match e {
                CreateApplicationError::JobNotFound => ApplyError::JobNotFound,
                CreateApplicationError::AlreadyApplied => ApplyError::AlreadyApplied,
                CreateApplicationError::Repo(e) => ApplyError::Repo(e),
            })?;
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
        let candidate = self
            .candidates
            .candidate_id(user)
            .await?
            .ok_or(CandidateApplicationError::NotFound)?;
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
        let candidate = self
            .candidates
            .candidate_id(user)
            .await?
            .ok_or(CandidateApplicationError::NotFound)?;
        if self.apps.withdraw(candidate, id).await? {
            Ok(())
        } else {
            Err(CandidateApplicationError::NotFound)
        }
    }

    pub async fn list_for_employer(
        &self,
        user: UserId,
        status: Option<ApplicationStatus>,
        job: Option<JobId>,
        paging: Paging,
    ) -> Result<Page<EmployerApplication>, EmployerApplicationError> {
        let employer = self.employer_id(user).await?;
        Ok(self
            .apps
            .list_for_employer(employer, status, job, paging)
            .await?)
    }

    /// Checks in the contract's order: employer row, application, ownership, then the value.
    #[instrument(skip_all, fields(user_id = %user, application_id = %id))]
    pub async fn change_status(
        &self,
        user: UserId,
        id: ApplicationId,
        raw_status: &str,
    ) -> Result<StatusChange, EmployerApplicationError> {
        let owner = self.owned_application(user, id).await?;
        let status = ApplicationStatus::parse(raw_status)
            .ok_or_else(|| EmployerApplicationError::InvalidStatus(raw_status.to_owned()))?;
        let notification = NewNotification {
            user_id: owner.candidate_user_id,
            kind: NotificationKind::StatusChange,
            title: status.notification_title().into(),
            message: format!(
                "Votre candidature pour le poste de {} a été mise à jour: {}",
                owner.job_title,
                status.as_str()
            ),
            related_job_id: Some(owner.job_id),
            related_application_id: Some(id),
        };
        // The candidate may have withdrawn it since the ownership check.
        let changed = self
            .apps
            .change_status(id, status, notification, self.clock.now())
            .await?
            .ok_or(EmployerApplicationError::NotFound)?;
        Ok(StatusChange { status, changed })
    }

    #[instrument(skip_all, fields(user_id = %user, application_id = %id))]
    pub async fn set_notes(
        &self,
        user: UserId,
        id: ApplicationId,
        notes: String,
    ) -> Result<(), EmployerApplicationError> {
        self.owned_application(user, id).await?;
        if self.apps.set_notes(id, notes, self.clock.now()).await? {
            Ok(())
        } else {
            Err(EmployerApplicationError::NotFound)
        }
    }

    async fn employer_id(&self, user: UserId) -> Result<EmployerId, EmployerApplicationError> {
        self.companies
            .employer_by_user(user)
            .await?
            .map(|e| e.id)
            .ok_or(EmployerApplicationError::EmployerMissing)
    }

    async fn owned_application(
        &self,
        user: UserId,
        id: ApplicationId,
    ) -> Result<ApplicationOwner, EmployerApplicationError> {
        let employer = self.employer_id(user).await?;
        let owner = self
            .apps
            .owner_of(id)
            .await?
            .ok_or(EmployerApplicationError::NotFound)?;
        if owner.employer_id != employer {
            return Err(EmployerApplicationError::NotOwner);
        }
        Ok(owner)
    }
}
