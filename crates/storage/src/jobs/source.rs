//! The listing query: `jobs ⋈ companies ⋈ employers ⋈ users`, its select list and its order.
//! Every list is one page query plus a count (and, for a signed-in candidate, one `has_applied`
//! query for the page): a fixed number of statements whatever the page holds.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Timestamp};

use super::rows::{JobRow, ListingRow};
use crate::conn::{DbConn, MultiBackend};
use crate::schema::{companies, employers, jobs, users};
use crate::static_sql::{StaticSql, static_sql};
use crate::stored::columns;

/// `applications_count` is computed live (CONTRACT 8.5): a correlated count served by the
/// `job_applications (job_id, …)` index, so it can never drift from the applications themselves.
/// Plain SQL because diesel's DSL cannot express a sub-select that refers to the outer row; the
/// text is the same on both databases.
pub(crate) const APPLICATIONS_COUNT_SQL: &str =
    "(SELECT COUNT(*) FROM job_applications WHERE job_applications.job_id = jobs.id)";

/// PostgreSQL's default for `DESC` (and what the reference did); SQLite would put NULLs last.
/// Matches the `(…, posted_at DESC, id DESC)` indexes on PostgreSQL.
const POSTED_DESC_NULLS_FIRST: &str = "jobs.posted_at DESC NULLS FIRST";

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

/// The live application count of the selected job.
pub(crate) fn applications_count() -> StaticSql<BigInt> {
    static_sql::<BigInt>(APPLICATIONS_COUNT_SQL)
}

columns!(
    /// The company columns a listed job shows.
    LISTED_COMPANY: ListedCompanyColumns = (
        companies::name,
        companies::logo_url,
        companies::description,
        companies::industry,
        companies::size,
    )
);

/// The select list of [`ListingRow`].
pub(crate) type ListingColumns = (
    diesel::dsl::AsSelect<JobRow, MultiBackend>,
    StaticSql<BigInt>,
    ListedCompanyColumns,
    (users::id, users::is_active),
);

pub(crate) fn listing_columns() -> ListingColumns {
    (
        JobRow::as_select(),
        applications_count(),
        LISTED_COMPANY,
        (users::id, users::is_active),
    )
}
