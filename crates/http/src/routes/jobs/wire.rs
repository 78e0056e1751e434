//! Wire shapes of the public job list (CONTRACT 3 "Job (summary)", HEAD.md 10.3); the owner's and
//! the detail's shapes, which add the sections, are in `detail.rs`.

use chrono::{DateTime, Utc};
use intowork_domain::job::{JobPage, JobSummary, Paging};
use serde::Serialize;
use utoipa::ToSchema;

use super::text::truncate_description;
use crate::extract::PublicBase;
use crate::routes::images::image_url;
use crate::wire::{JobStatus, JobType, LocationType, ser_opt_time};

/// A job summary (the public list cuts `description`). `image_url` is absolute.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Job {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub company_name: String,
    pub company_logo_url: Option<String>,
    pub company_is_verified: bool,
    pub location: Option<String>,
    pub location_type: LocationType,
    pub job_type: JobType,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
    pub status: JobStatus,
    pub country: Option<String>,
    pub zone: Option<String>,
    pub language: Option<String>,
    #[schema(example = "https://api.example.com/api/images/jobs/3f2a9c.png")]
    pub image_url: Option<String>,
    /// Always null: LinkedIn publishing is not available.
    #[serde(serialize_with = "ser_opt_time")]
    pub linkedin_published_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "ser_opt_time")]
    pub posted_at: Option<DateTime<Utc>>,
    pub is_featured: bool,
    pub views_count: i64,
    pub applications_count: i64,
    pub has_applied: bool,
}

impl Job {
    /// A list row; `truncate` cuts the description as the public list does.
    pub fn listed(s: &JobSummary, truncate: bool, base: &PublicBase) -> Self {
        Self {
            id: s.id.get(),
            title: s.title.clone(),
            description: if truncate {
                truncate_description(&s.description)
            } else {
                s.description.clone()
            },
            company_name: s.company_name.clone(),
            company_logo_url: s.company_logo_url.clone(),
            company_is_verified: s.company_is_verified,
            location: s.location.clone(),
            location_type: s.location_type.into(),
            job_type: s.job_type.into(),
            salary_min: s.salary_min,
            salary_max: s.salary_max,
            currency: s.currency.clone(),
            status: s.status.into(),
            country: s.country.clone(),
            zone: s.zone.clone(),
            language: s.language.clone(),
            image_url: image_url(base, s.image_key.as_deref()),
            linkedin_published_at: s.linkedin_published_at,
            posted_at: s.posted_at,
            is_featured: s.is_featured,
            views_count: s.views_count,
            applications_count: s.applications_count,
            has_applied: s.has_applied,
        }
    }
}

/// The public list.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JobList {
    pub jobs: Vec<Job>,
    pub total: i64,
    pub page: i64,
    pub limit: i64,
    pub total_pages: i64,
}

impl JobList {
    /// The public list: descriptions cut, no sections.
    pub fn new(page: &JobPage, paging: Paging, base: &PublicBase) -> Self {
        Self {
            jobs: page
                .items
                .iter()
                .map(|s| Job::listed(s, true, base))
                .collect(),
            total: page.total,
            page: paging.page,
            limit: paging.limit,
            total_pages: paging.total_pages(page.total),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecentJobs {
    pub count: i64,
    pub days: i64,
}
