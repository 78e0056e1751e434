//! The employer's side of applications: list those to their jobs, move them through the statuses
//! (telling the candidate), keep notes. Another employer's application is refused, not hidden.

use tracing::instrument;

use super::entity::{
    ApplicationOwner, EmployerApplication, Page, PipelineOrder, StatusChange, StatusUpdate,
};
use super::error::{EmployerApplicationError, JobApplicationsError};
use super::notice;
use super::service::ApplicationService;
use super::source::{SourceBreakdown, source_breakdown};
use super::status::ApplicationStatus;
use crate::email_template::TemplateType;
use crate::error::RepoError;
use crate::ids::{ApplicationId, EmployerId, JobId, UserId};
use crate::job::Paging;

impl ApplicationService {
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

    /// Checks in the contract's order: employer row, application, ownership. The value comes
    /// typed: the edge, which parses it, reports a bad one only after [`Self::check_reviewable`].
    /// A move to interview, rejected or accepted queues the candidate's template mail with it.
    #[instrument(skip_all, fields(user_id = %user, application_id = %id, status = status.as_str()))]
    pub async fn change_status(
        &self,
        user: UserId,
        id: ApplicationId,
        status: ApplicationStatus,
    ) -> Result<StatusChange, EmployerApplicationError> {
        let owner = self.owned_application(user, id).await?;
        let notification = notice::status_changed(&owner, id, status);
        let mail = TemplateType::for_status(status);
        let update = StatusUpdate::new(status, user, self.clock.now(), mail);
        // The candidate may have withdrawn it since the ownership check.
        let changed = self
            .apps
            .change_status(id, update, notification)
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
        let found = self.apps.set_notes(id, notes, self.clock.now()).await?;
        found
            .then_some(())
            .ok_or(EmployerApplicationError::NotFound)
    }

    /// The applications to one of the caller's jobs: the pipeline page (HEAD.md 10.8). Another
    /// employer's job is not found, as a missing one.
    pub async fn list_for_job(
        &self,
        user: UserId,
        job: JobId,
        order: PipelineOrder,
        paging: Paging,
    ) -> Result<Page<EmployerApplication>, JobApplicationsError> {
        let employer = self
            .employer_of(user)
            .await?
            .ok_or(JobApplicationsError::EmployerMissing)?;
        if self.apps.job_employer(job).await? != Some(employer) {
            return Err(JobApplicationsError::JobNotFound);
        }
        match order {
            // No application has a score yet: "unscored last, then newest" is newest first.
            PipelineOrder::ScoreThenNewest | PipelineOrder::Newest => {}
        }
        Ok(self
            .apps
            .list_for_employer(employer, None, Some(job), paging)
            .await?)
    }

    /// The employer's applications by channel, for the dashboard's sources widget.
    pub async fn sources(&self, user: UserId) -> Result<SourceBreakdown, EmployerApplicationError> {
        let employer = self.employer_id(user).await?;
        Ok(source_breakdown(self.apps.source_counts(employer).await?))
    }

    /// The checks the status and notes routes make before looking at the body (CONTRACT 3.7
    /// steps 2-4): employer row, application, ownership.
    pub async fn check_reviewable(
        &self,
        user: UserId,
        id: ApplicationId,
    ) -> Result<(), EmployerApplicationError> {
        self.owned_application(user, id).await.map(drop)
    }

    async fn employer_id(&self, user: UserId) -> Result<EmployerId, EmployerApplicationError> {
        self.employer_of(user)
            .await?
            .ok_or(EmployerApplicationError::EmployerMissing)
    }

    async fn employer_of(&self, user: UserId) -> Result<Option<EmployerId>, RepoError> {
        Ok(self.companies.employer_by_user(user).await?.map(|e| e.id))
    }

    pub(super) async fn owned_application(
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
