//! Reading a [`Snapshot`] of the open jobs, and the cheap fingerprint that tells whether the
//! database changed since one was read.

use diesel::dsl::{count_star, max};
use diesel::prelude::*;

use chrono::NaiveDateTime;

use super::row::IndexedRow;
use super::snapshot::{Fingerprint, Snapshot, SnapshotBuilder};
use crate::conn::DbConn;
use crate::jobs::{newest_first, open_jobs};
use crate::schema::{companies, jobs, users};

/// How many open jobs there are and when a job, a company or an employer's account showing in the
/// list last changed. Any write that changes what the public list matches changes one of them:
/// a job's create, edit, publication or removal (its count or `updated_at`), a company's rename
/// (`companies.updated_at`), an employer's (de)activation (the count, `users.updated_at`).
pub(crate) fn fingerprint(conn: &mut DbConn) -> QueryResult<Fingerprint> {
    let (count, job, company, user) = open_jobs()
        .select((
            count_star(),
            max(jobs::updated_at),
            max(companies::updated_at),
            max(users::updated_at),
        ))
        .get_result(conn)?;
    Ok((count, job, [company, user]))
}

type Row = (
    i64,
    String,
    String,
    String,
    String,
    Option<i32>,
    Option<String>,
    String,
    Option<String>,
    Option<NaiveDateTime>,
);

impl From<Row> for IndexedRow {
    fn from(row: Row) -> Self {
        let (
            id,
            text,
            location,
            job_type,
            location_type,
            salary_min,
            country,
            currency,
            language,
            posted_at,
        ) = row;
        let code = |c: Option<String>| c.map(|c| c.to_ascii_lowercase());
        IndexedRow {
            id,
            text,
            location,
            values: [
                Some(job_type),
                Some(location_type),
                code(country),
                code(Some(currency)),
                code(language),
            ],
            salary_min,
            posted_at,
        }
    }
}

macro_rules! indexed_columns {
    () => {
        (
            jobs::id,
            jobs::search_text,
            jobs::location_norm,
            jobs::job_type,
            jobs::location_type,
            jobs::salary_min,
            jobs::country,
            jobs::currency,
            jobs::language,
            jobs::posted_at,
        )
    };
}

/// Every open job, newest first, read in one statement and streamed into the snapshot's columns
/// (the texts are never held twice).
pub(crate) fn snapshot(
    conn: &mut DbConn,
    fingerprint: Fingerprint,
    generation: u64,
) -> QueryResult<Snapshot> {
    let rows = open_jobs()
        .select(indexed_columns!())
        .order(newest_first())
        .load_iter::<Row, diesel::connection::DefaultLoadingMode>(conn)?;
    let mut snapshot = SnapshotBuilder::default();
    for row in rows {
        snapshot.push(&IndexedRow::from(row?));
    }
    Ok(snapshot.finish(fingerprint, generation))
}

/// The jobs of `ids` that are open now (the others closed or went).
pub(crate) fn open_rows(conn: &mut DbConn, ids: Vec<i64>) -> QueryResult<Vec<IndexedRow>> {
    let rows: Vec<Row> = open_jobs()
        .filter(jobs::id.eq_any(ids))
        .select(indexed_columns!())
        .load(conn)?;
    Ok(rows.into_iter().map(IndexedRow::from).collect())
}
