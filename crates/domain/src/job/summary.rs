//! A job as the lists show it: what a list row loads, and no more.

use chrono::{DateTime, Utc};

use super::entity::JobListing;
use super::kinds::{JobType, LocationType};
use crate::ids::{CompanyId, JobId};

/// How many characters (code points) of a description the public list shows (CONTRACT 3.6).
pub const LISTED_DESCRIPTION_CHARS: usize = 300;

/// A row of a job list (CONTRACT 3.6, "Job (summary)"). It holds no requirements,
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
    pub is_featured: bool,
    pub views_count: i64,
    pub applications_count: i64,
    pub posted_at: Option<DateTime<Utc>>,
    pub company_name: String,
    pub company_logo_url: Option<String>,
    /// Whether the viewing candidate applied; always false for anyone else.
    pub has_applied: bool,
}

impl JobListing {
    /// The job as a list row shows it, its description whole.
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
            is_featured: j.is_featured,
            views_count: j.views_count,
            applications_count: j.applications_count,
            posted_at: j.posted_at,
            company_name: self.company.name.clone(),
            company_logo_url: self.company.logo_url.clone(),
            has_applied: self.has_applied,
        }
    }
}
