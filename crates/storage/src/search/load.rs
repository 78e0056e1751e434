//! Reading a [`Snapshot`] of the open jobs, and the cheap fingerprint that tells whether the
//! database changed since one was read.

use diesel::dsl::{count_star, max};
use diesel::prelude::*;

use super::column::TextColumn;
use super::snapshot::{Fingerprint, IndexedJob, Snapshot, Values};
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
);

/// Every open job's filterable fields, newest first, read in one statement and streamed into the
/// snapshot's columns (the texts are never held twice).
pub(crate) fn snapshot(
    conn: &mut DbConn,
    fingerprint: Fingerprint,
    generation: u64,
) -> QueryResult<Snapshot> {
    let rows = open_jobs()
        .select((
            jobs::id,
            jobs::search_text,
            jobs::location_norm,
            jobs::job_type,
            jobs::location_type,
            jobs::salary_min,
            jobs::country,
            jobs::currency,
            jobs::language,
        ))
        .order(newest_first())
        .load_iter::<Row, diesel::connection::DefaultLoadingMode>(conn)?;
    let mut found = Vec::new();
    let (mut texts, mut locations) = (TextColumn::default(), TextColumn::default());
    let mut values = Values::default();
    for row in rows {
        let (id, text, location, job_type, location_type, salary_min, country, currency, language) =
            row?;
        texts.push(&text);
        locations.push(&location);
        let code = |c: Option<String>| c.map(|c| c.to_ascii_lowercase());
        found.push(IndexedJob {
            id,
            salary_min,
            values: [
                values.number(Some(&job_type)),
                values.number(Some(&location_type)),
                values.number(code(country).as_deref()),
                values.number(code(Some(currency)).as_deref()),
                values.number(code(language).as_deref()),
            ],
        });
    }
    texts.finish();
    locations.finish();
    found.shrink_to_fit();
    Ok(Snapshot::new(
        found,
        texts,
        locations,
        values,
        fingerprint,
        generation,
    ))
}
