//! The application repository port.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::entity::{
    ApplicationOwner, ApplyTarget, CandidateApplication, EmployerApplication, NewApplication, Page,
    StatusUpdate,
};
use super::error::CreateApplicationError;
use super::message::QuickMessage;
use super::status::ApplicationStatus;
use crate::error::RepoError;
use crate::ids::{ApplicationId, CandidateId, EmployerId, JobId};
use crate::job::Paging;
use crate::notification::NewNotification;

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait ApplicationRepository: Send + Sync {
    /// `Ok(None)` unless the job is published and its employer active.
    async fn apply_target(&self, job: JobId) -> Result<Option<ApplyTarget>, RepoError>;

    /// In ONE write transaction: re-checks the job is published, inserts the application with
    /// `new.cv` or, without one, the candidate's current CV (newest active), its `source_ref`,
    /// its first history row (`None` → `applied` by `new.actor` at `new.now`) and writes
    /// `notification` linked to the new application. MUST return `AlreadyApplied` when the
    /// candidate already applied, including when a concurrent request won (the unique index
    /// decides), and otherwise `InvalidCv` when `new.cv` is not one of the candidate's active
    /// CVs at that moment; nothing is written then.
    async fn create(
        &self,
        new: NewApplication,
        notification: NewNotification,
    ) -> Result<CandidateApplication, CreateApplicationError>;

    /// Newest first (`applied_at DESC, id DESC`), one page.
    async fn list_for_candidate(
        &self,
        candidate: CandidateId,
        status: Option<ApplicationStatus>,
        paging: Paging,
    ) -> Result<Page<CandidateApplication>, RepoError>;

    async fn find_for_candidate(
        &self,
        candidate: CandidateId,
        id: ApplicationId,
    ) -> Result<Option<CandidateApplication>, RepoError>;

    /// Deletes the candidate's application if its status is still `applied` (its notifications
    /// go with it). `Ok(false)` otherwise.
    async fn withdraw(&self, candidate: CandidateId, id: ApplicationId) -> Result<bool, RepoError>;

    /// Applications to the employer's own jobs (archived ones included), newest first.
    async fn list_for_employer(
        &self,
        employer: EmployerId,
        status: Option<ApplicationStatus>,
        job: Option<JobId>,
        paging: Paging,
    ) -> Result<Page<EmployerApplication>, RepoError>;

    async fn owner_of(&self, id: ApplicationId) -> Result<Option<ApplicationOwner>, RepoError>;

    /// In one write transaction: moves to `update.status` unless it already is (then
    /// `Ok(Some(false))` and nothing is written, notification and history included); sets
    /// `viewed_at` the first time the status leaves `applied`; appends the history row (previous
    /// status → new, `update.actor`, `update.at`); writes `notification`. `Ok(None)` when the
    /// application no longer exists.
    async fn change_status(
        &self,
        id: ApplicationId,
        update: StatusUpdate,
        notification: NewNotification,
    ) -> Result<Option<bool>, RepoError>;

    /// In one write transaction: [`Self::change_status`] with `update` and `notification` (nothing
    /// of it when the status is already `update.status`), then `message` queued to the
    /// application's candidate. `Ok(Some(changed))`; `Ok(None)`, nothing written, when the
    /// application no longer exists.
    async fn quick_message(
        &self,
        id: ApplicationId,
        update: StatusUpdate,
        notification: NewNotification,
        message: QuickMessage,
    ) -> Result<Option<bool>, RepoError>;

    /// `Ok(false)` when the application no longer exists.
    async fn set_notes(
        &self,
        id: ApplicationId,
        notes: String,
        now: DateTime<Utc>,
    ) -> Result<bool, RepoError>;

    /// The employer of `job`, whatever its status; `Ok(None)` when there is no such job.
    async fn job_employer(&self, job: JobId) -> Result<Option<EmployerId>, RepoError>;

    /// How many of the employer's applications came through each channel (`None`: none
    /// recorded), in one statement.
    async fn source_counts(
        &self,
        employer: EmployerId,
    ) -> Result<Vec<(Option<String>, i64)>, RepoError>;
}
