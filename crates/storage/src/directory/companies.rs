//! One page of the public company directory: the page (one statement, each company's public job
//! count a correlated sub-select) and the number of companies (one more).

use diesel::prelude::*;
use diesel::sql_types::BigInt;
use intowork_domain::directory::{DirectoryCompany, DirectoryPage};
use intowork_domain::job::Paging;
use intowork_domain::{CompanyId, RepoError};

use crate::conn::DbConn;
use crate::error::map_db_error;
use crate::schema::companies;
use crate::static_sql::{StaticSql, static_sql};

/// The company's jobs the public sees (published, by an active employer), as the public list
/// counts them. Plain SQL: diesel's DSL cannot refer to the outer row; the text is the same on
/// both databases.
const OPEN_JOBS_SQL: &str = "(SELECT COUNT(*) FROM jobs \
     INNER JOIN employers ON employers.id = jobs.employer_id \
     INNER JOIN users ON users.id = employers.user_id \
     WHERE jobs.company_id = companies.id AND jobs.status = 'published' AND users.is_active)";

fn open_jobs() -> StaticSql<BigInt> {
    static_sql::<BigInt>(OPEN_JOBS_SQL)
}

/// Only what a company publishes about itself: no address, and no recruiter.
#[derive(Queryable)]
struct DirectoryRow {
    id: i64,
    name: String,
    description: Option<String>,
    industry: Option<String>,
    size: Option<String>,
    website_url: Option<String>,
    city: Option<String>,
    country: Option<String>,
    logo_url: Option<String>,
    total_jobs: i64,
}

impl From<DirectoryRow> for DirectoryCompany {
    fn from(r: DirectoryRow) -> Self {
        DirectoryCompany {
            id: CompanyId(r.id),
            name: r.name,
            description: r.description,
            industry: r.industry,
            size: r.size,
            website_url: r.website_url,
            city: r.city,
            country: r.country,
            logo_url: r.logo_url,
            total_jobs: r.total_jobs,
        }
    }
}

/// The companies of one page, newest first.
pub(crate) fn page(conn: &mut DbConn, paging: Paging) -> Result<Vec<DirectoryCompany>, RepoError> {
    companies::table
        .filter(companies::deleted_at.is_null())
        .order((companies::created_at.desc(), companies::id.desc()))
        .limit(paging.limit)
        .offset(paging.offset())
        .select((
            companies::id,
            companies::name,
            companies::description,
            companies::industry,
            companies::size,
            companies::website_url,
            companies::city,
            companies::country,
            companies::logo_url,
            open_jobs(),
        ))
        .load::<DirectoryRow>(conn)
        .map(|rows| rows.into_iter().map(Into::into).collect())
        .map_err(map_db_error)
}

pub(crate) fn total(conn: &mut DbConn) -> Result<i64, RepoError> {
    companies::table
        .filter(companies::deleted_at.is_null())
        .count()
        .get_result(conn)
        .map_err(map_db_error)
}

pub(crate) fn directory_page(
    conn: &mut DbConn,
    paging: Paging,
) -> Result<DirectoryPage, RepoError> {
    Ok(DirectoryPage {
        companies: page(conn, paging)?,
        total: total(conn)?,
    })
}
