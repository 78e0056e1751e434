//! The companies screen: the companies with their counters in one statement, every recruiter of
//! those companies in a second, whatever their numbers.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use intowork_domain::admin::companies::{AdminCompany, CompanyVerification, Recruiter};
use intowork_domain::{CompanyId, RepoError, UserId};

use crate::conn::{DbConn, MultiBackend};
use crate::error::map_db_error;
use crate::schema::{companies, employers, users};
use crate::static_sql::{StaticSql, static_sql};
use crate::text_search::contains_pattern;

// Portable case folding for the name search. SQLite's `lower` folds ASCII only, so accented
// capitals match case-insensitively on PostgreSQL alone.
diesel::define_sql_function!(fn lower(x: Text) -> Text);

/// Every job of the company, whatever its status. Plain SQL: diesel's DSL cannot refer to the
/// outer row; the text is the same on both databases.
const JOBS_COUNT_SQL: &str = "(SELECT COUNT(*) FROM jobs WHERE jobs.company_id = companies.id)";
const EMPLOYERS_COUNT_SQL: &str =
    "(SELECT COUNT(*) FROM employers WHERE employers.company_id = companies.id)";

fn count(sql: &'static str) -> StaticSql<BigInt> {
    static_sql::<BigInt>(sql)
}

/// The `LIKE` pattern of a name search, matched against the lower-cased name.
fn name_pattern(search: Option<&str>) -> Option<String> {
    search.map(|s| contains_pattern(&s.to_lowercase()))
}

type CompanyRow = (
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
    NaiveDateTime,
    i64,
    i64,
);

type RecruiterRow = (
    i64,
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

pub(crate) fn list_companies(
    conn: &mut DbConn,
    search: Option<&str>,
) -> Result<Vec<AdminCompany>, RepoError> {
    let pattern = name_pattern(search);
    let mut listed = companies::table
        .filter(companies::deleted_at.is_null())
        .into_boxed::<MultiBackend>();
    if let Some(pattern) = &pattern {
        listed = listed.filter(lower(companies::name).like(pattern.clone()).escape('\\'));
    }
    let rows: Vec<CompanyRow> = listed
        .order((companies::name.asc(), companies::id.asc()))
        .select((
            companies::id,
            companies::name,
            companies::industry,
            companies::city,
            companies::country,
            companies::is_verified,
            companies::created_at,
            count(JOBS_COUNT_SQL),
            count(EMPLOYERS_COUNT_SQL),
        ))
        .load(conn)
        .map_err(map_db_error)?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    // The same filter again rather than a list of ids: no bind per company.
    let mut recruiters = employers::table
        .inner_join(users::table)
        .inner_join(companies::table)
        .filter(companies::deleted_at.is_null())
        .into_boxed::<MultiBackend>();
    if let Some(pattern) = pattern {
        recruiters = recruiters.filter(lower(companies::name).like(pattern).escape('\\'));
    }
    let recruiters: Vec<RecruiterRow> = recruiters
        .order((employers::created_at.asc(), employers::id.asc()))
        .select((
            employers::company_id.assume_not_null(),
            users::id,
            users::first_name,
            users::last_name,
            users::email,
            employers::phone,
            employers::position,
        ))
        .load(conn)
        .map_err(map_db_error)?;
    let mut by_company: HashMap<i64, Vec<Recruiter>> = HashMap::new();
    for (company, user, first_name, last_name, email, phone, position) in recruiters {
        by_company.entry(company).or_default().push(Recruiter {
            user_id: UserId(user),
            first_name,
            last_name,
            email,
            phone,
            position,
        });
    }
    Ok(rows
        .into_iter()
        .map(|r| AdminCompany {
            id: CompanyId(r.0),
            name: r.1,
            industry: r.2,
            city: r.3,
            country: r.4,
            is_verified: r.5,
            created_at: r.6.and_utc(),
            jobs_count: r.7,
            employers_count: r.8,
            recruiters: by_company.remove(&r.0).unwrap_or_default(),
        })
        .collect())
}

/// The badge columns of a company that is not removed.
pub(crate) fn find_company(
    conn: &mut DbConn,
    id: i64,
) -> Result<Option<CompanyVerification>, RepoError> {
    companies::table
        .filter(companies::id.eq(id))
        .filter(companies::deleted_at.is_null())
        .select(VERIFICATION)
        .first::<VerificationRow>(conn)
        .optional()
        .map(|r| r.map(verification))
        .map_err(map_db_error)
}

pub(crate) const VERIFICATION: (
    companies::id,
    companies::name,
    companies::is_verified,
    companies::verified_at,
) = (
    companies::id,
    companies::name,
    companies::is_verified,
    companies::verified_at,
);

pub(crate) type VerificationRow = (i64, String, bool, Option<NaiveDateTime>);

pub(crate) fn verification(r: VerificationRow) -> CompanyVerification {
    CompanyVerification {
        id: CompanyId(r.0),
        name: r.1,
        is_verified: r.2,
        verified_at: r.3.map(|t| t.and_utc()),
    }
}
