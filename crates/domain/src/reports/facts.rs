//! What the report repository reads, beyond the dashboard's figures and the admin statistics the
//! reports reuse.

use chrono::{DateTime, Utc};

use crate::application::ApplicationStatus;
use crate::job::JobStatus;

/// One of the candidate's applications.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationLine {
    pub job_title: String,
    pub company: String,
    pub status: ApplicationStatus,
    pub applied_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillLine {
    pub name: String,
    /// `technical`, `soft`, `language`, …
    pub category: String,
    pub level: i32,
}

/// An experience or an education: what, where, from and to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodLine {
    pub what: String,
    pub place: String,
    pub start: String,
    pub end: Option<String>,
}

/// The candidate's profile and applications, in a fixed number of statements.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CandidateDetails {
    pub title: Option<String>,
    pub location: Option<String>,
    pub skills: Vec<SkillLine>,
    pub experiences: Vec<PeriodLine>,
    pub educations: Vec<PeriodLine>,
    /// Newest first, at most the limit asked for.
    pub applications: Vec<ApplicationLine>,
    /// All of them, listed or not.
    pub applications_total: i64,
}

/// One of the employer's jobs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobLine {
    pub title: String,
    pub status: JobStatus,
    pub applications: i64,
    pub posted_at: Option<DateTime<Utc>>,
}

/// The employer's company and jobs, in a fixed number of statements.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmployerDetails {
    pub company_name: String,
    pub industry: Option<String>,
    pub size: Option<String>,
    /// Newest first, at most the limit asked for.
    pub jobs: Vec<JobLine>,
    pub jobs_total: i64,
    /// Applications to the employer's jobs by their current status (statuses without any left
    /// out).
    pub by_status: Vec<(ApplicationStatus, i64)>,
}
