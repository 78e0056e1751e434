//! The candidate's and the employer's application lists: a page and its total each.

use diesel::dsl::count_star;
use diesel::prelude::*;
use intowork_domain::application::{
    ApplicationStatus, CandidateApplication, EmployerApplication, Page,
};
use intowork_domain::job::Paging;
use intowork_domain::{CandidateId, EmployerId, JobId, RepoError};

use super::rows::{CANDIDATE_COLUMNS, CandidateRow, EMPLOYER_COLUMNS, EmployerRow, convert_all};
use crate::cache::{EmployerApplications, ReadCaches};
use crate::conn::{DbConn, MultiBackend};
use crate::error::map_db_error;
use crate::schema::{candidates, companies, job_applications, jobs, users};

pub(crate) fn candidate_page(
    conn: &mut DbConn,
    candidate: CandidateId,
    status: Option<ApplicationStatus>,
    paging: Paging,
) -> Result<Page<CandidateApplication>, RepoError> {
    let filtered = || {
        let mut q = job_applications::table
            .inner_join(jobs::table.inner_join(companies::table))
            .filter(job_applications::candidate_id.eq(candidate.get()))
            .into_boxed::<MultiBackend>();
        if let Some(s) = status {
            q = q.filter(job_applications::status.eq(s.as_str()));
        }
        q
    };
    let total: i64 = filtered()
        .select(count_star())
        .first(conn)
        .map_err(map_db_error)?;
    let rows: Vec<CandidateRow> = filtered()
        .order((
            job_applications::applied_at.desc(),
            job_applications::id.desc(),
        ))
        .limit(paging.limit)
        .offset(paging.offset())
        .select(CANDIDATE_COLUMNS)
        .load(conn)
        .map_err(map_db_error)?;
    Ok(Page {
        items: convert_all(rows)?,
        total,
    })
}

/// The filters are all on `job_applications`; `job_applications.employer_id` (a copy of the
/// job's) has the index for "this employer's applications, newest first".
macro_rules! employer_filtered {
    ($source:expr, $key:expr) => {{
        let key: &EmployerApplications = $key;
        let mut q = $source
            .filter(job_applications::employer_id.eq(key.employer.get()))
            .into_boxed::<MultiBackend>();
        if let Some(s) = key.status {
            q = q.filter(job_applications::status.eq(s.as_str()));
        }
        if let Some(j) = key.job {
            q = q.filter(job_applications::job_id.eq(j.get()));
        }
        q
    }};
}

/// The total, shared through `caches` when given. Counted without the joins: every application
/// has its job, candidate and user (foreign keys), so the count is the same, from the
/// `(employer_id, status)` index.
fn employer_total(
    conn: &mut DbConn,
    key: EmployerApplications,
    caches: Option<&ReadCaches>,
) -> QueryResult<i64> {
    let count = |conn: &mut DbConn| {
        employer_filtered!(job_applications::table, &key)
            .select(count_star())
            .first::<i64>(conn)
    };
    match caches {
        Some(caches) => {
            let totals = &caches.caches().application_totals;
            totals.get_or_blocking(key, || count(conn))
        }
        None => count(conn),
    }
}

pub(crate) fn employer_page(
    conn: &mut DbConn,
    (employer, status, job): (EmployerId, Option<ApplicationStatus>, Option<JobId>),
    paging: Paging,
    caches: Option<&ReadCaches>,
) -> Result<Page<EmployerApplication>, RepoError> {
    let key = EmployerApplications {
        employer,
        status,
        job,
    };
    let total = employer_total(conn, key, caches).map_err(map_db_error)?;
    let rows: Vec<EmployerRow> = employer_filtered!(
        job_applications::table
            .inner_join(jobs::table)
            .inner_join(candidates::table.inner_join(users::table)),
        &key
    )
    .order((
        job_applications::applied_at.desc(),
        job_applications::id.desc(),
    ))
    .limit(paging.limit)
    .offset(paging.offset())
    .select(EMPLOYER_COLUMNS)
    .load(conn)
    .map_err(map_db_error)?;
    Ok(Page {
        items: convert_all(rows)?,
        total,
    })
}

/// The employer's applications per stored channel, in one statement from the `employer_id` index.
pub(crate) fn source_counts(
    conn: &mut DbConn,
    employer: EmployerId,
) -> QueryResult<Vec<(Option<String>, i64)>> {
    job_applications::table
        .filter(job_applications::employer_id.eq(employer.get()))
        .group_by(job_applications::source_ref)
        .select((job_applications::source_ref, count_star()))
        .load(conn)
}
