//! Wire shapes of jobs (CONTRACT 3, "Job (summary)" and "JobDetail").

use chrono::{DateTime, Utc};
use intowork_domain::job::{JobListing, JobPage, Paging, salary_range, truncate_description};
use serde::Serialize;

use crate::dto::{ser_opt_time, ser_time};

#[derive(Serialize)]
pub struct JobDto<'a> {
    id: i64,
    title: &'a str,
    description: String,
    company_name: &'a str,
    company_logo_url: Option<&'a str>,
    location: Option<&'a str>,
    location_type: &'static str,
    job_type: &'static str,
    salary_min: Option<i32>,
    salary_max: Option<i32>,
    currency: &'a str,
    #[serde(serialize_with = "ser_opt_time")]
    posted_at: Option<DateTime<Utc>>,
    is_featured: bool,
    views_count: i64,
    applications_count: i64,
    has_applied: bool,
}

/// A job summary; `truncate` cuts the description as list endpoints do.
pub fn job_dto(l: &JobListing, truncate: bool) -> JobDto<'_> {
    let j = &l.job;
    let f = &j.fields;
    JobDto {
        id: j.id.get(),
        title: &f.title,
        description: if truncate {
            truncate_description(&f.description)
        } else {
            f.description.clone()
        },
        company_name: &l.company.name,
        company_logo_url: l.company.logo_url.as_deref(),
        location: f.location.as_deref(),
        location_type: f.location_type.as_str(),
        job_type: f.job_type.as_str(),
        salary_min: f.salary_min,
        salary_max: f.salary_max,
        currency: &f.currency,
        posted_at: j.posted_at,
        is_featured: j.is_featured,
        views_count: j.views_count,
        applications_count: j.applications_count,
        has_applied: l.has_applied,
    }
}

#[derive(Serialize)]
pub struct JobDetailDto<'a> {
    #[serde(flatten)]
    job: JobDto<'a>,
    requirements: Option<&'a str>,
    responsibilities: Option<&'a str>,
    benefits: Option<&'a str>,
    company_description: Option<&'a str>,
    company_industry: Option<&'a str>,
    company_size: Option<&'a str>,
    status: &'static str,
    #[serde(serialize_with = "ser_time")]
    created_at: DateTime<Utc>,
    employment_type: &'static str,
    salary_range: Option<String>,
}

pub fn job_detail_dto(l: &JobListing) -> JobDetailDto<'_> {
    let f = &l.job.fields;
    JobDetailDto {
        job: job_dto(l, false),
        requirements: f.requirements.as_deref(),
        responsibilities: f.responsibilities.as_deref(),
        benefits: f.benefits.as_deref(),
        company_description: l.company.description.as_deref(),
        company_industry: l.company.industry.as_deref(),
        company_size: l.company.size.as_deref(),
        status: l.job.status.as_str(),
        created_at: l.job.created_at,
        employment_type: f.job_type.as_str(),
        salary_range: salary_range(f.salary_min, f.salary_max, &f.currency),
    }
}

#[derive(Serialize)]
pub struct JobListDto<'a> {
    jobs: Vec<JobDto<'a>>,
    total: i64,
    page: i64,
    limit: i64,
    total_pages: i64,
}

pub fn job_list_dto(page: &JobPage, paging: Paging, truncate: bool) -> JobListDto<'_> {
    JobListDto {
        jobs: page.items.iter().map(|l| job_dto(l, truncate)).collect(),
        total: page.total,
        page: paging.page,
        limit: paging.limit,
        total_pages: paging.total_pages(page.total),
    }
}
