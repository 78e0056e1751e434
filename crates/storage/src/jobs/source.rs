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

/// What a list row loads beyond what every row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RowShape {
    /// The employer's own list: the whole description and the seven sections, from which the
    /// edit form is filled (D2, HEAD.md 10.3).
    Owner,
    /// The public list: [`LISTED_DESCRIPTION_CHARS`] of the description, one character more so
    /// that the presenter can tell a cut text from one of exactly that length (`substr` counts
    /// characters, code points, on both databases), and no sections (null columns).
    Public,
}

const WHOLE_DESCRIPTION_SQL: &str = "jobs.description";
const CUT_DESCRIPTION_SQL: &str = "substr(jobs.description, 1, 301)";
const _: () = assert!(
    LISTED_DESCRIPTION_CHARS + 1 == 301,
    "CUT_DESCRIPTION_SQL's length"
);

/// The section columns in the form's order (`JobSections::NAMES`), qualified.
const SECTION_SQL: [&str; 7] = [
    "jobs.context",
    "jobs.mission_principale",
    "jobs.profil_formation",
    "jobs.profil_experience",
    "jobs.profil_competences",
    "jobs.profil_posture",
    "jobs.profil_autre",
];
/// A typed null both databases accept in a select list.
const NO_SECTION_SQL: &str = "CAST(NULL AS TEXT)";

type SectionColumn = StaticSql<Nullable<Text>>;
type SectionColumns = (
    SectionColumn,
    SectionColumn,
    SectionColumn,
    SectionColumn,
    SectionColumn,
    SectionColumn,
    SectionColumn,
);

impl RowShape {
    fn description(self) -> StaticSql<Text> {
        static_sql::<Text>(match self {
            RowShape::Owner => WHOLE_DESCRIPTION_SQL,
            RowShape::Public => CUT_DESCRIPTION_SQL,
        })
    }

    fn sections(self) -> SectionColumns {
        let [a, b, c, d, e, f, g] = SECTION_SQL.map(|column| {
            static_sql::<Nullable<Text>>(match self {
                RowShape::Owner => column,
                RowShape::Public => NO_SECTION_SQL,
            })
        });
        (a, b, c, d, e, f, g)
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
    jobs::status,
    jobs::country,
    jobs::zone,
    jobs::language,
    jobs::image_key,
    jobs::linkedin_published_at,
    jobs::is_featured,
    jobs::views_count,
    jobs::posted_at,
    StaticSql<BigInt>,
    companies::name,
    companies::logo_url,
    companies::is_verified,
    SectionColumns,
);

fn summary_columns(shape: RowShape) -> SummaryColumns {
    (
        jobs::id,
        jobs::company_id,
        jobs::title,
        shape.description(),
        jobs::job_type,
        jobs::location_type,
        jobs::location,
        jobs::salary_min,
        jobs::salary_max,
        jobs::currency,
        jobs::status,
        jobs::country,
        jobs::zone,
        jobs::language,
        jobs::image_key,
        jobs::linkedin_published_at,
        jobs::is_featured,
        jobs::views_count,
        jobs::posted_at,
        applications_count(),
        companies::name,
        companies::logo_url,
        companies::is_verified,
        shape.sections(),
    )
}

/// The list rows of a page: the select list of [`SummaryRow`], the stable order, the window.
pub(crate) fn load_page(
    source: Source,
    shape: RowShape,
    (limit, offset): (i64, i64),
    conn: &mut DbConn,
) -> QueryResult<Vec<SummaryRow>> {
    source
        .select(summary_columns(shape))
        .order(newest_first())
        .limit(limit)
        .offset(offset)
        .load(conn)
}

/// Every list's order: newest first, ties by id.
pub(crate) fn newest_first() -> (StaticSql<Nullable<Timestamp>>, diesel::dsl::Desc<jobs::id>) {
    (
        static_sql::<Nullable<Timestamp>>(POSTED_DESC_NULLS_FIRST),
        jobs::id.desc(),
    )
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
        companies::is_verified,
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
