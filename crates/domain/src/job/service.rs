//! Job use cases: public search, the employer's own list, create, update, delete (archive) and the
//! detail view. Ownership is decided here: another employer's job is "not found" (CONTRACT A6).

use std::sync::Arc;

use chrono::Duration;
use thiserror::Error;
use tracing::{info, instrument};

use super::{
    EmployerJobQuery, Job, JobFields, JobListing, JobPage, JobRemoval, JobRemovalNotice,
    JobRepository, JobStatus, JobType, LocationType, Paging, PublicJobQuery,
};
use crate::company::{CompanyRepository, Employer};
use crate::error::RepoError;
use crate::ids::JobId;
use crate::ports::Clock;
use crate::search;
use crate::user::{Role, User};

/// Title of the notification applicants get when a job is archived (9.11).
pub const JOB_ARCHIVED_TITLE: &str = "Offre retirée";

/// `L'offre « {title} » a été retirée par le recruteur.`
pub fn job_archived_message(title: &str) -> String {
    format!("L'offre « {title} » a été retirée par le recruteur.")
}

/// Raw public-list filters as the client sent them; unknown enum values are ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicJobSearch {
    pub paging: Paging,
    pub search: Option<String>,
    pub location: Option<String>,
    pub job_type: Option<String>,
    pub location_type: Option<String>,
    /// `0` means no filter.
    pub salary_min: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MyJobsSearch {
    pub paging: Paging,
    pub search: Option<String>,
    /// An unknown value is ignored.
    pub status: Option<String>,
}

/// Create: every field as sent; the enums are checked here, in the reference's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateJobCommand {
    pub title: String,
    pub description: String,
    pub location: Option<String>,
    pub location_type: String,
    pub job_type: String,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
    pub requirements: Option<String>,
    pub responsibilities: Option<String>,
    pub benefits: Option<String>,
}

/// Update: required fields as on create; for the optional ones `None` keeps the stored value and
/// `Some(None)` clears it (the frontend omits fields it does not edit, D2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdateJobCommand {
    pub title: String,
    pub description: String,
    pub location_type: String,
    pub job_type: String,
    pub currency: String,
    pub location: Option<Option<String>>,
    pub salary_min: Option<Option<i32>>,
    pub salary_max: Option<Option<i32>>,
    pub requirements: Option<Option<String>>,
    pub responsibilities: Option<Option<String>>,
    pub benefits: Option<Option<String>>,
}

