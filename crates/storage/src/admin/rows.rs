//! Row shapes of the admin lists and their conversion into domain records.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::admin::{AdminJob, EmployerRecord};
use intowork_domain::job::JobStatus;
use intowork_domain::{EmployerId, JobId, RepoError, UserId};

use crate::stored::parse;

#[derive(Queryable)]
pub(crate) struct EmployerRecordRow {
    id: i64,
    user_id: i64,
    email: String,
    first_name: String,
    last_name: String,
    company_name: Option<String>,
    position: Option<String>,
    phone: Option<String>,
    is_active: bool,
    created_at: NaiveDateTime,
}

impl From<EmployerRecordRow> for EmployerRecord {
    fn from(r: EmployerRecordRow) -> Self {
        EmployerRecord {
            id: EmployerId(r.id),
            user_id: UserId(r.user_id),
            email: r.email,
            first_name: r.first_name,
            last_name: r.last_name,
            company_name: r.company_name,
            position: r.position,
            phone: r.phone,
            is_active: r.is_active,
            created_at: r.created_at.and_utc(),
        }
    }
}

#[derive(Queryable)]
pub(crate) struct AdminJobRow {
    id: i64,
    title: String,
    company_name: String,
    employer_email: Option<String>,
    status: String,
    location: Option<String>,
    applications_count: i64,
    created_at: NaiveDateTime,
    country: Option<String>,
    zone: Option<String>,
    language: Option<String>,
    image_key: Option<String>,
    linkedin_published_at: Option<NaiveDateTime>,
    company_is_verified: bool,
}

impl TryFrom<AdminJobRow> for AdminJob {
    type Error = RepoError;

    fn try_from(r: AdminJobRow) -> Result<Self, RepoError> {
        Ok(AdminJob {
            id: JobId(r.id),
            title: r.title,
            company_name: r.company_name,
            employer_email: r.employer_email,
            status: parse("job status", &r.status, JobStatus::parse)?,
            location: r.location,
            applications_count: r.applications_count,
            created_at: r.created_at.and_utc(),
            country: r.country,
            zone: r.zone,
            language: r.language,
            image_key: r.image_key,
            linkedin_published_at: r.linkedin_published_at.map(|t| t.and_utc()),
            company_is_verified: r.company_is_verified,
        })
    }
}
