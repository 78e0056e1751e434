//! Job use cases: public search, the employer's own list, create, update, delete (archive) and the
//! detail view (the picture upload is in `image.rs`). Ownership is decided here: another
//! employer's job is "not found" (CONTRACT A6).

use std::sync::Arc;

use chrono::Duration;
use derive_new::new;
use tracing::{info, instrument};

use super::commands::{CreateJobCommand, MyJobsSearch, PublicJobSearch, UpdateJobCommand};
use super::entity::{Job, JobListing, NewJob};
use super::errors::{CreateJobError, DeleteJobError, MyJobsError, UpdateJobError, ViewJobError};
use super::kinds::JobStatus;
use super::port::JobRepository;
use super::query::{CodeMatch, EmployerJobQuery, JobPage, PublicJobQuery};
use super::removal::{JobRemoval, JobRemovalPlan};
use crate::company::{CompanyRepository, Employer};
use crate::error::RepoError;
use crate::ids::{CompanyId, EmployerId, JobId, UserId};
use crate::image::ImageStore;
use crate::ports::{Clock, Commit, DECISION_ATTEMPTS, facts_kept_changing};
use crate::search;
use crate::user::{Role, User};

#[derive(new)]
pub struct JobService {
    pub(super) jobs: Arc<dyn JobRepository>,
    companies: Arc<dyn CompanyRepository>,
    pub(super) clock: Arc<dyn Clock>,
    /// Job pictures: written on upload, removed when replaced or when the job is deleted.
    pub(super) images: ImageStore,
}

impl JobService {
    /// The public list. `has_applied` is only computed for a signed-in candidate.
    #[instrument(skip_all)]
    pub async fn list_public(
        &self,
        viewer: Option<&User>,
        s: PublicJobSearch,
    ) -> Result<JobPage, RepoError> {
        let query = PublicJobQuery {
            paging: s.paging,
            text: search::query(s.search.as_deref()),
            location: search::query(s.location.as_deref()),
            job_type: s.job_type,
            location_type: s.location_type,
            salary_min: s.salary_min.filter(|v| *v != 0),
            codes: CodeMatch::new(s.codes),
            viewer: candidate_viewer(viewer),
        };
        self.jobs.list_public(query).await
    }

    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn list_mine(&self, user: &User, s: MyJobsSearch) -> Result<JobPage, MyJobsError> {
        let employer = self
            .employer(user)
            .await?
            .ok_or(MyJobsError::EmployerNotFound)?;
        let query = EmployerJobQuery {
            employer: employer.id,
            paging: s.paging,
            text: search::query(s.search.as_deref()),
            status: s.status,
            codes: CodeMatch::new(s.codes),
        };
        Ok(self.jobs.list_for_employer(query).await?)
    }

    /// Published jobs posted in the last `days` days.
    #[instrument(skip_all, fields(days))]
    pub async fn count_recent(&self, days: i64) -> Result<i64, RepoError> {
        let since = self.clock.now() - Duration::days(days);
        self.jobs.count_published_since(since).await
    }

    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn create(
        &self,
        user: &User,
        cmd: CreateJobCommand,
    ) -> Result<JobListing, CreateJobError> {
        let (employer, company) = self.posting_target(user).await?;
        // Published at once (CONTRACT 3.6): the API has no drafts.
        let job = NewJob {
            employer_id: employer,
            company_id: company,
            fields: cmd.fields,
            status: JobStatus::Published,
            posted_at: self.clock.now(),
        };
        let listing = self.jobs.create(job).await?;
        info!(job_id = %listing.job.id, "job created");
        Ok(listing)
    }

    #[instrument(skip_all, fields(user_id = %user.id, job_id = %id))]
    pub async fn update(
        &self,
        user: &User,
        id: JobId,
        cmd: UpdateJobCommand,
    ) -> Result<JobListing, UpdateJobError> {
        let job = self
            .owned_job(user, id)
            .await?
            .ok_or(UpdateJobError::NotFound)?;
        let fields = cmd.apply(job.fields);
        self.jobs
            .update(id, fields, self.clock.now())
            .await?
            .ok_or(UpdateJobError::NotFound)
    }

