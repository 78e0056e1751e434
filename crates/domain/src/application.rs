//! Applications: the hiring workflow between candidates and employers (CONTRACT 3.7, 5.3 A2–A4,
//! 5.8 D4, D6, D7, decisions 9.1, 9.4).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::error::RepoError;
use crate::ids::{ApplicationId, CandidateId, CvId, EmployerId, JobId, UserId};
use crate::job::{JobType, LocationType, Paging};
use crate::notification::NewNotification;

mod service;
pub use service::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ApplicationStatus {
    Applied,
    Viewed,
    Shortlisted,
    Interview,
    Rejected,
    Accepted,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 6] = [
        ApplicationStatus::Applied,
        ApplicationStatus::Viewed,
        ApplicationStatus::Shortlisted,
        ApplicationStatus::Interview,
        ApplicationStatus::Rejected,
        ApplicationStatus::Accepted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Applied => "applied",
            ApplicationStatus::Viewed => "viewed",
            ApplicationStatus::Shortlisted => "shortlisted",
            ApplicationStatus::Interview => "interview",
            ApplicationStatus::Rejected => "rejected",
            ApplicationStatus::Accepted => "accepted",
        }
    }

    /// Exact API values only; a status change to anything else is a 400.
    pub fn parse(value: &str) -> Option<ApplicationStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// List filters: the frontend's `pending` means `applied`; an unknown value means no filter
    /// (CONTRACT 8.9 M10, 5.11).
    pub fn parse_filter(value: Option<&str>) -> Option<ApplicationStatus> {
        match value.map(str::trim) {
            Some("pending") => Some(ApplicationStatus::Applied),
            Some(v) => Self::parse(v),
            None => None,
        }
    }

    /// Rejected and accepted end the process (used by the CV sweep, 9.4).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Rejected | ApplicationStatus::Accepted
        )
    }

    /// The candidate's notification title for a move to this status (CONTRACT 3.7). Every move
    /// between the six statuses is allowed (9.1); the status decides the side effects only.
    pub fn notification_title(self) -> &'static str {
        match self {
            ApplicationStatus::Viewed => "👁️ Votre candidature a été vue",
            ApplicationStatus::Shortlisted => "⭐ Vous avez été présélectionné(e)",
            ApplicationStatus::Interview => "🎯 Vous êtes convoqué(e) en entretien",
            ApplicationStatus::Accepted => "🎉 Félicitations! Votre candidature a été acceptée",
            ApplicationStatus::Rejected => "❌ Votre candidature n'a pas été retenue",
            ApplicationStatus::Applied => "📬 Mise à jour de votre candidature",
        }
    }
}

/// The job summary inside a candidate's application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationJob {
    pub id: JobId,
    pub title: String,
    pub company_name: Option<String>,
    pub location: Option<String>,
    pub location_type: LocationType,
    pub job_type: JobType,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
}

/// An application as its candidate sees it: never with the employer's notes (A3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CandidateApplication {
    pub id: ApplicationId,
    pub job_id: JobId,
    pub candidate_id: CandidateId,
    pub status: ApplicationStatus,
    pub applied_at: DateTime<Utc>,
    pub job: Option<ApplicationJob>,
}

/// An application as the job's employer sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployerApplication {
    pub id: ApplicationId,
    pub job_id: JobId,
    pub job_title: String,
    pub candidate_id: CandidateId,
    pub candidate_first_name: String,
    pub candidate_last_name: String,
    pub candidate_email: String,
    pub candidate_phone: Option<String>,
    pub status: ApplicationStatus,
    pub applied_at: DateTime<Utc>,
    pub cover_letter: Option<String>,
    pub notes: Option<String>,
    /// The CV the application was made with (served by signed link even once soft-deleted).
    pub cv_id: Option<CvId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
}

/// The job a candidate applies to, if it is open to applications (published, active owner).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplyTarget {
    pub title: String,
    pub employer_user_id: UserId,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewApplication {
    pub job_id: JobId,
    pub candidate_id: CandidateId,
    pub cover_letter: Option<String>,
    pub now: DateTime<Utc>,
}

/// An application seen from the employer-side checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationOwner {
    pub employer_id: EmployerId,
    pub job_id: JobId,
    pub job_title: String,
    pub candidate_user_id: UserId,
}

#[derive(Debug, Error)]
pub enum CreateApplicationError {
    /// The job stopped accepting applications (not published any more).
    #[error("job not open")]
    JobNotFound,
    /// The unique (job, candidate) index refused a second application.
    #[error("already applied")]
    AlreadyApplied,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait ApplicationRepository: Send + Sync {
    /// `Ok(None)` unless the job is published and its employer active.
    async fn apply_target(&self, job: JobId) -> Result<Option<ApplyTarget>, RepoError>;

    /// In ONE write transaction: re-checks the job is published, inserts the application with the
    /// candidate's current CV (newest active) and writes `notification` linked to the new
    /// application. MUST return `AlreadyApplied` when the candidate already applied, including
    /// when a concurrent request won (the unique index decides); nothing is written then.
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

    /// In one write transaction: moves to `status` unless it already is (then `Ok(Some(false))`
    /// and nothing is written, notification included); sets `viewed_at` the first time the status
    /// leaves `applied`; writes `notification`. `Ok(None)` when the application no longer exists.
    async fn change_status(
        &self,
        id: ApplicationId,
        status: ApplicationStatus,
        notification: NewNotification,
        now: DateTime<Utc>,
    ) -> Result<Option<bool>, RepoError>;

    /// `Ok(false)` when the application no longer exists.
    async fn set_notes(
        &self,
        id: ApplicationId,
        notes: String,
        now: DateTime<Utc>,
    ) -> Result<bool, RepoError>;
}

#[cfg(test)]
mod tests;
