//! Row locks for write transactions that read before they write. On PostgreSQL (READ COMMITTED)
//! they serialise the few check-then-act sequences that race: applying vs deleting the job or the
//! employer's account, applying vs deleting or adding a CV. SQLite needs none: every write
//! transaction already holds the database's write lock (`BEGIN IMMEDIATE`).
//!
//! Lock order, to stay deadlock-free: candidate row first, then job row.

use diesel::prelude::*;

use crate::conn::DbConn;
use crate::schema::{candidates, employers, jobs};

/// Locks the candidate row until the transaction ends (CV changes and applications of one
/// candidate then run one at a time).
pub(crate) fn lock_candidate(conn: &mut DbConn, candidate: i64) -> QueryResult<()> {
    match conn {
        DbConn::Pg(pg) => candidates::table
            .find(candidate)
            .select(candidates::id)
            .for_update()
            .first::<i64>(pg)
            .optional()
            .map(|_| ()),
        DbConn::Sqlite(_) => Ok(()),
    }
}

/// The job's status, locked against deletion and archiving until the transaction ends (shared:
/// concurrent applications to one job do not wait for each other).
pub(crate) fn job_status_shared(conn: &mut DbConn, job: i64) -> QueryResult<Option<(String, i64)>> {
    let query = jobs::table
        .find(job)
        .select((jobs::status, jobs::employer_id));
    match conn {
        DbConn::Pg(pg) => query.for_share().first(pg).optional(),
        DbConn::Sqlite(c) => query.first(c).optional(),
    }
}

/// The job's status, locked exclusively: an application being written to it finishes first.
pub(crate) fn job_status_exclusive(conn: &mut DbConn, job: i64) -> QueryResult<Option<String>> {
    let query = jobs::table.find(job).select(jobs::status);
    match conn {
        DbConn::Pg(pg) => query.for_update().first(pg).optional(),
        DbConn::Sqlite(c) => query.first(c).optional(),
    }
}

/// Locks the jobs of `employer_user`'s employer profile until the transaction ends, so no
/// application to them can commit between the check of their applicants and the account's
/// deletion (an application holds its job's row shared until it commits).
pub(crate) fn lock_jobs_of(conn: &mut DbConn, employer_user: i64) -> QueryResult<()> {
    match conn {
        DbConn::Pg(pg) => jobs::table
            .inner_join(employers::table)
            .filter(employers::user_id.eq(employer_user))
            .select(jobs::id)
            .for_update()
            .load::<i64>(pg)
            .map(drop),
        DbConn::Sqlite(_) => Ok(()),
    }
}

/// First half of the two-key advisory locks on one user's reset links (a key space apart from
/// the one-key migration lock).
const RESET_LINKS_LOCK_CLASS: i32 = 0x7265_7365; // "rese"

/// First half of the two-key advisory locks on one company's default email templates.
const DEFAULT_TEMPLATES_LOCK_CLASS: i32 = 0x746d_706c; // "tmpl"

/// Serialises the reset-link replacements of one user until the transaction ends, so two
/// requests racing cannot both find no recent link and both mail one. An advisory lock rather
/// than the user's row: consuming a link locks the token then the user, and taking them in the
/// other order here could deadlock. Users whose ids share their low 31 bits merely wait for each
/// other.
pub(crate) fn lock_reset_links_of(conn: &mut DbConn, user: i64) -> QueryResult<()> {
    advisory_xact_lock(conn, RESET_LINKS_LOCK_CLASS, user)
}

/// Serialises the changes of one company's default templates until the transaction ends: two
/// writes making a default of one type could otherwise both find no other default to unset, and
/// the second would break the one-default-per-type index. The later one wins, as if in sequence.
pub(crate) fn lock_default_templates_of(conn: &mut DbConn, company: i64) -> QueryResult<()> {
    advisory_xact_lock(conn, DEFAULT_TEMPLATES_LOCK_CLASS, company)
}

/// A transaction-scoped advisory lock on `(class, id)`; ids sharing their low 31 bits merely wait
/// for each other.
fn advisory_xact_lock(conn: &mut DbConn, class: i32, id: i64) -> QueryResult<()> {
    match conn {
        DbConn::Pg(pg) => {
            let key = i32::try_from(id & 0x7fff_ffff).unwrap_or_default();
            diesel::sql_query("SELECT pg_advisory_xact_lock($1, $2)")
                .bind::<diesel::sql_types::Integer, _>(class)
                .bind::<diesel::sql_types::Integer, _>(key)
                .execute(pg)
                .map(drop)
        }
        DbConn::Sqlite(_) => Ok(()),
    }
}
