//! The job shapes that carry the structured sections (HEAD.md 10.3): the owner's (my-jobs rows,
//! the answers to create and update, from which the edit form is filled) and the detail page's.
//! Each is the summary with more keys, described as one closed object.

use chrono::{DateTime, Utc};
use intowork_domain::job::{JobListing, JobPage, JobSections, JobSummary, Paging};
use serde::Serialize;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa::{PartialSchema, ToSchema};

use super::text::salary_range;
use super::wire::Job;
use crate::extract::PublicBase;
use crate::wire::{JobType, ser_time};

/// The seven structured sections of the current job form, null when unset.
#[derive(Serialize, ToSchema)]
pub struct JobSectionTexts {
    pub context: Option<String>,
    pub mission_principale: Option<String>,
    pub profil_formation: Option<String>,
    pub profil_experience: Option<String>,
    pub profil_competences: Option<String>,
    pub profil_posture: Option<String>,
    pub profil_autre: Option<String>,
}

impl From<JobSections> for JobSectionTexts {
    fn from(s: JobSections) -> Self {
        Self {
            context: s.context,
            mission_principale: s.mission_principale,
            profil_formation: s.profil_formation,
            profil_experience: s.profil_experience,
            profil_competences: s.profil_competences,
            profil_posture: s.profil_posture,
            profil_autre: s.profil_autre,
        }
    }
}

/// A job as its owner sees it: the summary, description whole, with the sections.
#[derive(Serialize)]
pub struct OwnJob {
    #[serde(flatten)]
    pub summary: Job,
    #[serde(flatten)]
    pub sections: JobSectionTexts,
}

impl OwnJob {
    /// A row of the owner's list (its sections loaded).
    pub fn listed(s: &JobSummary, base: &PublicBase) -> Self {
        Self {
            summary: Job::listed(s, false, base),
            sections: s.sections.clone().unwrap_or_default().into(),
        }
    }

    /// The answer to create and update.
    pub fn new(l: &JobListing, base: &PublicBase) -> Self {
        Self::listed(&l.summary(), base)
    }
}

/// The employer's own list.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnJobList {
    pub jobs: Vec<OwnJob>,
    pub total: i64,
    pub page: i64,
    pub limit: i64,
    pub total_pages: i64,
}

impl OwnJobList {
    pub fn new(page: &JobPage, paging: Paging, base: &PublicBase) -> Self {
        Self {
            jobs: page.items.iter().map(|s| OwnJob::listed(s, base)).collect(),
            total: page.total,
            page: paging.page,
            limit: paging.limit,
            total_pages: paging.total_pages(page.total),
        }
    }
}

/// The summary's fields, the sections and the detail ones.
#[derive(Serialize)]
pub struct JobDetail {
    #[serde(flatten)]
    pub job: OwnJob,
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
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
    /// Repeats `job_type`.
    pub employment_type: JobType,
    #[schema(example = "40000 - 50000 EUR")]
    pub salary_range: Option<String>,
}

impl JobDetail {
    pub fn new(l: &JobListing, base: &PublicBase) -> Self {
        let f = &l.job.fields;
        Self {
            job: OwnJob::new(l, base),
            detail: JobDetailFields {
                requirements: f.requirements.clone(),
                responsibilities: f.responsibilities.clone(),
                benefits: f.benefits.clone(),
                company_description: l.company.description.clone(),
                company_industry: l.company.industry.clone(),
                company_size: l.company.size.clone(),
                created_at: l.job.created_at,
                employment_type: f.job_type.into(),
                salary_range: salary_range(f.salary_min, f.salary_max, &f.currency),
            },
        }
    }
}

/// One closed object with every part's properties. utoipa would describe a flattened struct as
/// `allOf`, which a closed part (`additionalProperties: false`) cannot pass.
fn merged(description: &str, parts: Vec<RefOr<Schema>>) -> RefOr<Schema> {
    let mut parts = parts.into_iter();
    let Some(RefOr::T(Schema::Object(mut all))) = parts.next() else {
        // Not reached: every part derives an object schema.
        return RefOr::T(Schema::default());
    };
    for part in parts {
        if let RefOr::T(Schema::Object(more)) = part {
            all.properties.extend(more.properties);
            all.required.extend(more.required);
        }
    }
    all.description = Some(description.to_owned());
    RefOr::T(Schema::Object(all))
}

impl PartialSchema for OwnJob {
    fn schema() -> RefOr<Schema> {
        merged(
            "A job as its owner sees it: the summary, description whole, with the sections.",
            vec![Job::schema(), JobSectionTexts::schema()],
        )
    }
}

impl ToSchema for OwnJob {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        Job::schemas(schemas);
        JobSectionTexts::schemas(schemas);
    }
}

impl PartialSchema for JobDetail {
    fn schema() -> RefOr<Schema> {
        merged(
            "The summary's fields, the sections and the detail ones.",
            vec![
                Job::schema(),
                JobSectionTexts::schema(),
                JobDetailFields::schema(),
            ],
        )
    }
}

impl ToSchema for JobDetail {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        Job::schemas(schemas);
        JobSectionTexts::schemas(schemas);
        JobDetailFields::schemas(schemas);
    }
}
