//! The employer funnel's facts (HEAD.md 10.10): the set of statuses each application ever had,
//! from the status history and its current status, grouped, with the interview delays; and the
//! jobs with the most applications. Three statements whatever the number of applications.

use std::sync::LazyLock;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double};
use intowork_domain::JobId;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::dashboard::{FunnelFacts, JobTotal, ReachedGroup};

use crate::conn::DbConn;
use crate::jobs::applications_count;
use crate::schema::{employers, jobs};

/// One group of applications with the same statuses reached (`mask`: bit i = `ALL[i]`).
#[derive(QueryableByName)]
struct GroupRow {
    #[diesel(sql_type = BigInt)]
    mask: i64,
    #[diesel(sql_type = BigInt)]
    applications: i64,
    #[diesel(sql_type = BigInt)]
    interviewed: i64,
    #[diesel(sql_type = Double)]
    seconds: f64,
}

/// `CASE <column> WHEN 'applied' THEN 1 WHEN 'viewed' THEN 2 … ELSE 0 END`.
fn status_bit(column: &str) -> String {
    let whens: String = ApplicationStatus::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| format!(" WHEN '{}' THEN {}", s.as_str(), 1_i64 << i))
        .collect();
    format!("CASE {column}{whens} ELSE 0 END")
}

/// The grouping query, around the backend's "seconds between two timestamps" and its bind
/// placeholder. A status is ORed in once whatever its count (`SUM(DISTINCT bit)`), and the
/// current status joins the history's, so an application whose history was never recorded
/// (imported after the migration's backfill) still counts where it stands.
fn groups_sql(seconds_between: &str, placeholder: &str) -> String {
    let history_bits = status_bit("h.to_status");
    let current_bit = status_bit("a.status");
    let interview = ApplicationStatus::Interview.as_str();
    let delay = seconds_between
        .replace("{later}", "per_app.first_interview")
        .replace("{earlier}", "per_app.applied_at");
    format!(
        "SELECT per_app.mask AS mask, COUNT(*) AS applications, \
         COUNT(per_app.first_interview) AS interviewed, COALESCE(SUM({delay}), 0.0) AS seconds \
         FROM (SELECT a.applied_at AS applied_at, \
                 (COALESCE(SUM(DISTINCT {history_bits}), 0) | {current_bit}) AS mask, \
                 MIN(CASE WHEN h.to_status = '{interview}' THEN h.changed_at END) AS first_interview \
               FROM job_applications a \
               LEFT JOIN application_status_history h ON h.application_id = a.id \
               WHERE a.employer_id = {placeholder} \
               GROUP BY a.id, a.applied_at, a.status) per_app \
         GROUP BY per_app.mask"
    )
}

static PG_GROUPS: LazyLock<String> = LazyLock::new(|| {
    groups_sql(
        "CAST(EXTRACT(EPOCH FROM ({later} - {earlier})) AS DOUBLE PRECISION)",
        "$1",
    )
});
static SQLITE_GROUPS: LazyLock<String> = LazyLock::new(|| {
    groups_sql(
        "((julianday({later}) - julianday({earlier})) * 86400.0)",
        "?",
    )
});

fn groups(conn: &mut DbConn, employer: i64) -> QueryResult<Vec<GroupRow>> {
    match conn {
        DbConn::Pg(c) => diesel::sql_query(PG_GROUPS.as_str())
            .bind::<BigInt, _>(employer)
            .load(c),
        DbConn::Sqlite(c) => diesel::sql_query(SQLITE_GROUPS.as_str())
            .bind::<BigInt, _>(employer)
            .load(c),
    }
}

fn statuses(mask: i64) -> Vec<ApplicationStatus> {
    ApplicationStatus::ALL
        .into_iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, s)| s)
        .collect()
}

/// The employer's `top` jobs by applications (archived ones too: their applications count),
/// ties newest job first.
fn top_jobs(conn: &mut DbConn, employer: i64, top: i64) -> QueryResult<Vec<JobTotal>> {
    let rows: Vec<(i64, String, i64)> = jobs::table
        .filter(jobs::employer_id.eq(employer))
        .select((jobs::id, jobs::title, applications_count()))
        .order((applications_count().desc(), jobs::id.desc()))
        .limit(top)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, title, total)| JobTotal {
            job_id: JobId(id),
            title,
            total,
        })
        .collect())
}

/// `None` without an employer row or without a company.
pub(crate) fn funnel_facts(
    conn: &mut DbConn,
    user: i64,
    top: i64,
) -> QueryResult<Option<FunnelFacts>> {
    let employer = employers::table
        .filter(employers::user_id.eq(user))
        .filter(employers::company_id.is_not_null())
        .select(employers::id)
        .first::<i64>(conn)
        .optional()?;
    let Some(employer) = employer else {
        return Ok(None);
    };
    let rows = groups(conn, employer)?;
    let mut facts = FunnelFacts {
        top_jobs: top_jobs(conn, employer, top)?,
        ..FunnelFacts::default()
    };
    for row in rows {
        facts.interviewed += row.interviewed;
        facts.seconds_to_interview += row.seconds;
        facts.reached.push(ReachedGroup {
            statuses: statuses(row.mask),
            applications: row.applications,
        });
    }
    Ok(Some(facts))
}
