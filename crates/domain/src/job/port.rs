//! The job store.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::entity::{Job, JobFields, JobListing, NewJob};
use super::query::{EmployerJobQuery, JobPage, PublicJobFilter, PublicJobQuery};
use super::removal::{ArchiveJob, JobApplicant};
use super::summary::JobSummary;
use crate::error::RepoError;
use crate::ids::{JobId, UserId};
use crate::image::ReplacedImage;
use crate::ports::Commit;

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait JobRepository: Send + Sync {
    /// One page of the public list, ordered `posted_at DESC NULLS FIRST, id DESC`, and the total:
    /// [`JobRepository::count_public`] and [`JobRepository::page_public`] in one round trip.
    /// MUST run a fixed number of statements whatever the page size, and load no more of a
    /// description than [`JobSummary::description`] says.
    async fn list_public(&self, query: PublicJobQuery) -> Result<JobPage, RepoError>;

    /// The total of the public list for these filters.
    async fn count_public(&self, filter: PublicJobFilter) -> Result<i64, RepoError>;

    /// One page of the public list without its total, `has_applied` set for `query.viewer`.
    /// Fixed number of statements.
    async fn page_public(&self, query: PublicJobQuery) -> Result<Vec<JobSummary>, RepoError>;

    /// Those of `jobs` that the candidate behind `viewer` (a user id) applied to, in one statement.
    async fn applied_among(
        &self,
        viewer: UserId,
        jobs: Vec<JobId>,
    ) -> Result<Vec<JobId>, RepoError>;

    /// One page of an employer's jobs (same order), and the total. Fixed number of statements.
    async fn list_for_employer(&self, query: EmployerJobQuery) -> Result<JobPage, RepoError>;

    /// Published jobs of active employers posted at or after `since`.
    async fn count_published_since(&self, since: DateTime<Utc>) -> Result<i64, RepoError>;

    /// Inserts `job` as the domain decided it, with its search text (counters at 0).
    async fn create(&self, job: NewJob) -> Result<JobListing, RepoError>;

    /// Any status; `Ok(None)` when no such job.
    async fn find(&self, id: JobId) -> Result<Option<Job>, RepoError>;

    /// The job with its company, owner and `has_applied` for `viewer` (a candidate's user id).
    async fn find_listing(
        &self,
        id: JobId,
        viewer: Option<UserId>,
    ) -> Result<Option<JobListing>, RepoError>;

    /// Counts one view of `id`, whose detail was just read with `stored` views; returns the count
    /// to show (this view included), `None` if the job is gone. Concurrent views never lose an
    /// increment (D8); an adapter may write them later, in batches, and show `stored` plus the
    /// views it has not written yet.
    async fn record_view(&self, id: JobId, stored: i64) -> Result<Option<i64>, RepoError>;

    /// Replaces the writable fields and recomputes the search text. `Ok(None)` if gone.
    async fn update(
        &self,
        id: JobId,
        fields: JobFields,
        now: DateTime<Utc>,
    ) -> Result<Option<JobListing>, RepoError>;

    /// Points the job at the image stored under `key` (`updated_at = now`) and returns the key it
    /// pointed at before, in one transaction. `Ok(None)` when the job is gone. Other fields are
    /// untouched.
    async fn replace_image(
        &self,
        id: JobId,
        key: String,
        now: DateTime<Utc>,
    ) -> Result<Option<ReplacedImage>, RepoError>;

    /// The job's applications with their candidates' user ids, oldest application first.
    async fn applicants(&self, id: JobId) -> Result<Vec<JobApplicant>, RepoError>;

    /// Deletes a job nobody applied to, in one write transaction. MUST answer `NotFound` when the
    /// job is gone or archived, and `Stale` when it has an application (one arrived since the
    /// decision), deleting nothing then.
    async fn delete(&self, id: JobId) -> Result<Commit<()>, RepoError>;

    /// Commits `work` in one write transaction: the job becomes `archived` (`updated_at =
    /// work.at`) and every notification is written (`created_at = work.at`, unread). MUST answer
    /// `NotFound` when the job is gone or already archived, and `Stale` when its applications are
    /// no longer exactly `work.applications`, writing nothing then.
    async fn archive(&self, work: ArchiveJob) -> Result<Commit<()>, RepoError>;
}
