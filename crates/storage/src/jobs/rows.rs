//! The job row and a listed job as selected, and their conversion into domain types.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::job::{
    Job, JobCompany, JobFields, JobListing, JobSections, JobStatus, JobSummary, JobType,
    LocationType,
};
use intowork_domain::{CompanyId, EmployerId, JobId, RepoError, UserId};

use crate::schema::jobs;
use crate::stored::parse;

#[derive(Queryable, Selectable)]
#[diesel(table_name = jobs)]
pub(crate) struct JobRow {
    pub(crate) id: i64,
    employer_id: i64,
    company_id: i64,
    title: String,
    description: String,
    requirements: Option<String>,
    responsibilities: Option<String>,
    benefits: Option<String>,
    job_type: String,
    location_type: String,
    location: Option<String>,
    salary_min: Option<i32>,
    salary_max: Option<i32>,
    currency: String,
    status: String,
    is_featured: bool,
    views_count: i64,
    posted_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    context: Option<String>,
    mission_principale: Option<String>,
    profil_formation: Option<String>,
    profil_experience: Option<String>,
    profil_competences: Option<String>,
    profil_posture: Option<String>,
    profil_autre: Option<String>,
    country: Option<String>,
    zone: Option<String>,
    language: Option<String>,
    image_key: Option<String>,
    linkedin_published_at: Option<NaiveDateTime>,
}

impl JobRow {
    pub(crate) fn into_job(self, applications_count: i64) -> Result<Job, RepoError> {
        Ok(Job {
            id: JobId(self.id),
            employer_id: EmployerId(self.employer_id),
            company_id: CompanyId(self.company_id),
            fields: JobFields {
                job_type: parse("job type", &self.job_type, JobType::parse)?,
                location_type: parse("location type", &self.location_type, LocationType::parse)?,
                title: self.title,
                description: self.description,
                requirements: self.requirements,
                responsibilities: self.responsibilities,
                benefits: self.benefits,
                location: self.location,
                salary_min: self.salary_min,
                salary_max: self.salary_max,
                currency: self.currency,
                sections: JobSections {
                    context: self.context,
                    mission_principale: self.mission_principale,
                    profil_formation: self.profil_formation,
                    profil_experience: self.profil_experience,
                    profil_competences: self.profil_competences,
                    profil_posture: self.profil_posture,
                    profil_autre: self.profil_autre,
                },
                country: self.country,
                zone: self.zone,
                language: self.language,
            },
            status: parse("job status", &self.status, JobStatus::parse)?,
            is_featured: self.is_featured,
            views_count: self.views_count,
            applications_count,
            posted_at: self.posted_at.map(|t| t.and_utc()),
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
            image_key: self.image_key,
            linkedin_published_at: self.linkedin_published_at.map(|t| t.and_utc()),
        })
    }
}

/// One listed job as selected: the job, its live application count, the company columns the API
/// shows, and the owner's user id and active flag.
pub(crate) type ListingRow = (
    JobRow,
    i64,
    (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        bool,
    ),
    (i64, bool),
);

pub(crate) fn into_listing(row: ListingRow, has_applied: bool) -> Result<JobListing, RepoError> {
    let (job, count, company, (owner, active)) = row;
    let (name, logo_url, description, industry, size, is_verified) = company;
    Ok(JobListing {
        job: job.into_job(count)?,
        company: JobCompany {
            name,
            logo_url,
            description,
            industry,
            size,
            is_verified,
        },
        has_applied,
        owner_user_id: UserId(owner),
        owner_active: active,
    })
}

/// A row of a job list as selected (the columns of [`super::source::summary_columns`]): what the
/// list shows, its description whole or cut in SQL, its sections for the owner only.
#[derive(Queryable)]
pub(crate) struct SummaryRow {
    pub(crate) id: i64,
    company_id: i64,
    title: String,
    description: String,
    job_type: String,
    location_type: String,
    location: Option<String>,
    salary_min: Option<i32>,
    salary_max: Option<i32>,
    currency: String,
    status: String,
    country: Option<String>,
    zone: Option<String>,
    language: Option<String>,
    image_key: Option<String>,
    linkedin_published_at: Option<NaiveDateTime>,
    is_featured: bool,
    views_count: i64,
    posted_at: Option<NaiveDateTime>,
    applications_count: i64,
    company_name: String,
    company_logo_url: Option<String>,
    company_is_verified: bool,
    /// Null columns in the public list (see [`super::source::RowShape`]).
    sections: SectionTexts,
}

/// The seven section columns, in the form's order.
pub(crate) type SectionTexts = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn sections((a, b, c, d, e, f, g): SectionTexts) -> JobSections {
    JobSections::from_array([a, b, c, d, e, f, g])
}

impl SummaryRow {
    /// `with_sections`: the row was selected for the owner, sections included.
    pub(crate) fn into_summary(
        self,
        has_applied: bool,
        with_sections: bool,
    ) -> Result<JobSummary, RepoError> {
        Ok(JobSummary {
            id: JobId(self.id),
            company_id: CompanyId(self.company_id),
            title: self.title,
            description: self.description,
            job_type: parse("job type", &self.job_type, JobType::parse)?,
            location_type: parse("location type", &self.location_type, LocationType::parse)?,
            location: self.location,
            salary_min: self.salary_min,
            salary_max: self.salary_max,
            currency: self.currency,
            status: parse("job status", &self.status, JobStatus::parse)?,
            country: self.country,
            zone: self.zone,
            language: self.language,
            image_key: self.image_key,
            linkedin_published_at: self.linkedin_published_at.map(|t| t.and_utc()),
            is_featured: self.is_featured,
            views_count: self.views_count,
            applications_count: self.applications_count,
            posted_at: self.posted_at.map(|t| t.and_utc()),
            company_name: self.company_name,
            company_logo_url: self.company_logo_url,
            company_is_verified: self.company_is_verified,
            sections: with_sections.then(|| sections(self.sections)),
            has_applied,
        })
    }
}
