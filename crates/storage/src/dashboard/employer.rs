//! The employer dashboard's facts.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::dashboard::{EmployerDashboardFacts, EmployerFacts};

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

/// The four counts and the three "newest" rows of an employer with a company, in one statement.
fn company_facts(conn: &mut DbConn, employer: i64) -> QueryResult<EmployerFacts> {
    let own_jobs = || jobs::table.filter(jobs::employer_id.eq(employer));
    // `job_applications.employer_id` is indexed with `applied_at`: no scan of other employers'.
    // The counts need no join; the newest rows join their job for its title.
    let own_applications =
        || job_applications::table.filter(job_applications::employer_id.eq(employer));
    let applications = || own_applications().inner_join(jobs::table);
    let newest_job = || {
        own_jobs()
            .filter(jobs::status.ne("archived"))
            .order((jobs::created_at.desc(), jobs::id.desc()))
            .limit(1)
    };
    let newest_application = || {
        applications()
            .order((
                job_applications::applied_at.desc(),
                job_applications::id.desc(),
            ))
            .limit(1)
    };
    let newest_interview = || {
        applications()
            .filter(job_applications::status.eq("interview"))
            .order((
                job_applications::updated_at.desc(),
                job_applications::id.desc(),
            ))
            .limit(1)
    };
    // One statement: the four counts and the three "newest" rows as scalar sub-selects (a title
    // and a time each), each served by an index; one round trip instead of four.
    let (counts, (job_title, job_at), (app_title, app_at), (interview_title, interview_at)) =
        diesel::select((
            (
                own_jobs()
                    .filter(jobs::status.eq("published"))
                    .count()
                    .single_value(),
                own_applications().count().single_value(),
                own_applications()
                    .filter(job_applications::status.eq("interview"))
                    .count()
                    .single_value(),
                own_applications()
                    .filter(job_applications::status.ne("applied"))
                    .count()
                    .single_value(),
            ),
            (
                newest_job().select(jobs::title).single_value(),
                newest_job().select(jobs::created_at).single_value(),
            ),
            (
                newest_application().select(jobs::title).single_value(),
                newest_application()
                    .select(job_applications::applied_at)
                    .single_value(),
            ),
            (
                newest_interview().select(jobs::title).single_value(),
                newest_interview()
                    .select(job_applications::updated_at)
                    .single_value(),
            ),
        ))
        .get_result::<(Counts4, Newest, Newest, Newest)>(conn)?;
    Ok(facts(
        counts,
        [
            (job_title, job_at),
            (app_title, app_at),
            (interview_title, interview_at),
        ],
    ))
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
