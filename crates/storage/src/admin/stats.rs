//! The platform counters in two statements whatever the data size: the scalar counts in one
//! `SELECT`, then `jobs_by_status` grouped.

use chrono::{DateTime, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_domain::admin::AdminStats;
use intowork_domain::job::JobStatus;
use intowork_domain::user::Role;

use crate::conn::DbConn;
use crate::error::map_db_error;
use crate::schema::{companies, job_applications, jobs, notifications, users};
use crate::stored::parse;

type Ten = (
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

pub(crate) fn stats(conn: &mut DbConn, since: DateTime<Utc>) -> Result<AdminStats, RepoError> {
    let role = |r: &'static str| {
        users::table
            .filter(users::role.eq(r))
            .count()
            .single_value()
    };
    let active = |a: bool| {
        users::table
            .filter(users::is_active.eq(a))
            .count()
            .single_value()
    };
    let counts: Ten = diesel::select((
        users::table.count().single_value(),
        role(Role::Candidate.as_str()),
        role(Role::Employer.as_str()),
        companies::table
            .filter(companies::deleted_at.is_null())
            .count()
            .single_value(),
        jobs::table.count().single_value(),
        job_applications::table.count().single_value(),
        notifications::table.count().single_value(),
        active(true),
        active(false),
        users::table
            .filter(users::created_at.ge(since.naive_utc()))
            .count()
            .single_value(),
    ))
    .get_result(conn)
    .map_err(map_db_error)?;
    let by_status: Vec<(String, i64)> = jobs::table
        .group_by(jobs::status)
        .select((jobs::status, count_star()))
        .order(jobs::status.asc())
        .load(conn)
        .map_err(map_db_error)?;
    let jobs_by_status = by_status
        .into_iter()
        .map(|(s, n)| Ok((parse("job status", &s, JobStatus::parse)?, n)))
        .collect::<Result<_, RepoError>>()?;
    let n = |v: Option<i64>| v.unwrap_or(0);
    Ok(AdminStats {
        total_users: n(counts.0),
        total_candidates: n(counts.1),
        total_employers: n(counts.2),
        total_companies: n(counts.3),
        total_jobs: n(counts.4),
        total_applications: n(counts.5),
        total_notifications: n(counts.6),
        active_users: n(counts.7),
        inactive_users: n(counts.8),
        jobs_by_status,
        recent_signups: n(counts.9),
    })
}
