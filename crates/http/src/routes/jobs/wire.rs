//! Wire shapes of jobs (CONTRACT 3, "Job (summary)" and "JobDetail").

use chrono::{DateTime, Utc};
use intowork_domain::job::{JobListing, JobPage, JobSummary, Paging};
use serde::Serialize;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa::{PartialSchema, ToSchema};

use super::text::{salary_range, truncate_description};
use crate::wire::{JobStatus, JobType, LocationType, ser_opt_time, ser_time};

/// A job summary (lists cut `description`).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Job {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub company_name: String,
    pub company_logo_url: Option<String>,
    pub location: Option<String>,
    pub location_type: LocationType,
    pub job_type: JobType,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
    #[serde(serialize_with = "ser_opt_time")]
    pub posted_at: Option<DateTime<Utc>>,
    pub is_featured: bool,
    pub views_count: i64,
    pub applications_count: i64,
    pub has_applied: bool,
}

impl Job {
    /// A list row; `truncate` cuts the description as the public list does.
    pub fn listed(s: &JobSummary, truncate: bool) -> Self {
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
            location: s.location.clone(),
            location_type: s.location_type.into(),
            job_type: s.job_type.into(),
            salary_min: s.salary_min,
            salary_max: s.salary_max,
            currency: s.currency.clone(),
            posted_at: s.posted_at,
            is_featured: s.is_featured,
            views_count: s.views_count,
            applications_count: s.applications_count,
            has_applied: s.has_applied,
        }
    }

    /// One job's summary, its description whole (the answers to create and update).
    pub fn new(l: &JobListing) -> Self {
        Self::listed(&l.summary(), false)
    }
}

/// The summary's fields plus the detail ones.
#[derive(Serialize)]
pub struct JobDetail {
    #[serde(flatten)]
    pub summary: Job,
    #[serde(flatten)]
    pub detail: JobDetailFields,
}

/// The fields only the detail has.
#[derive(Serialize, ToSchema)]
pub struct JobDetailFields {
    pub requirements: Option<String>,
    pub responsibilities: Option<String>,
    pub benefits: Option<String>,
    pub company_description: Option<String>,
    pub company_industry: Option<String>,
    pub company_size: Option<String>,
    pub status: JobStatus,
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
    /// Repeats `job_type`.
    pub employment_type: JobType,
    #[schema(example = "40000 - 50000 EUR")]
    pub salary_range: Option<String>,
}

impl From<&JobListing> for JobDetail {
    fn from(l: &JobListing) -> Self {
        let f = &l.job.fields;
        Self {
            summary: Job::new(l),
            detail: JobDetailFields {
                requirements: f.requirements.clone(),
                responsibilities: f.responsibilities.clone(),
                benefits: f.benefits.clone(),
                company_description: l.company.description.clone(),
                company_industry: l.company.industry.clone(),
                company_size: l.company.size.clone(),
                status: l.job.status.into(),
                created_at: l.job.created_at,
                employment_type: f.job_type.into(),
                salary_range: salary_range(f.salary_min, f.salary_max, &f.currency),
            },
        }
    }
}

/// One closed object with the summary's and the detail's properties. utoipa would describe the
/// flattened struct as `allOf`, which a closed part (`additionalProperties: false`) cannot pass.
impl PartialSchema for JobDetail {
    fn schema() -> RefOr<Schema> {
        match (Job::schema(), JobDetailFields::schema()) {
            (RefOr::T(Schema::Object(mut all)), RefOr::T(Schema::Object(detail))) => {
                all.properties.extend(detail.properties);
                all.required.extend(detail.required);
                all.description = Some("The summary's fields plus the detail ones.".to_owned());
                RefOr::T(Schema::Object(all))
            }
            // Not reached: both parts derive an object schema (closed, like `Job`).
            (summary, _) => summary,
        }
    }
}

impl ToSchema for JobDetail {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        Job::schemas(schemas);
        JobDetailFields::schemas(schemas);
    }
}

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
    pub fn new(page: &JobPage, paging: Paging, truncate: bool) -> Self {
        Self {
            jobs: page
                .items
                .iter()
                .map(|s| Job::listed(s, truncate))
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
