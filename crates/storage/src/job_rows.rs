//! Rows, the shared select list and the filters of the job queries. Every list is one page query
//! plus a count (and, for a signed-in candidate, one `has_applied` query for the page): a fixed
//! number of statements whatever the page holds.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Timestamp};
use intowork_domain::job::{
    Job, JobCompany, JobFields, JobListing, JobStatus, JobType, LocationType,
};
use intowork_domain::search::FIELD_SEPARATOR;
use intowork_domain::{CompanyId, EmployerId, JobId, RepoError, UserId};

use crate::conn::{DbConn, MultiBackend};
use crate::schema::{candidates, companies, employers, job_applications, jobs, users};
use crate::static_sql::{StaticSql, static_sql};

/// `applications_count` is computed live (CONTRACT 8.5): a correlated count served by the
/// `job_applications (job_id, …)` index, so it can never drift from the applications themselves.
/// Plain SQL because diesel's DSL cannot express a sub-select that refers to the outer row; the
/// text is the same on both databases.
pub(crate) const APPLICATIONS_COUNT_SQL: &str =
    "(SELECT COUNT(*) FROM job_applications WHERE job_applications.job_id = jobs.id)";

/// PostgreSQL's default for `DESC` (and what the reference did); SQLite would put NULLs last.
/// Matches the `(…, posted_at DESC, id DESC)` indexes on PostgreSQL.
const POSTED_DESC_NULLS_FIRST: &str = "jobs.posted_at DESC NULLS FIRST";

#[derive(Queryable, Selectable)]
#[diesel(table_name = jobs)]
pub(crate) struct JobRow {
    id: i64,
    employer_id: i64,
    company_id: i64,
    title: String,
    description: String,
    requirements: Option<String>,
    responsibilities: Option<String>,
    benefits: Option<String>,
    job_type: String,
    location_type: String,
    location: Option<String>,
    salary_min: Option<i32>,
    salary_max: Option<i32>,
    currency: String,
    status: String,
    is_featured: bool,
    views_count: i64,
    posted_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

fn corrupt(what: &str, value: &str) -> RepoError {
    RepoError::Internal(format!("unknown {what} in database: {value:?}"))
}

impl JobRow {
    pub(crate) fn into_job(self, applications_count: i64) -> Result<Job, RepoError> {
        Ok(Job {
            id: JobId(self.id),
            employer_id: EmployerId(self.employer_id),
            company_id: CompanyId(self.company_id),
            fields: JobFields {
                job_type: JobType::parse(&self.job_type)
                    .ok_or_else(|| corrupt("job type", &self.job_type))?,
                location_type: LocationType::parse(&self.location_type)
                    .ok_or_else(|| corrupt("location type", &self.location_type))?,
                title: self.title,
                description: self.description,
                requirements: self.requirements,
                responsibilities: self.responsibilities,
                benefits: self.benefits,
                location: self.location,
                salary_min: self.salary_min,
                salary_max: self.salary_max,
                currency: self.currency,
            },
            status: JobStatus::parse(&self.status)
                .ok_or_else(|| corrupt("job status", &self.status))?,
            is_featured: self.is_featured,
            views_count: self.views_count,
            applications_count,
            posted_at: self.posted_at.map(|t| t.and_utc()),
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
        })
    }
}

/// One listed job as selected: the job, its live application count, the company columns the API
/// shows, and the owner's user id and active flag.
pub(crate) type ListingRow = (
    JobRow,
    i64,
    (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ),
    (i64, bool),
);

pub(crate) fn into_listing(row: ListingRow, has_applied: bool) -> Result<JobListing, RepoError> {
    let (job, count, (name, logo_url, description, industry, size), (owner, active)) = row;
    Ok(JobListing {
        job: job.into_job(count)?,
        company: JobCompany {
            name,
            logo_url,
            description,
            industry,
            size,
        },
        has_applied,
        owner_user_id: UserId(owner),
        owner_active: active,
    })
}

/// `jobs ⋈ companies ⋈ employers ⋈ users`, boxed so filters can be added one by one.
macro_rules! listing_source {
    () => {
        crate::schema::jobs::table
            .inner_join(crate::schema::companies::table)
            .inner_join(crate::schema::employers::table.inner_join(crate::schema::users::table))
            .into_boxed::<crate::conn::MultiBackend>()
    };
}
pub(crate) use listing_source;

pub(crate) type Source = diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<
        diesel::dsl::InnerJoin<jobs::table, companies::table>,
        diesel::dsl::InnerJoin<employers::table, users::table>,
    >,
    MultiBackend,
>;

/// The select list of [`ListingRow`], the stable order, and the page window.
pub(crate) fn load_page(
    source: Source,
    limit: i64,
    offset: i64,
    conn: &mut DbConn,
) -> QueryResult<Vec<ListingRow>> {
    source
        .select(listing_columns())
        .order((
            static_sql::<Nullable<Timestamp>>(POSTED_DESC_NULLS_FIRST),
            jobs::id.desc(),
        ))
        .limit(limit)
        .offset(offset)
        .load(conn)
}

#[allow(clippy::type_complexity)]
pub(crate) fn listing_columns() -> (
    diesel::dsl::AsSelect<JobRow, MultiBackend>,
    StaticSql<BigInt>,
    (
        companies::name,
        companies::logo_url,
        companies::description,
        companies::industry,
        companies::size,
    ),
    (users::id, users::is_active),
) {
    (
        JobRow::as_select(),
        static_sql::<BigInt>(APPLICATIONS_COUNT_SQL),
        (
            companies::name,
            companies::logo_url,
            companies::description,
            companies::industry,
            companies::size,
        ),
        (users::id, users::is_active),
    )
}

/// An always-true condition for the public list and text searches. Raw SQL keeps a query out of
/// diesel's prepared-statement cache, so PostgreSQL plans it for its actual values (for a search,
/// the trigram indexes for a rare word, the posted-at index for a common one) instead of reusing
/// a generic plan (the connections force generic plans for every prepared statement, see `conn`).
pub(crate) fn planned_per_pattern() -> diesel::expression::SqlLiteral<diesel::sql_types::Bool> {
    diesel::dsl::sql("TRUE")
}

/// `%q%` for `LIKE … ESCAPE '\'`, with the query's own `%`, `_` and `\` matched literally.
pub(crate) fn contains_pattern(normalized: &str) -> String {
    format!("%{}%", escape_like(normalized))
}

/// A match in the title or description only: after the first field separator of the search text
/// (the company name comes first, see `job_search_text`). The query cannot contain the separator,
/// so a match never spans two fields.
pub(crate) fn after_company_pattern(normalized: &str) -> String {
    format!("%{FIELD_SEPARATOR}%{}%", escape_like(normalized))
}

fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

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
            applied_ids(conn, user.get(), ids).map_err(crate::error::map_db_error)?
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(contains_pattern("50%"), "%50\\%%");
        assert_eq!(contains_pattern("a_b\\c"), "%a\\_b\\\\c%");
        assert_eq!(after_company_pattern("x"), "%\u{1f}%x%");
    }
}
