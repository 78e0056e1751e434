//! The figures the repository computes for each dashboard variant.

use chrono::{DateTime, Utc};

/// Platform totals for the admin dashboard.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AdminCounts {
    pub users: i64,
    pub jobs: i64,
    pub applications: i64,
}

/// The newest item of a kind: the job title shown as the activity's target, and its timestamp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Latest {
    pub job_title: String,
    pub at: DateTime<Utc>,
}

/// What an employer with a company sees (CONTRACT 3.9 "Employer with company").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmployerFacts {
    /// A: the employer's published jobs.
    pub published_jobs: i64,
    /// N: applications to the employer's jobs.
    pub applications: i64,
    /// I: those in `interview`.
    pub interviews: i64,
    /// R: those past `applied` (viewed, shortlisted, interview, accepted, rejected).
    pub responded: i64,
    /// The newest job (by `created_at`), archived ones excluded: the employer deleted those.
    pub latest_job: Option<Latest>,
    /// The newest application (by `applied_at`) to one of the employer's jobs.
    pub latest_application: Option<Latest>,
    /// The most recently updated application in `interview`.
    pub latest_interview: Option<Latest>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmployerDashboardFacts {
    NoCompany,
    WithCompany(EmployerFacts),
}

/// The candidate fields the completion score reads, and whether each kind of profile item exists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileFacts {
    pub phone: Option<String>,
    pub location: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub has_experience: bool,
    pub has_education: bool,
    pub has_skill: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CandidateFacts {
    pub profile: ProfileFacts,
    /// The candidate's own applications.
    pub applications: i64,
    /// Published jobs the public list shows (active employers only).
    pub published_jobs: i64,
    /// The candidate's applications in `interview`.
    pub interviews: i64,
    /// The newest application (by `applied_at`) and its job's title.
    pub latest_application: Option<Latest>,
}
