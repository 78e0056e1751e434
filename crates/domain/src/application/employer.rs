//! The employer's side of applications: list those to their jobs, move them through the statuses
//! (telling the candidate), keep notes. Another employer's application is refused, not hidden.

use tracing::instrument;

use super::entity::{ApplicationOwner, EmployerApplication, Page, StatusChange};
use super::error::EmployerApplicationError;
use super::notice;
use super::service::ApplicationService;
use super::status::ApplicationStatus;
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
    #[instrument(skip_all, fields(user_id = %user, application_id = %id, status = status.as_str()))]
    pub async fn change_status(
        &self,
        user: UserId,
        id: ApplicationId,
        status: ApplicationStatus,
    ) -> Result<StatusChange, EmployerApplicationError> {
        let owner = self.owned_application(user, id).await?;
        let notification = notice::status_changed(&owner, id, status);
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
        let found = self.apps.set_notes(id, notes, self.clock.now()).await?;
        found
            .then_some(())
            .ok_or(EmployerApplicationError::NotFound)
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
