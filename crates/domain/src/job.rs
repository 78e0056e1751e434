//! Jobs: the entity and its enums, list queries, and the repository port. The use cases live in
//! [`service`] (CONTRACT 3.6, decisions 8.5, 8.6, 9.10, 9.11).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::error::RepoError;
use crate::ids::{ApplicationId, CompanyId, EmployerId, JobId, UserId};

mod service;
pub use service::*;

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $value:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The lowercase API and database value.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $value),+ }
            }

            /// Exact API value only (the reference refuses other spellings).
            pub fn parse(value: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == value)
            }
        }
    };
}

text_enum!(
    /// `job_type`; `employment_type` in the detail repeats it.
    JobType { FullTime => "full_time", PartTime => "part_time", Contract => "contract",
              Temporary => "temporary", Internship => "internship" }
);
text_enum!(
    /// `location_type`.
    LocationType { OnSite => "on_site", Remote => "remote", Hybrid => "hybrid" }
);
text_enum!(
    /// The API only creates `published`; `archived` is what deleting a job with applications
    /// leaves (8.6).
    JobStatus { Draft => "draft", Published => "published", Closed => "closed",
                Archived => "archived" }
);

/// A stored job. `applications_count` is exact: computed from the applications when read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    pub id: JobId,
    pub employer_id: EmployerId,
    pub company_id: CompanyId,
    pub fields: JobFields,
    pub status: JobStatus,
    pub is_featured: bool,
    pub views_count: i64,
    pub applications_count: i64,
    pub posted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What an employer writes on create and update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobFields {
    pub title: String,
    pub description: String,
    pub requirements: Option<String>,
    pub responsibilities: Option<String>,
    pub benefits: Option<String>,
    pub job_type: JobType,
    pub location_type: LocationType,
    pub location: Option<String>,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
}

/// The company side of a listed job.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobCompany {
    pub name: String,
    pub logo_url: Option<String>,
    pub description: Option<String>,
    pub industry: Option<String>,
    pub size: Option<String>,
}

/// A job as lists and the detail page show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobListing {
    pub job: Job,
    pub company: JobCompany,
    /// Whether the viewing candidate applied; always false for anyone else.
    pub has_applied: bool,
    /// The owner's user id and whether that account is active (deactivated employers' jobs are
    /// hidden from the public, 9.11).
    pub owner_user_id: UserId,
    pub owner_active: bool,
}

/// 1-based page and page size, already validated by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub page: i64,
    pub limit: i64,
}

impl Paging {
    pub fn offset(self) -> i64 {
        (self.page.max(1) - 1).saturating_mul(self.limit)
    }

    /// `ceil(total / limit)`, 0 when there is nothing.
    pub fn total_pages(self, total: i64) -> i64 {
        if self.limit <= 0 {
            0
        } else {
            (total + self.limit - 1) / self.limit
        }
    }
}

/// The public list: published jobs of active employers only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicJobQuery {
    pub paging: Paging,
    /// Normalised (see [`crate::search::normalize`]); matched as a substring of title,
    /// description or company name.
    pub text: Option<String>,
    /// Normalised; a substring of the location.
    pub location: Option<String>,
    pub job_type: Option<JobType>,
    pub location_type: Option<LocationType>,
    /// Keeps jobs whose `salary_min` is at least this; null salaries are then excluded.
    pub salary_min: Option<i32>,
    /// A signed-in candidate's user id, for `has_applied` (computed for the page only).
    pub viewer: Option<UserId>,
}

/// An employer's own jobs, every status except archived unless asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployerJobQuery {
    pub employer: EmployerId,
    pub paging: Paging,
    /// Normalised; title or description only.
    pub text: Option<String>,
    pub status: Option<JobStatus>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobPage {
    pub items: Vec<JobListing>,
    pub total: i64,
}

/// The notification each applicant gets when a job they applied to is archived (9.11).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobRemovalNotice {
    pub title: String,
    pub message: String,
}

/// What removing a job did (8.6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobRemoval {
    /// No applications: the row is gone.
    Deleted,
    /// Applications exist: the job is archived and each applicant was notified.
    Archived {
        notified: Vec<(UserId, ApplicationId)>,
    },
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait JobRepository: Send + Sync {
    /// One page of the public list, ordered `posted_at DESC NULLS FIRST, id DESC`, and the total.
    /// MUST run a fixed number of statements whatever the page size.
    async fn list_public(&self, query: PublicJobQuery) -> Result<JobPage, RepoError>;

    /// One page of an employer's jobs (same order), and the total. Fixed number of statements.
    async fn list_for_employer(&self, query: EmployerJobQuery) -> Result<JobPage, RepoError>;

    /// Published jobs of active employers posted at or after `since`.
    async fn count_published_since(&self, since: DateTime<Utc>) -> Result<i64, RepoError>;

    /// Inserts a published job (counters at 0, `posted_at = now`) with its search text.
    async fn create(
        &self,
        employer: EmployerId,
        company: CompanyId,
        fields: JobFields,
        now: DateTime<Utc>,
    ) -> Result<JobListing, RepoError>;

    /// Any status; `Ok(None)` when no such job.
    async fn find(&self, id: JobId) -> Result<Option<Job>, RepoError>;

    /// The job with its company, owner and `has_applied` for `viewer` (a candidate's user id).
    async fn find_listing(
        &self,
        id: JobId,
        viewer: Option<UserId>,
    ) -> Result<Option<JobListing>, RepoError>;

    /// `views_count = views_count + 1` in one statement; returns the new count, `None` if gone.
    async fn record_view(&self, id: JobId) -> Result<Option<i64>, RepoError>;

    /// Replaces the writable fields and recomputes the search text. `Ok(None)` if gone.
    async fn update(
        &self,
        id: JobId,
        fields: JobFields,
        now: DateTime<Utc>,
    ) -> Result<Option<JobListing>, RepoError>;

    /// In one write transaction: without applications the job is deleted; with applications it
    /// becomes `archived` and every applicant gets `notice` as a `system` notification that
    /// names the job and the application. `Ok(None)` when the job is gone or already archived.
    async fn remove(
        &self,
        id: JobId,
        notice: JobRemovalNotice,
        now: DateTime<Utc>,
    ) -> Result<Option<JobRemoval>, RepoError>;
}

/// Cuts a list description to 300 code points plus `...` (CONTRACT 3, Job summary).
pub fn truncate_description(text: &str) -> String {
    const MAX: usize = 300;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_owned(),
    }
}

/// `"40,000 - 60,000 EUR"` when both salaries are set and non-zero, else `None`.
pub fn salary_range(min: Option<i32>, max: Option<i32>, currency: &str) -> Option<String> {
    match (min, max) {
        (Some(lo), Some(hi)) if lo != 0 && hi != 0 => {
            Some(format!("{} - {} {currency}", thousands(lo), thousands(hi)))
        }
        _ => None,
    }
}

fn thousands(n: i32) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests;
