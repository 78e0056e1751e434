//! The listing query: `jobs ⋈ companies ⋈ employers ⋈ users`, its select lists (a list's rows,
//! one job with its company) and its order.
//! Every list is one page query plus a count (and, for a signed-in candidate, one `has_applied`
//! query for the page): a fixed number of statements whatever the page holds.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};
use intowork_domain::job::LISTED_DESCRIPTION_CHARS;

use super::rows::{JobRow, SummaryRow};
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

/// How much of a description a list loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Description {
    /// The employer's own list fills the edit form from it (D2).
    Whole,
    /// The public list shows [`LISTED_DESCRIPTION_CHARS`]: one character more is loaded, so that
    /// the presenter can tell a cut text from one of exactly that length. `substr` counts
    /// characters (code points) on both databases.
    Cut,
}

const WHOLE_DESCRIPTION_SQL: &str = "jobs.description";
const CUT_DESCRIPTION_SQL: &str = "substr(jobs.description, 1, 301)";
const _: () = assert!(
    LISTED_DESCRIPTION_CHARS + 1 == 301,
    "CUT_DESCRIPTION_SQL's length"
);

impl Description {
    fn column(self) -> StaticSql<Text> {
        static_sql::<Text>(match self {
            Description::Whole => WHOLE_DESCRIPTION_SQL,
            Description::Cut => CUT_DESCRIPTION_SQL,
        })
    }
}

/// The select list of [`SummaryRow`]: the columns the list shows, and no other text.
type SummaryColumns = (
    jobs::id,
    jobs::company_id,
    jobs::title,
    StaticSql<Text>,
    jobs::job_type,
    jobs::location_type,
    jobs::location,
    jobs::salary_min,
    jobs::salary_max,
    jobs::currency,
    jobs::is_featured,
    jobs::views_count,
    jobs::posted_at,
    StaticSql<BigInt>,
    companies::name,
    companies::logo_url,
);

fn summary_columns(description: Description) -> SummaryColumns {
    (
        jobs::id,
        jobs::company_id,
        jobs::title,
        description.column(),
        jobs::job_type,
        jobs::location_type,
        jobs::location,
        jobs::salary_min,
        jobs::salary_max,
        jobs::currency,
        jobs::is_featured,
        jobs::views_count,
        jobs::posted_at,
        applications_count(),
        companies::name,
        companies::logo_url,
    )
}

/// The list rows of a page: the select list of [`SummaryRow`], the stable order, the window.
pub(crate) fn load_page(
    source: Source,
    description: Description,
    (limit, offset): (i64, i64),
    conn: &mut DbConn,
) -> QueryResult<Vec<SummaryRow>> {
    source
        .select(summary_columns(description))
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
