//! Dashboards (CONTRACT 3.9): the French texts, stats and activities the frontend shows as-is,
//! built by pure functions from counts the repository computes in a fixed number of queries.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::error::RepoError;
use crate::ids::UserId;
use crate::user::User;

mod service;
mod texts;
pub use service::*;
pub use texts::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeType {
    Increase,
    Neutral,
}

impl ChangeType {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeType::Increase => "increase",
            ChangeType::Neutral => "neutral",
        }
    }

    /// `increase` when the figure is positive: the only rule the reference applies.
    fn positive(positive: bool) -> ChangeType {
        if positive {
            ChangeType::Increase
        } else {
            ChangeType::Neutral
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatColor {
    Red,
    Blue,
    Green,
    Purple,
    Gray,
    Orange,
}

impl StatColor {
    pub fn as_str(self) -> &'static str {
        match self {
            StatColor::Red => "red",
            StatColor::Blue => "blue",
            StatColor::Green => "green",
            StatColor::Purple => "purple",
            StatColor::Gray => "gray",
            StatColor::Orange => "orange",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActivityKind {
    Admin,
    Info,
    Welcome,
    JobPost,
    Application,
    Interview,
    Update,
    View,
}

impl ActivityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Admin => "admin",
            ActivityKind::Info => "info",
            ActivityKind::Welcome => "welcome",
            ActivityKind::JobPost => "job_post",
            ActivityKind::Application => "application",
            ActivityKind::Interview => "interview",
            ActivityKind::Update => "update",
            ActivityKind::View => "view",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stat {
    pub title: &'static str,
    pub value: String,
    pub change: String,
    pub change_type: ChangeType,
    pub color: StatColor,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    pub id: i64,
    pub action: &'static str,
    pub target: String,
    pub time: String,
    pub kind: ActivityKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dashboard {
    pub stats: Vec<Stat>,
    pub recent_activities: Vec<Activity>,
    pub profile_completion: i64,
}

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

/// Each method runs a fixed number of statements whatever the data size: counts and EXISTS, never
/// rows loaded to be counted (CONTRACT 5.10).
#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait DashboardRepository: Send + Sync {
    async fn admin_counts(&self) -> Result<AdminCounts, RepoError>;

    /// `Ok(None)` when the user has no employer row.
    async fn employer_facts(
        &self,
        user: UserId,
    ) -> Result<Option<EmployerDashboardFacts>, RepoError>;

    /// `Ok(None)` when the user has no candidate row.
    async fn candidate_facts(&self, user: UserId) -> Result<Option<CandidateFacts>, RepoError>;

    /// `Ok(None)` when the user has no candidate row.
    async fn profile_facts(&self, user: UserId) -> Result<Option<ProfileFacts>, RepoError>;
}

/// Python's `round`: halves go to the even neighbour (`round(12.5) == 12`, `round(37.5) == 38`).
pub fn round_half_even(x: f64) -> i64 {
    // Dashboard figures are percentages, far inside i64's range: the cast cannot saturate.
    x.round_ties_even() as i64
}

/// `round(R / N * 100)`, in that order of float operations; 0 when there is no application.
pub fn response_rate(responded: i64, total: i64) -> i64 {
    if total <= 0 {
        return 0;
    }
    let ratio = responded as f64 / total as f64;
    round_half_even(ratio * 100.0)
}

/// The completion score C: 60 points spread over seven identity fields (non-blank after
/// trimming), plus 15 for an experience, 15 for an education and 10 for a skill.
pub fn completion_score(user: &User, p: &ProfileFacts) -> i64 {
    let filled = [
        Some(user.first_name.as_str()),
        Some(user.last_name.as_str()),
        Some(user.email.as_str()),
        p.phone.as_deref(),
        p.location.as_deref(),
        p.title.as_deref(),
        p.summary.as_deref(),
    ]
    .into_iter()
    .filter(|f| f.is_some_and(|v| !v.trim().is_empty()))
    .count();
    let base = round_half_even(filled as f64 / 7.0 * 100.0 * 0.6);
    base + 15 * i64::from(p.has_experience)
        + 15 * i64::from(p.has_education)
        + 10 * i64::from(p.has_skill)
}

/// "Il y a …" since `then`, with the reference's buckets: whole days, else hours past one hour,
/// else minutes past one minute, else "À l'instant". A `then` in the future (clock skew between
/// writers) counts as now rather than as Python's negative-day oddity.
pub fn time_ago(now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    let secs = (now - then).num_seconds().max(0);
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let unit = |n: i64, word: &str| {
        let plural = if n > 1 { "s" } else { "" };
        format!("Il y a {n} {word}{plural}")
    };
    if days > 0 {
        unit(days, "jour")
    } else if rest > 3600 {
        unit(rest / 3600, "heure")
    } else if rest > 60 {
        unit(rest / 60, "minute")
    } else {
        "À l'instant".to_owned()
    }
}

#[cfg(test)]
mod tests;
