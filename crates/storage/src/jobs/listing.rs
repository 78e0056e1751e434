//! Reading listed jobs: a page of list rows and its total, one job with its company, and the
//! viewer's `has_applied`.

use diesel::dsl::count_star;
use diesel::prelude::*;
use intowork_domain::job::{JobListing, JobPage, JobSummary};
use intowork_domain::{RepoError, UserId};

use super::filters::open_jobs;
use super::rows::{ListingRow, into_listing};
use super::source::{RowShape, Source, listing_columns, listing_source, load_page};
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

/// The job ids among `ids` that `viewer` applied to; nothing asked when there is no viewer.
fn applied_among(
    conn: &mut DbConn,
    ids: Vec<i64>,
    viewer: Option<UserId>,
) -> Result<Vec<i64>, RepoError> {
    match viewer {
        Some(user) => applied_ids(conn, user.get(), ids).map_err(map_db_error),
        None => Ok(Vec::new()),
    }
}

/// One page of list rows, `has_applied` for `viewer`.
pub(crate) fn page_items(
    conn: &mut DbConn,
    source: Source,
    shape: RowShape,
    window: (i64, i64),
    viewer: Option<UserId>,
) -> Result<Vec<JobSummary>, RepoError> {
    let rows = load_page(source, shape, window, conn).map_err(map_db_error)?;
    let applied = applied_among(conn, rows.iter().map(|r| r.id).collect(), viewer)?;
    rows.into_iter()
        .map(|r| {
            let has = applied.contains(&r.id);
            r.into_summary(has, shape == RowShape::Owner)
        })
        .collect()
}

/// The list rows of `ids` (a page the search index found), in the list's order; an id whose job
/// closed since the index was read is left out.
pub(crate) fn rows_of(
    conn: &mut DbConn,
    ids: Vec<i64>,
    viewer: Option<UserId>,
) -> Result<Vec<JobSummary>, RepoError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let window = (i64::try_from(ids.len()).unwrap_or(i64::MAX), 0);
    let source = open_jobs().filter(jobs::id.eq_any(ids));
    page_items(conn, source, RowShape::Public, window, viewer)
}

/// One page and its total, `has_applied` for `viewer`.
pub(crate) fn page(
    conn: &mut DbConn,
    filtered: impl Fn() -> Source,
    shape: RowShape,
    window: (i64, i64),
    viewer: Option<UserId>,
) -> Result<JobPage, RepoError> {
    let total = count(conn, filtered())?;
    let items = page_items(conn, filtered(), shape, window, viewer)?;
    Ok(JobPage { items, total })
}

pub(crate) fn count(conn: &mut DbConn, source: Source) -> Result<i64, RepoError> {
    source
        .select(count_star())
        .get_result::<i64>(conn)
        .map_err(map_db_error)
}

/// One job with its company, any status: every text, for the detail page and the answers to
/// create and update.
pub(crate) fn load_listing(
    conn: &mut DbConn,
    id: i64,
    viewer: Option<UserId>,
) -> Result<Option<JobListing>, RepoError> {
    let row: Option<ListingRow> = listing_source!()
        .filter(jobs::id.eq(id))
        .select(listing_columns())
        .first(conn)
        .optional()
        .map_err(map_db_error)?;
    let Some(row) = row else { return Ok(None) };
    let applied = applied_among(conn, vec![row.0.id], viewer)?;
    let has = !applied.is_empty();
    into_listing(row, has).map(Some)
}
