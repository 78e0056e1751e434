//! The employer dashboard's facts.

use chrono::NaiveDateTime;
use diesel::dsl;
use diesel::prelude::*;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::dashboard::{EmployerDashboardFacts, EmployerFacts};
use intowork_domain::job::JobStatus;

use super::latest::latest;
use crate::conn::DbConn;
use crate::schema::{employers, job_applications, jobs};

type Counts4 = (Option<i64>, Option<i64>, Option<i64>, Option<i64>);
/// A "newest" row as two scalar sub-selects: its job title and its time.
type Newest = (Option<String>, Option<NaiveDateTime>);

/// Employer row (1 statement), then with a company: the four counts and the three newest items
/// (1).
pub(crate) fn employer_facts(
    conn: &mut DbConn,
    user: i64,
) -> QueryResult<Option<EmployerDashboardFacts>> {
    let row = employers::table
        .filter(employers::user_id.eq(user))
        .select((employers::id, employers::company_id))
        .first::<(i64, Option<i64>)>(conn)
        .optional()?;
    Ok(match row {
        None => None,
        Some((_, None)) => Some(EmployerDashboardFacts::NoCompany),
        Some((employer, Some(_))) => Some(EmployerDashboardFacts::WithCompany(company_facts(
            conn, employer,
        )?)),
    })
}

// `job_applications.employer_id` is indexed with `applied_at`: no scan of other employers'. The
// counts need no join; the newest rows join their job for its title.

#[dsl::auto_type]
fn own_jobs(employer: i64) -> _ {
    jobs::table.filter(jobs::employer_id.eq(employer))
}

#[dsl::auto_type]
fn own_applications(employer: i64) -> _ {
    job_applications::table.filter(job_applications::employer_id.eq(employer))
}

#[dsl::auto_type]
fn newest_job(employer: i64) -> _ {
    let archived: &'static str = JobStatus::Archived.as_str();
    jobs::table
        .filter(jobs::employer_id.eq(employer))
        .filter(jobs::status.ne(archived))
        .order((jobs::created_at.desc(), jobs::id.desc()))
        .limit(1_i64)
}

#[dsl::auto_type]
fn newest_application(employer: i64) -> _ {
    job_applications::table
        .filter(job_applications::employer_id.eq(employer))
        .inner_join(jobs::table)
        .order((
            job_applications::applied_at.desc(),
            job_applications::id.desc(),
        ))
        .limit(1_i64)
}

#[dsl::auto_type]
fn newest_interview(employer: i64) -> _ {
    let interview: &'static str = ApplicationStatus::Interview.as_str();
    job_applications::table
        .filter(job_applications::employer_id.eq(employer))
        .inner_join(jobs::table)
        .filter(job_applications::status.eq(interview))
        .order((
            job_applications::updated_at.desc(),
            job_applications::id.desc(),
        ))
        .limit(1_i64)
}

/// The four counts and the three "newest" rows of an employer with a company, in one statement:
/// scalar sub-selects (a title and a time each), each served by an index; one round trip instead
/// of four.
fn company_facts(conn: &mut DbConn, e: i64) -> QueryResult<EmployerFacts> {
    let (counts, job, application, interview) = diesel::select((
        (
            own_jobs(e)
                .filter(jobs::status.eq(JobStatus::Published.as_str()))
                .count()
                .single_value(),
            own_applications(e).count().single_value(),
            own_applications(e)
                .filter(job_applications::status.eq(ApplicationStatus::Interview.as_str()))
                .count()
                .single_value(),
            own_applications(e)
                .filter(job_applications::status.ne(ApplicationStatus::Applied.as_str()))
                .count()
                .single_value(),
        ),
        (
            newest_job(e).select(jobs::title).single_value(),
            newest_job(e).select(jobs::created_at).single_value(),
        ),
        (
            newest_application(e).select(jobs::title).single_value(),
            newest_application(e)
                .select(job_applications::applied_at)
                .single_value(),
        ),
        (
            newest_interview(e).select(jobs::title).single_value(),
            newest_interview(e)
                .select(job_applications::updated_at)
                .single_value(),
        ),
    ))
    .get_result::<(Counts4, Newest, Newest, Newest)>(conn)?;
    Ok(facts(counts, [job, application, interview]))
}

fn facts(counts: Counts4, [job, application, interview]: [Newest; 3]) -> EmployerFacts {
    let (published, total, interviews, responded) = counts;
    let newest = |(title, at): Newest| latest(title.zip(at));
    EmployerFacts {
        published_jobs: published.unwrap_or(0),
        applications: total.unwrap_or(0),
        interviews: interviews.unwrap_or(0),
        responded: responded.unwrap_or(0),
        latest_job: newest(job),
        latest_application: newest(application),
        latest_interview: newest(interview),
    }
}
