//! Applications as each side sees them, and what creating or changing one takes.

use chrono::{DateTime, Utc};

use super::status::ApplicationStatus;
use crate::email_template::TemplateType;
use crate::ids::{ApplicationId, CandidateId, CvId, EmployerId, JobId, UserId};
use crate::job::{JobType, LocationType};

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
    /// The CV the candidate picked; `None`: their newest active CV.
    pub cv: Option<CvId>,
    /// The channel of the shared link, already sanitised.
    pub source_ref: Option<String>,
    /// The candidate's user, recorded as the actor of the first `applied` in the history.
    pub actor: UserId,
    pub now: DateTime<Utc>,
    /// The template mail queued to the candidate with the application (HEAD 10.14), if any.
    pub candidate_mail: Option<TemplateType>,
}

/// What a candidate sends to apply (HEAD.md 10.5): `source_ref` as received, sanitised by the
/// service.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApplyRequest {
    pub cover_letter: Option<String>,
    pub cv: Option<CvId>,
    pub source_ref: Option<String>,
}

/// One status change as the history records it: who made it and when, by the domain's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusUpdate {
    pub status: ApplicationStatus,
    pub actor: UserId,
    pub at: DateTime<Utc>,
    /// The template mail queued to the candidate when the status does change, if any.
    pub candidate_mail: Option<TemplateType>,
}

impl StatusUpdate {
    pub fn new(
        status: ApplicationStatus,
        actor: UserId,
        at: DateTime<Utc>,
        candidate_mail: Option<TemplateType>,
    ) -> StatusUpdate {
        StatusUpdate {
            status,
            actor,
            at,
            candidate_mail,
        }
    }
}

/// An application seen from the employer-side checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationOwner {
    pub employer_id: EmployerId,
    pub job_id: JobId,
    pub job_title: String,
    pub candidate_user_id: UserId,
}

/// What a status change did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusChange {
    pub status: ApplicationStatus,
    /// False when the application already had this status (nothing written, nobody notified).
    pub changed: bool,
}

/// The order of the pipeline page's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PipelineOrder {
    /// Best AI score first, unscored ones last, then newest first.
    ScoreThenNewest,
    /// Newest first (`applied_at`, then id).
    Newest,
}