#[derive(Debug, Error)]
pub enum MyJobsError {
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum CreateJobError {
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error("no company attached")]
    CompanyNotFound,
    #[error("invalid location type: {0}")]
    InvalidLocationType(String),
    #[error("invalid job type: {0}")]
    InvalidJobType(String),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum UpdateJobError {
    /// Missing, or not the caller's.
    #[error("job not found")]
    NotFound,
    #[error("invalid location type: {0}")]
    InvalidLocationType(String),
    #[error("invalid job type: {0}")]
    InvalidJobType(String),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum DeleteJobError {
    /// Missing, already archived, or not the caller's.
    #[error("job not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum ViewJobError {
    #[error("job not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

/// An enum value the client sent that is not one of ours.
enum BadEnum {
    Location(String),
    Job(String),
}

fn parse_enums(location_type: &str, job_type: &str) -> Result<(LocationType, JobType), BadEnum> {
    // Same order as the reference: the location type is reported first.
    let lt = LocationType::parse(location_type)
        .ok_or_else(|| BadEnum::Location(location_type.to_owned()))?;
    let jt = JobType::parse(job_type).ok_or_else(|| BadEnum::Job(job_type.to_owned()))?;
    Ok((lt, jt))
}

impl From<BadEnum> for CreateJobError {
    fn from(e: BadEnum) -> Self {
        match e {
            BadEnum::Location(v) => CreateJobError::InvalidLocationType(v),
            BadEnum::Job(v) => CreateJobError::InvalidJobType(v),
        }
    }
}

impl From<BadEnum> for UpdateJobError {
    fn from(e: BadEnum) -> Self {
        match e {
            BadEnum::Location(v) => UpdateJobError::InvalidLocationType(v),
            BadEnum::Job(v) => UpdateJobError::InvalidJobType(v),
        }
    }
}

pub struct JobService {
    jobs: Arc<dyn JobRepository>,
    companies: Arc<dyn CompanyRepository>,
    clock: Arc<dyn Clock>,
}

impl JobService {
    pub fn new(
        jobs: Arc<dyn JobRepository>,
        companies: Arc<dyn CompanyRepository>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            jobs,
            companies,
            clock,
        }
    }

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
            job_type: s.job_type.as_deref().and_then(JobType::parse),
            location_type: s.location_type.as_deref().and_then(LocationType::parse),
            salary_min: s.salary_min.filter(|v| *v != 0),
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
            status: s.status.as_deref().and_then(JobStatus::parse),
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
        let employer = self
            .employer(user)
            .await?
            .ok_or(CreateJobError::EmployerNotFound)?;
        let company = employer.company_id.ok_or(CreateJobError::CompanyNotFound)?;
        let (location_type, job_type) = parse_enums(&cmd.location_type, &cmd.job_type)?;
        let fields = JobFields {
            title: cmd.title,
            description: cmd.description,
            requirements: cmd.requirements,
            responsibilities: cmd.responsibilities,
            benefits: cmd.benefits,
            job_type,
            location_type,
            location: cmd.location,
            salary_min: cmd.salary_min,
            salary_max: cmd.salary_max,
            currency: cmd.currency,
        };
        let listing = self
            .jobs
            .create(employer.id, company, fields, self.clock.now())
            .await?;
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
        let (location_type, job_type) = parse_enums(&cmd.location_type, &cmd.job_type)?;
        let old = job.fields;
        let fields = JobFields {
            title: cmd.title,
            description: cmd.description,
            requirements: cmd.requirements.unwrap_or(old.requirements),
            responsibilities: cmd.responsibilities.unwrap_or(old.responsibilities),
            benefits: cmd.benefits.unwrap_or(old.benefits),
            job_type,
            location_type,
            location: cmd.location.unwrap_or(old.location),
            salary_min: cmd.salary_min.unwrap_or(old.salary_min),
            salary_max: cmd.salary_max.unwrap_or(old.salary_max),
            currency: cmd.currency,
        };
        self.jobs
            .update(id, fields, self.clock.now())
            .await?
            .ok_or(UpdateJobError::NotFound)
    }

    /// Deletes the job, or archives it when candidates applied (8.6, 9.11). An archived job is
    /// already gone as far as deleting is concerned: a second delete is 404.
    #[instrument(skip_all, fields(user_id = %user.id, job_id = %id))]
    pub async fn delete(&self, user: &User, id: JobId) -> Result<JobRemoval, DeleteJobError> {
        let job = self
            .owned_job(user, id)
            .await?
            .filter(|j| j.status != JobStatus::Archived)
            .ok_or(DeleteJobError::NotFound)?;
        let notice = JobRemovalNotice {
            title: JOB_ARCHIVED_TITLE.to_owned(),
            message: job_archived_message(&job.fields.title),
        };
        let removal = self
            .jobs
            .remove(id, notice, self.clock.now())
            .await?
            .ok_or(DeleteJobError::NotFound)?;
        match &removal {
            JobRemoval::Deleted => info!("job deleted"),
            JobRemoval::Archived { notified } => {
                info!(applicants = notified.len(), "job archived")
            }
        }
        Ok(removal)
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
            .record_view(id)
            .await?
            .ok_or(ViewJobError::NotFound)?;
        Ok(listing)
    }

    async fn employer(&self, user: &User) -> Result<Option<Employer>, RepoError> {
        self.companies.employer_by_user(user.id).await
    }

    /// The job if it belongs to the caller's employer profile; `None` otherwise.
    async fn owned_job(&self, user: &User, id: JobId) -> Result<Option<Job>, RepoError> {
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
fn candidate_viewer(viewer: Option<&User>) -> Option<crate::ids::UserId> {
    viewer.filter(|u| u.role == Role::Candidate).map(|u| u.id)
}
