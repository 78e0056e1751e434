//! Reading listed jobs: a page and its total, one job, and the viewer's `has_applied`.

use diesel::dsl::count_star;
use diesel::prelude::*;
use intowork_domain::job::{JobListing, JobPage};
use intowork_domain::{RepoError, UserId};

use super::rows::{ListingRow, into_listing};
use super::source::{Source, listing_columns, listing_source, load_page};
use crate::conn::DbConn;
use crate::error::map_db_error;
use crate::schema::{candidates, job_applications, jobs};

/// Job ids of the page that the candidate behind `user` applied to: one query for the page.
pub(crate) fn applied_ids(conn: &mut DbConn, user: i64, ids: Vec<i64>) -> QueryResult<Vec<i64>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    job_applications::table
        .inner_join(candidates::table)
        .filter(candidates::user_id.eq(user))
        .filter(job_applications::job_id.eq_any(ids))
        .select(job_applications::job_id)
        .load(conn)
}

/// Turns the selected rows into listings, asking for `has_applied` only when there is a viewer.
pub(crate) fn with_applied(
    conn: &mut DbConn,
    rows: Vec<ListingRow>,
    viewer: Option<UserId>,
) -> Result<Vec<JobListing>, RepoError> {
    let applied = match viewer {
        Some(user) => {
            let ids = rows.iter().map(|r| r.0.id).collect();
            applied_ids(conn, user.get(), ids).map_err(map_db_error)?
        }
        None => Vec::new(),
    };
    rows.into_iter()
        .map(|r| {
            let has = applied.contains(&r.0.id);
            into_listing(r, has)
        })
        .collect()
}

/// One page, `has_applied` for `viewer`.
pub(crate) fn page_items(
    conn: &mut DbConn,
    source: Source,
    (limit, offset): (i64, i64),
    viewer: Option<UserId>,
) -> Result<Vec<JobListing>, RepoError> {
    let rows = load_page(source, limit, offset, conn).map_err(map_db_error)?;
    with_applied(conn, rows, viewer)
}

/// One page and its total, `has_applied` for `viewer`.
pub(crate) fn page(
    conn: &mut DbConn,
    filtered: impl Fn() -> Source,
    window: (i64, i64),
    viewer: Option<UserId>,
) -> Result<JobPage, RepoError> {
    let total = count(conn, filtered())?;
    let items = page_items(conn, filtered(), window, viewer)?;
    Ok(JobPage { items, total })
}

pub(crate) fn count(conn: &mut DbConn, source: Source) -> Result<i64, RepoError> {
    source
        .select(count_star())
        .get_result::<i64>(conn)
        .map_err(map_db_error)
}

/// One job as the lists show it, any status.
pub(crate) fn load_listing(
    conn: &mut DbConn,
    id: i64,
    viewer: Option<UserId>,
) -> Result<Option<JobListing>, RepoError> {
    let row = listing_source!()
        .filter(jobs::id.eq(id))
        .select(listing_columns())
        .first(conn)
        .optional()
        .map_err(map_db_error)?;
    Ok(with_applied(conn, row.into_iter().collect(), viewer)?.pop())
}
