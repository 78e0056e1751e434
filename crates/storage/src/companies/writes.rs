//! Registering an employer with its company, saving a company (whose new name is carried into its
//! jobs' search texts, and whose changed `logo_url` releases an uploaded logo), and pointing it at
//! a new uploaded logo.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use intowork_domain::company::{
    Company, Employer, EmployerUpdate, NewCompany, RegisterEmployerError, SavedCompany,
    logo_key_kept,
};
use intowork_domain::image::ReplacedImage;
use intowork_domain::search::normalize;

use super::rows::{
    COMPANY_COLUMNS, CompanyRow, EMPLOYER_COLUMNS, EmployerRow, employer_changes, values,
};
use crate::conn::DbConn;
use crate::error::TxError;
use crate::schema::{companies, employers};

pub(crate) fn register(
    conn: &mut DbConn,
    id: i64,
    update: &EmployerUpdate,
    company: Option<&NewCompany>,
    now: NaiveDateTime,
) -> Result<(Employer, Option<Company>), TxError<RegisterEmployerError>> {
    let changes = employer_changes(update, now);
    let Some(new) = company else {
        let row: Option<EmployerRow> = diesel::update(employers::table.find(id))
            .set(&changes)
            .returning(EMPLOYER_COLUMNS)
            .get_result(conn)
            .optional()?;
        let row = row.ok_or(TxError::Domain(RegisterEmployerError::EmployerNotFound))?;
        return Ok((row.into(), None));
    };
    let inserted: CompanyRow = diesel::insert_into(companies::table)
        .values((
            values(new.name.as_str(), &new.details, now),
            companies::created_at.eq(now),
        ))
        .returning(COMPANY_COLUMNS)
        .get_result(conn)?;
    // The `company_id IS NULL` guard decides "one company per employer" inside the write, so two
    // concurrent requests cannot both attach one; the loser's insert is rolled back.
    let row: Option<EmployerRow> = diesel::update(
        employers::table
            .find(id)
            .filter(employers::company_id.is_null()),
    )
    .set((&changes, employers::company_id.eq(Some(inserted.id))))
    .returning(EMPLOYER_COLUMNS)
    .get_result(conn)
    .optional()?;
    match row {
        Some(row) => Ok((row.into(), Some(inserted.into()))),
        None => {
            let exists = employers::table
                .find(id)
                .select(employers::id)
                .first::<i64>(conn)
                .optional()?;
            Err(TxError::Domain(if exists.is_some() {
                RegisterEmployerError::AlreadyHasCompany
            } else {
                RegisterEmployerError::EmployerNotFound
            }))
        }
    }
}

/// Rewrites the company part of its jobs' search texts: everything before the first separator
/// (see `intowork_domain::search::job_search_text`). One statement whatever the number of jobs;
/// the string functions differ by backend.
fn rename_in_search_texts(conn: &mut DbConn, company: i64, name: &str) -> QueryResult<usize> {
    let norm = normalize(name);
    match conn {
        DbConn::Pg(c) => diesel::sql_query(
            "UPDATE jobs SET search_text = $1 || substr(search_text, strpos(search_text, chr(31))) \
             WHERE company_id = $2",
        )
        .bind::<Text, _>(norm)
        .bind::<BigInt, _>(company)
        .execute(c),
        DbConn::Sqlite(c) => diesel::sql_query(
            "UPDATE jobs SET search_text = ? || substr(search_text, instr(search_text, char(31))) \
             WHERE company_id = ?",
        )
        .bind::<Text, _>(norm)
        .bind::<BigInt, _>(company)
        .execute(c),
    }
}

/// A company's stored name, logo link and uploaded logo's key.
type LogoState = (String, Option<String>, Option<String>);

/// The stored name, logo link and logo key, locked until the transaction ends (on PostgreSQL; a
/// SQLite write transaction holds the database's write lock already), so that a logo upload and a
/// save cannot both decide from the same old key.
fn logo_state(conn: &mut DbConn, company: i64) -> QueryResult<Option<LogoState>> {
    let query = companies::table.find(company).select((
        companies::name,
        companies::logo_url,
        companies::logo_key,
    ));
    match conn {
        DbConn::Pg(pg) => query.for_update().first(pg).optional(),
        DbConn::Sqlite(c) => query.first(c).optional(),
    }
}

/// The saved company, and whether its name changed (its jobs' search texts with it).
pub(crate) fn save(
    conn: &mut DbConn,
    c: &Company,
    now: NaiveDateTime,
) -> QueryResult<Option<(SavedCompany, bool)>> {
    let Some((old_name, old_url, old_key)) = logo_state(conn, c.id.get())? else {
        return Ok(None);
    };
    let kept = logo_key_kept(old_url.as_deref(), c.details.logo_url.as_deref());
    let (logo_key, released) = if kept {
        (old_key, None)
    } else {
        (None, old_key)
    };
    let row: CompanyRow = diesel::update(companies::table.find(c.id.get()))
        .set((
            values(&c.name, &c.details, now),
            companies::logo_key.eq(logo_key),
        ))
        .returning(COMPANY_COLUMNS)
        .get_result(conn)?;
    let renamed = normalize(&old_name) != normalize(&c.name);
    if renamed {
        rename_in_search_texts(conn, c.id.get(), &c.name)?;
    }
    let saved = SavedCompany {
        company: row.into(),
        released_logo_key: released,
    };
    Ok(Some((saved, renamed)))
}

/// Points the company at a new uploaded logo: its link and its key, returning the key replaced.
pub(crate) fn replace_logo(
    conn: &mut DbConn,
    company: i64,
    key: &str,
    url: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<ReplacedImage>> {
    let Some((_, _, previous)) = logo_state(conn, company)? else {
        return Ok(None);
    };
    diesel::update(companies::table.find(company))
        .set((
            companies::logo_url.eq(url),
            companies::logo_key.eq(key),
            companies::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(Some(ReplacedImage {
        previous_key: previous,
    }))
}
