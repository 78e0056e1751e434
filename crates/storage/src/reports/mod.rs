//! `ReportRepository` over diesel: the lists of the PDF reports, each in a fixed number of
//! statements whatever the number of rows (the figures come from the dashboard's queries).

use async_trait::async_trait;
use chrono::NaiveDateTime;
use diesel::dsl::count_star;
use diesel::prelude::*;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::job::JobStatus;
use intowork_domain::reports::{
    ApplicationLine, CandidateDetails, EmployerDetails, JobLine, PeriodLine, ReportRepository,
    SkillLine,
};
use intowork_domain::{RepoError, UserId};

use crate::conn::DbConn;
use crate::database::Database;
use crate::error::map_db_error;
use crate::jobs::applications_count;
use crate::schema::{
    candidates, companies, educations, employers, experiences, job_applications, jobs, skills,
};

#[derive(Clone, Debug)]
pub struct DieselReportRepository {
    db: Database,
}

impl DieselReportRepository {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

fn corrupt(what: &str, value: &str) -> diesel::result::Error {
    diesel::result::Error::DeserializationError(format!("unknown {what} {value:?}").into())
}

fn application_status(s: &str) -> QueryResult<ApplicationStatus> {
    ApplicationStatus::parse(s).ok_or_else(|| corrupt("application status", s))
}

/// Six statements: the profile, its three lists, the applications and their total.
fn candidate_details(
    conn: &mut DbConn,
    user: i64,
    max_rows: i64,
) -> QueryResult<Option<CandidateDetails>> {
    let row: Option<(i64, Option<String>, Option<String>)> = candidates::table
        .filter(candidates::user_id.eq(user))
        .select((candidates::id, candidates::title, candidates::location))
        .first(conn)
        .optional()?;
    let Some((candidate, title, location)) = row else {
        return Ok(None);
    };
    let skills: Vec<(String, String, i32)> = skills::table
        .filter(skills::candidate_id.eq(candidate))
        .order(skills::id.asc())
        .select((skills::name, skills::category, skills::level))
        .load(conn)?;
    let experiences: Vec<(String, String, String, Option<String>)> = experiences::table
        .filter(experiences::candidate_id.eq(candidate))
        .order((experiences::start_date.desc(), experiences::id.desc()))
        .select((
            experiences::title,
            experiences::company,
            experiences::start_date,
            experiences::end_date,
        ))
        .load(conn)?;
    let educations: Vec<(String, String, String, Option<String>)> = educations::table
        .filter(educations::candidate_id.eq(candidate))
        .order((educations::start_date.desc(), educations::id.desc()))
        .select((
            educations::degree,
            educations::school,
            educations::start_date,
            educations::end_date,
        ))
        .load(conn)?;
    let own = job_applications::table.filter(job_applications::candidate_id.eq(candidate));
    let applications: Vec<(String, String, String, NaiveDateTime)> = own
        .inner_join(jobs::table.inner_join(companies::table))
        .order((
            job_applications::applied_at.desc(),
            job_applications::id.desc(),
        ))
        .limit(max_rows)
        .select((
            jobs::title,
            companies::name,
            job_applications::status,
            job_applications::applied_at,
        ))
        .load(conn)?;
    let applications_total: i64 = own.select(count_star()).first(conn)?;
    let period = |(what, place, start, end)| PeriodLine {
        what,
        place,
        start,
        end,
    };
    Ok(Some(CandidateDetails {
        title,
        location,
        skills: skills
            .into_iter()
            .map(|(name, category, level)| SkillLine {
                name,
                category,
                level,
            })
            .collect(),
        experiences: experiences.into_iter().map(period).collect(),
        educations: educations.into_iter().map(period).collect(),
        applications: applications
            .into_iter()
            .map(|(job_title, company, status, applied_at)| {
                Ok(ApplicationLine {
                    job_title,
                    company,
                    status: application_status(&status)?,
                    applied_at: applied_at.and_utc(),
                })
            })
            .collect::<QueryResult<_>>()?,
        applications_total,
    }))
}

/// Four statements: the company, the jobs with their live counts, their total, and the
/// applications grouped by status. Archived jobs (deleted by the employer) are not listed.
fn employer_details(
    conn: &mut DbConn,
    user: i64,
    max_rows: i64,
) -> QueryResult<Option<EmployerDetails>> {
    type CompanyRow = (i64, String, Option<String>, Option<String>);
    let row: Option<CompanyRow> = employers::table
        .inner_join(companies::table)
        .filter(employers::user_id.eq(user))
        .select((
            employers::id,
            companies::name,
            companies::industry,
            companies::size,
        ))
        .first(conn)
        .optional()?;
    let Some((employer, company_name, industry, size)) = row else {
        return Ok(None);
    };
    let listed = jobs::table
        .filter(jobs::employer_id.eq(employer))
        .filter(jobs::status.ne(JobStatus::Archived.as_str()));
    let rows: Vec<(String, String, i64, Option<NaiveDateTime>)> = listed
        .order((jobs::created_at.desc(), jobs::id.desc()))
        .limit(max_rows)
        .select((
            jobs::title,
            jobs::status,
            applications_count(),
            jobs::posted_at,
        ))
        .load(conn)?;
    let jobs_total: i64 = listed.select(count_star()).first(conn)?;
    let grouped: Vec<(String, i64)> = job_applications::table
        .filter(job_applications::employer_id.eq(employer))
        .group_by(job_applications::status)
        .select((job_applications::status, count_star()))
        .load(conn)?;
    let mut by_status = grouped
        .into_iter()
        .map(|(s, n)| Ok((application_status(&s)?, n)))
        .collect::<QueryResult<Vec<_>>>()?;
    by_status.sort_by_key(|(s, _)| ApplicationStatus::ALL.iter().position(|x| x == s));
    let jobs = rows
        .into_iter()
        .map(|(title, status, applications, posted_at)| {
            Ok(JobLine {
                title,
                status: JobStatus::parse(&status).ok_or_else(|| corrupt("job status", &status))?,
                applications,
                posted_at: posted_at.map(|t| t.and_utc()),
            })
        })
        .collect::<QueryResult<_>>()?;
    Ok(Some(EmployerDetails {
        company_name,
        industry,
        size,
        jobs,
        jobs_total,
        by_status,
    }))
}

#[async_trait]
impl ReportRepository for DieselReportRepository {
    async fn candidate_details(
        &self,
        user: UserId,
        max_rows: i64,
    ) -> Result<Option<CandidateDetails>, RepoError> {
        self.db
            .run(move |conn| candidate_details(conn, user.get(), max_rows).map_err(map_db_error))
            .await
    }

    async fn employer_details(
        &self,
        user: UserId,
        max_rows: i64,
    ) -> Result<Option<EmployerDetails>, RepoError> {
        self.db
            .run(move |conn| employer_details(conn, user.get(), max_rows).map_err(map_db_error))
            .await
    }
}
