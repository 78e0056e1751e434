//! The landing page's counters (one statement) and the market statistics (five). A job counts
//! while the public can see it, as in the public list: published, by an active employer.

use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel::sql_types::Text;
use intowork_domain::RepoError;
use intowork_domain::directory::{LabelCount, MarketStats, PublicCounts};
use intowork_domain::job::JobStatus;
use intowork_domain::user::Role;

use crate::conn::DbConn;
use crate::error::map_db_error;
use crate::schema::{candidates, companies, employers, job_applications, jobs, users};

diesel::define_sql_function!(fn trim(x: Text) -> Text);

/// `jobs ⋈ employers ⋈ users` restricted to what the public sees.
macro_rules! open_jobs {
    () => {
        jobs::table
            .inner_join(employers::table.inner_join(users::table))
            .filter(jobs::status.eq(JobStatus::Published.as_str()))
            .filter(users::is_active.eq(true))
    };
}

type Four = (Option<i64>, Option<i64>, Option<i64>, Option<i64>);

fn n(v: Option<i64>) -> i64 {
    v.unwrap_or(0)
}

fn labelled(rows: Vec<(String, i64)>) -> Vec<LabelCount> {
    rows.into_iter()
        .map(|(label, count)| LabelCount { label, count })
        .collect()
}

pub(crate) fn public_counts(conn: &mut DbConn) -> Result<PublicCounts, RepoError> {
    let c: Four = diesel::select((
        users::table
            .filter(users::role.eq(Role::Candidate.as_str()))
            .count()
            .single_value(),
        companies::table
            .filter(companies::deleted_at.is_null())
            .count()
            .single_value(),
        open_jobs!().count().single_value(),
        job_applications::table.count().single_value(),
    ))
    .get_result(conn)
    .map_err(map_db_error)?;
    Ok(PublicCounts {
        candidates: n(c.0),
        companies: n(c.1),
        active_jobs: n(c.2),
        applications: n(c.3),
    })
}

pub(crate) fn market_stats(
    conn: &mut DbConn,
    top_countries: i64,
    top_industries: i64,
) -> Result<MarketStats, RepoError> {
    let totals: Four = diesel::select((
        open_jobs!().count().single_value(),
        job_applications::table.count().single_value(),
        companies::table
            .filter(companies::deleted_at.is_null())
            .count()
            .single_value(),
        candidates::table.count().single_value(),
    ))
    .get_result(conn)
    .map_err(map_db_error)?;
    let by_country: Vec<(String, i64)> = open_jobs!()
        .filter(jobs::country.is_not_null())
        .filter(trim(jobs::country.assume_not_null()).ne(""))
        .group_by(jobs::country)
        .select((jobs::country.assume_not_null(), count_star()))
        .order((count_star().desc(), jobs::country.asc()))
        .limit(top_countries)
        .load(conn)
        .map_err(map_db_error)?;
    let by_type: Vec<(String, i64)> = open_jobs!()
        .group_by(jobs::job_type)
        .select((jobs::job_type, count_star()))
        .order((count_star().desc(), jobs::job_type.asc()))
        .load(conn)
        .map_err(map_db_error)?;
    let by_location_type: Vec<(String, i64)> = open_jobs!()
        .group_by(jobs::location_type)
        .select((jobs::location_type, count_star()))
        .order((count_star().desc(), jobs::location_type.asc()))
        .load(conn)
        .map_err(map_db_error)?;
    let industries: Vec<(String, i64)> = open_jobs!()
        .inner_join(companies::table)
        .filter(companies::industry.is_not_null())
        .filter(trim(companies::industry.assume_not_null()).ne(""))
        .group_by(companies::industry)
        .select((companies::industry.assume_not_null(), count_star()))
        .order((count_star().desc(), companies::industry.asc()))
        .limit(top_industries)
        .load(conn)
        .map_err(map_db_error)?;
    Ok(MarketStats {
        total_jobs: n(totals.0),
        total_applications: n(totals.1),
        total_companies: n(totals.2),
        total_candidates: n(totals.3),
        jobs_by_country: labelled(by_country),
        jobs_by_type: labelled(by_type),
        jobs_by_location_type: labelled(by_location_type),
        top_industries: labelled(industries),
    })
}
