//! Row shapes of the application lists (joined selects) and their conversion into domain views.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::application::{
    ApplicationJob, ApplicationStatus, CandidateApplication, EmployerApplication,
};
use intowork_domain::job::{JobType, LocationType};
use intowork_domain::{ApplicationId, CandidateId, CvId, JobId, RepoError};

use crate::schema::{candidates, companies, job_applications, jobs, users};
use crate::stored::{columns, parse};

fn status(value: &str) -> Result<ApplicationStatus, RepoError> {
    parse("application status", value, ApplicationStatus::parse)
}

columns!(
    /// An application as its candidate sees it, with its job and company: [`CandidateRow`].
    CANDIDATE_COLUMNS: CandidateColumns = (
        job_applications::id,
        job_applications::job_id,
        job_applications::candidate_id,
        job_applications::status,
        job_applications::applied_at,
        jobs::title,
        companies::name,
        jobs::location,
        jobs::location_type,
        jobs::job_type,
        jobs::salary_min,
        jobs::salary_max,
        jobs::currency,
    )
);

#[derive(Queryable)]
pub(crate) struct CandidateRow {
    id: i64,
    job_id: i64,
    candidate_id: i64,
    status: String,
    applied_at: NaiveDateTime,
    title: String,
    company_name: String,
    location: Option<String>,
    location_type: String,
    job_type: String,
    salary_min: Option<i32>,
    salary_max: Option<i32>,
    currency: String,
}

impl TryFrom<CandidateRow> for CandidateApplication {
    type Error = RepoError;

    fn try_from(r: CandidateRow) -> Result<Self, RepoError> {
        Ok(CandidateApplication {
            id: ApplicationId(r.id),
            job_id: JobId(r.job_id),
            candidate_id: CandidateId(r.candidate_id),
            status: status(&r.status)?,
            applied_at: r.applied_at.and_utc(),
            job: Some(ApplicationJob {
                id: JobId(r.job_id),
                title: r.title,
                company_name: Some(r.company_name),
                location: r.location,
                location_type: parse("location type", &r.location_type, LocationType::parse)?,
                job_type: parse("job type", &r.job_type, JobType::parse)?,
                salary_min: r.salary_min,
                salary_max: r.salary_max,
                currency: r.currency,
            }),
        })
    }
}

columns!(
    /// An application as the employer sees it, with its candidate: [`EmployerRow`].
    EMPLOYER_COLUMNS: EmployerColumns = (
        job_applications::id,
        job_applications::job_id,
        jobs::title,
        job_applications::candidate_id,
        users::first_name,
        users::last_name,
        users::email,
        candidates::phone,
        job_applications::status,
        job_applications::applied_at,
        job_applications::cover_letter,
        job_applications::notes,
        job_applications::cv_id,
    )
);

#[derive(Queryable)]
pub(crate) struct EmployerRow {
    id: i64,
    job_id: i64,
    job_title: String,
    candidate_id: i64,
    first_name: String,
    last_name: String,
    email: String,
    phone: Option<String>,
    status: String,
    applied_at: NaiveDateTime,
    cover_letter: Option<String>,
    notes: Option<String>,
    cv_id: Option<i64>,
}

impl TryFrom<EmployerRow> for EmployerApplication {
    type Error = RepoError;

    fn try_from(r: EmployerRow) -> Result<Self, RepoError> {
        Ok(EmployerApplication {
            id: ApplicationId(r.id),
            job_id: JobId(r.job_id),
            job_title: r.job_title,
            candidate_id: CandidateId(r.candidate_id),
            candidate_first_name: r.first_name,
            candidate_last_name: r.last_name,
            candidate_email: r.email,
            candidate_phone: r.phone,
            status: status(&r.status)?,
            applied_at: r.applied_at.and_utc(),
            cover_letter: r.cover_letter,
            notes: r.notes,
            cv_id: r.cv_id.map(CvId),
        })
    }
}

/// Converts every row; the first corrupt one fails the list.
pub(crate) fn convert_all<R, T>(rows: Vec<R>) -> Result<Vec<T>, RepoError>
where
    R: TryInto<T, Error = RepoError>,
{
    rows.into_iter().map(TryInto::try_into).collect()
}
