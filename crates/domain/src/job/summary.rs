//! A job as the lists show it: what a list row loads, and no more.

use chrono::{DateTime, Utc};

use super::entity::JobListing;
use super::kinds::{JobStatus, JobType, LocationType};
use super::sections::JobSections;
use crate::ids::{CompanyId, JobId};

/// How many characters (code points) of a description the public list shows (CONTRACT 3.6).
pub const LISTED_DESCRIPTION_CHARS: usize = 300;

/// A row of a job list (CONTRACT 3.6, "Job (summary)"; HEAD.md 10.3). It holds no requirements,
/// responsibilities, benefits or company texts: those are the detail's, and a list that loaded
/// them would hold (and a cache would keep) every long text of every job on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobSummary {
    pub id: JobId,
    /// Which company's changes make the row stale.
    pub company_id: CompanyId,
    pub title: String,
    /// Whole in an employer's own list. In the public list at most
    /// [`LISTED_DESCRIPTION_CHARS`]` + 1` characters: the one more than is shown tells the
    /// presenter that the text goes on.
    pub description: String,
    pub job_type: JobType,
    pub location_type: LocationType,
    pub location: Option<String>,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
    pub status: JobStatus,
    pub country: Option<String>,
    pub zone: Option<String>,
    pub language: Option<String>,
    /// The picture's storage key (the presenter builds its URL).
    pub image_key: Option<String>,
    pub linkedin_published_at: Option<DateTime<Utc>>,
    pub is_featured: bool,
    pub views_count: i64,
    pub applications_count: i64,
    pub posted_at: Option<DateTime<Utc>>,
    pub company_name: String,
    pub company_logo_url: Option<String>,
    pub company_is_verified: bool,
    /// Loaded for the owner's own list only (its edit form is filled from it); `None` in the
    /// public list, which never loads them.
    pub sections: Option<JobSections>,
    /// Whether the viewing candidate applied; always false for anyone else.
    pub has_applied: bool,
}

impl JobListing {
    /// The job as its owner's list shows it: the description whole, the sections loaded.
    pub fn summary(&self) -> JobSummary {
        let j = &self.job;
        let f = &j.fields;
        JobSummary {
            id: j.id,
            company_id: j.company_id,
            title: f.title.clone(),
            description: f.description.clone(),
            job_type: f.job_type,
            location_type: f.location_type,
            location: f.location.clone(),
            salary_min: f.salary_min,
            salary_max: f.salary_max,
            currency: f.currency.clone(),
            status: j.status,
            country: f.country.clone(),
            zone: f.zone.clone(),
            language: f.language.clone(),
            image_key: j.image_key.clone(),
            linkedin_published_at: j.linkedin_published_at,
            is_featured: j.is_featured,
            views_count: j.views_count,
            applications_count: j.applications_count,
            posted_at: j.posted_at,
            company_name: self.company.name.clone(),
            company_logo_url: self.company.logo_url.clone(),
            company_is_verified: self.company.is_verified,
            sections: Some(f.sections.clone()),
            has_applied: self.has_applied,
        }
    }
}
