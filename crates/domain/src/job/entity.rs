//! A stored job, what an employer writes, and a job as the lists show it.

use chrono::{DateTime, Utc};

use super::kinds::{JobStatus, JobType, LocationType};
use super::sections::JobSections;
use crate::ids::{CompanyId, EmployerId, JobId, UserId};

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
    /// The storage key of the job's picture (`POST /api/jobs/{id}/image`); its public URL is
    /// built from it when shown.
    pub image_key: Option<String>,
    /// When the job was shared on LinkedIn: always unset until that integration exists.
    pub linkedin_published_at: Option<DateTime<Utc>>,
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
    /// The current form's structured sections (HEAD.md 10.3).
    pub sections: JobSections,
    /// Free texts as sent (the current frontend sends ISO codes such as `GA`, and `fr`); the
    /// list filters match them exactly, ignoring ASCII case.
    pub country: Option<String>,
    pub zone: Option<String>,
    pub language: Option<String>,
}

impl JobFields {
    /// The texts a search looks in after the company name: title, description, then the
    /// sections that are set.
    pub fn searched_texts(&self) -> impl Iterator<Item = &str> {
        [self.title.as_str(), self.description.as_str()]
            .into_iter()
            .chain(self.sections.texts())
    }
}

/// A job the domain decided to publish: who posts it, what it says, its status and when it went
/// live. Storage writes it as given, with its search text; counters start at 0, nothing is
/// featured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewJob {
    pub employer_id: EmployerId,
    pub company_id: CompanyId,
    pub fields: JobFields,
    pub status: JobStatus,
    pub posted_at: DateTime<Utc>,
}

/// The company side of a listed job.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobCompany {
    pub name: String,
    pub logo_url: Option<String>,
    pub description: Option<String>,
    pub industry: Option<String>,
    pub size: Option<String>,
    /// Verified by an admin (the badge next to the company name).
    pub is_verified: bool,
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