    /// Deletes the job, or archives it when candidates applied (8.6, 9.11). An archived job is
    /// already gone as far as deleting is concerned: a second delete is 404. The decision is made
    /// from the job's applications as read; when one arrives before the commit, the commit is
    /// refused and the decision made again.
    #[instrument(skip_all, fields(user_id = %user.id, job_id = %id))]
    pub async fn delete(&self, user: &User, id: JobId) -> Result<JobRemoval, DeleteJobError> {
        let job = self
            .owned_job(user, id)
            .await?
            .filter(|j| j.status != JobStatus::Archived)
            .ok_or(DeleteJobError::NotFound)?;
        for _ in 0..DECISION_ATTEMPTS {
            let applicants = self.jobs.applicants(id).await?;
            let plan = JobRemovalPlan::decide(&job, &applicants, self.clock.now());
            let commit = match &plan {
                JobRemovalPlan::Delete(id) => self.jobs.delete(*id).await?,
                JobRemovalPlan::Archive(work) => self.jobs.archive(work.clone()).await?,
            };
            match commit {
                Commit::Done(()) => {
                    let removal = plan.outcome();
                    match &removal {
                        JobRemoval::Deleted => {
                            info!("job deleted");
                            // An archived job keeps its picture: its owner still sees it.
                            if let Some(key) = &job.image_key {
                                self.images.discard(key).await;
                            }
                        }
                        JobRemoval::Archived { notified } => {
                            info!(applicants = notified.len(), "job archived")
                        }
                    }
                    return Ok(removal);
                }
                Commit::NotFound => return Err(DeleteJobError::NotFound),
                Commit::Stale => info!("applications changed meanwhile; deciding again"),
            }
        }
        Err(facts_kept_changing().into())
    }

    /// The detail page: published jobs of active employers for everyone; the owner also sees
    /// their other jobs (drafts, closed, archived). Each view counts, atomically.
    #[instrument(skip_all, fields(job_id = %id))]
    pub async fn view(&self, viewer: Option<&User>, id: JobId) -> Result<JobListing, ViewJobError> {
        let mut listing = self
            .jobs
            .find_listing(id, candidate_viewer(viewer))
            .await?
            .ok_or(ViewJobError::NotFound)?;
        let public = listing.job.status == JobStatus::Published && listing.owner_active;
        let owner = viewer.is_some_and(|u| u.id == listing.owner_user_id);
        if !public && !owner {
            return Err(ViewJobError::NotFound);
        }
        listing.job.views_count = self
            .jobs
            .record_view(id, listing.job.views_count)
            .await?
            .ok_or(ViewJobError::NotFound)?;
        Ok(listing)
    }

    /// Create's checks on their own (CONTRACT 3.6): an employer row, then a company attached. The
    /// caller runs them before reporting a job or location type it could not parse.
    pub async fn check_can_post(&self, user: &User) -> Result<(), CreateJobError> {
        self.posting_target(user).await.map(drop)
    }

    /// Update's checks on their own: the job exists and is the caller's (else "not found", A6).
    /// The caller runs them before reporting a job or location type it could not parse.
    pub async fn check_editable(&self, user: &User, id: JobId) -> Result<(), UpdateJobError> {
        match self.owned_job(user, id).await? {
            Some(_) => Ok(()),
            None => Err(UpdateJobError::NotFound),
        }
    }

    /// The employer a new job is posted under, and its company.
    async fn posting_target(&self, user: &User) -> Result<(EmployerId, CompanyId), CreateJobError> {
        let employer = self
            .employer(user)
            .await?
            .ok_or(CreateJobError::EmployerNotFound)?;
        let company = employer.company_id.ok_or(CreateJobError::CompanyNotFound)?;
        Ok((employer.id, company))
    }

    async fn employer(&self, user: &User) -> Result<Option<Employer>, RepoError> {
        self.companies.employer_by_user(user.id).await
    }

    /// The job if it belongs to the caller's employer profile; `None` otherwise.
    pub(super) async fn owned_job(&self, user: &User, id: JobId) -> Result<Option<Job>, RepoError> {
        let Some(employer) = self.employer(user).await? else {
            return Ok(None);
        };
        Ok(self
            .jobs
            .find(id)
            .await?
            .filter(|j| j.employer_id == employer.id))
    }
}

/// `has_applied` only means something for candidates.
fn candidate_viewer(viewer: Option<&User>) -> Option<UserId> {
    viewer.filter(|u| u.role == Role::Candidate).map(|u| u.id)
}
