//! `intowork import-reference` (CONTRACT 9.3): copies a reference (FastAPI) database into ours,
//! keeping ids. Table by table, parents first; each table is written in one transaction, so a
//! failure never leaves half a table.
//!
//! Every decision (import, skip and why) is taken in memory before writing, from what our
//! database already holds plus what this run accepted so far; a dry run takes the same decisions
//! and writes nothing, so its report is the real run's.
//!
//! Idempotence: a row whose id exists in our database with the same identity (a user's email, a
//! child's parent...) was imported before and is skipped. An id held by a *different* row is a
//! conflict: the row is skipped, and so are the rows that hang from it, rather than attaching them
//! to someone else's data.
//!
//! CV files are the caller's (the storage crate knows no file store): [`Importer::plan_cvs`] says
//! which CVs to bring, the caller copies their files, [`Importer::insert_cvs`] writes the rows.

mod cvs;
mod hiring;
mod people;
mod reference;
mod reference_hiring;
mod rows;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::RunQueryDsl;
use intowork_domain::RepoError;

use intowork_storage::{Database, DbConn};

pub use cvs::CvToCopy;
pub use reference::{ReferenceData, read_reference};
pub use rows::CvRow;

/// What happened to one table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableReport {
    pub table: String,
    pub read: usize,
    pub imported: usize,
    /// Why rows were not imported, with their reference ids.
    pub skipped: BTreeMap<String, Vec<i64>>,
    /// What was changed on imported rows to fit our rules, with their ids.
    pub adjusted: BTreeMap<String, Vec<i64>>,
    /// The largest reference id read. The table's id sequence is moved past it, so the ids of
    /// rows skipped now stay free for a later run (once their file or parent is there).
    pub max_id: i64,
}

/// The reason recorded for rows a previous run imported.
pub const ALREADY_IMPORTED: &str = "already imported";

impl TableReport {
    pub fn new(table: impl Into<String>) -> Self {
        Self {
            table: table.into(),
            ..Self::default()
        }
    }

    pub fn skipped_count(&self) -> usize {
        self.skipped.values().map(Vec::len).sum()
    }

    pub fn skip(&mut self, reason: impl Into<String>, id: i64) {
        self.skipped.entry(reason.into()).or_default().push(id);
    }

    pub fn adjust(&mut self, what: impl Into<String>, id: i64) {
        self.adjusted.entry(what.into()).or_default().push(id);
    }
}

/// The ids of one of our tables: the identity of each existing row, and which ids the rows of
/// this import may refer to (matched or inserted by this run).
#[derive(Default)]
struct Ids {
    existing: HashMap<i64, String>,
    present: HashSet<i64>,
}

#[derive(Default)]
struct State {
    users: Ids,
    roles: HashMap<i64, &'static str>,
    email_owner: HashMap<String, i64>,
    candidates: Ids,
    candidate_of_user: HashMap<i64, i64>,
    experiences: Ids,
    educations: Ids,
    skills: Ids,
    companies: Ids,
    company_names: HashMap<i64, String>,
    employers: Ids,
    employer_of_user: HashMap<i64, i64>,
    jobs: Ids,
    /// Each present job's employer (copied onto its applications).
    job_employer: HashMap<i64, i64>,
    cvs: Ids,
    /// The CVs our database holds, per candidate: `(created_at, id)`.
    existing_cvs_of: HashMap<i64, Vec<(NaiveDateTime, i64)>>,
    /// Each candidate's newest present CV: `(created_at, id)`.
    newest_cv: HashMap<i64, (NaiveDateTime, i64)>,
    applications: Ids,
    application_pairs: HashSet<(i64, i64)>,
    notifications: Ids,
}

/// One import run against our database.
pub struct Importer {
    db: Database,
    dry_run: bool,
    now: NaiveDateTime,
    state: State,
}

impl Importer {
    /// Reads the ids and identities our database already holds. `now` fills timestamps the
    /// reference left NULL.
    pub fn load(db: &Database, dry_run: bool, now: NaiveDateTime) -> Result<Importer, RepoError> {
        let state = db.run_blocking(|conn| existing_state(conn).map_err(map_db_error))?;
        Ok(Importer {
            db: db.clone(),
            dry_run,
            now,
            state,
        })
    }

    pub fn dry_run(&self) -> bool {
        self.dry_run
    }

    /// Writes `rows` with `insert` in one transaction, then moves `table`'s id sequence past
    /// `reserve` and every id in the table. Nothing is written in a dry run.
    fn write<R>(
        &self,
        table: &'static str,
        rows: &[R],
        reserve: i64,
        insert: impl Fn(&mut DbConn, &R) -> diesel::QueryResult<usize>,
    ) -> Result<(), RepoError> {
        if self.dry_run || (rows.is_empty() && reserve == 0) {
            return Ok(());
        }
        self.db
            .run_blocking(|conn| {
                write_tx(conn, |conn| {
                    for row in rows {
                        insert(conn, row)?;
                    }
                    reserve_ids(conn, table, reserve)
                })
                .map_err(map_db_error)
            })
            .map_err(|e| RepoError::Internal(format!("importing {table}: {e}")))
    }
}

/// Sorts one table's rows: `already imported` and id conflicts first, then `accept` (which checks
/// parents and labels and builds our row, or says why not). Accepted ids become present.
fn decide<R, T>(
    ids: &mut Ids,
    report: &mut TableReport,
    rows: &[R],
    id: impl Fn(&R) -> i64,
    identity: impl Fn(&R) -> String,
    mut accept: impl FnMut(&R, &mut TableReport) -> Result<T, String>,
) -> Vec<T> {
    let mut out = Vec::new();
    for row in rows {
        report.read += 1;
        let row_id = id(row);
        report.max_id = report.max_id.max(row_id);
        if let Some(existing) = ids.existing.get(&row_id) {
            if *existing == identity(row) {
                ids.present.insert(row_id);
                report.skip(ALREADY_IMPORTED, row_id);
            } else {
                report.skip(
                    "id already used by a different row in this database",
                    row_id,
                );
            }
            continue;
        }
        match accept(row, report) {
            Ok(ours) => {
                ids.present.insert(row_id);
                out.push(ours);
            }
            Err(reason) => report.skip(reason, row_id),
        }
    }
    report.imported = out.len();
    out
}

/// `created_at` and `updated_at` our NOT NULL columns need, from what the reference has.
fn stamps(
    created: Option<NaiveDateTime>,
    updated: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> (NaiveDateTime, NaiveDateTime) {
    let created_at = created.or(updated).unwrap_or(now);
    (created_at, updated.unwrap_or(created_at))
}

/// A required text column: present and not blank.
fn required(value: &Option<String>, column: &str) -> Result<String, String> {
    match value {
        Some(v) if !v.trim().is_empty() => Ok(v.clone()),
        _ => Err(format!("no {column}")),
    }
}

/// An integer our schema keeps in 32 bits; out of range becomes NULL (noted).
fn int32(value: Option<i64>, column: &str, id: i64, report: &mut TableReport) -> Option<i32> {
    let v = value?;
    i32::try_from(v).ok().or_else(|| {
        report.adjust(format!("{column} out of range, set to NULL"), id);
        None
    })
}

/// Moves `table`'s id generator so the next id is above `reserve` and above every id in the
/// table: new rows (the server's, or legacy CVs) never take an imported id or one a later run may
/// still import. Never moves it backwards (ids of deleted rows are not handed out again).
/// `table` is one of our table names, never input.
/// Our errors as the storage crate reports them: a lost connection is `Unavailable`.
fn map_db_error(e: diesel::result::Error) -> RepoError {
    intowork_storage::StorageError::Query(e).into()
}

/// One table's rows in one transaction. A plain (deferred) transaction is enough on SQLite too:
/// its first statement always writes, so the write lock is taken at once and a concurrent writer
/// is waited for (busy timeout), never met by a failing lock upgrade.
fn write_tx<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> diesel::QueryResult<T>,
) -> diesel::QueryResult<T> {
    use diesel::Connection;
    conn.transaction(f)
}

fn reserve_ids(
    conn: &mut DbConn,
    table: &'static str,
    reserve: i64,
) -> diesel::QueryResult<()> {
    match conn {
        DbConn::Pg(pg) => {
            diesel::sql_query(format!(
                "SELECT setval(s.seq, v.next) \
                 FROM (SELECT pg_get_serial_sequence('{table}', 'id')::regclass AS seq) s, \
                 LATERAL (SELECT GREATEST({reserve}, (SELECT COALESCE(MAX(id), 0) FROM {table}), \
                          COALESCE(pg_sequence_last_value(s.seq), 0)) AS next) v \
                 WHERE v.next > 0"
            ))
            .execute(pg)?;
        }
        // AUTOINCREMENT hands out max(largest id ever, sqlite_sequence.seq) + 1.
        DbConn::Sqlite(lite) => {
            diesel::sql_query(format!(
                "INSERT INTO sqlite_sequence (name, seq) SELECT '{table}', 0 \
                 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{table}')"
            ))
            .execute(lite)?;
            diesel::sql_query(format!(
                "UPDATE sqlite_sequence SET seq = MAX(seq, {reserve}) WHERE name = '{table}'"
            ))
            .execute(lite)?;
        }
    }
    Ok(())
}

fn existing_state(conn: &mut DbConn) -> diesel::QueryResult<State> {
    use intowork_storage::schema::{
        candidate_cvs, candidates, companies, educations, employers, experiences, job_applications,
        jobs, notifications, skills, users,
    };
    use diesel::prelude::*;

    let mut s = State::default();
    for (id, norm, role) in users::table
        .select((users::id, users::email_norm, users::role))
        .load::<(i64, String, String)>(conn)?
    {
        s.email_owner.insert(norm.clone(), id);
        s.users.existing.insert(id, norm);
        if let Some(r) = intowork_domain::user::Role::parse(&role) {
            s.roles.insert(id, r.as_str());
        }
    }
    for (id, user) in candidates::table
        .select((candidates::id, candidates::user_id))
        .load::<(i64, i64)>(conn)?
    {
        s.candidate_of_user.insert(user, id);
        s.candidates.existing.insert(id, user.to_string());
    }
    let by_parent = |rows: Vec<(i64, i64)>| -> HashMap<i64, String> {
        rows.into_iter()
            .map(|(id, p)| (id, p.to_string()))
            .collect()
    };
    s.experiences.existing = by_parent(
        experiences::table
            .select((experiences::id, experiences::candidate_id))
            .load(conn)?,
    );
    s.educations.existing = by_parent(
        educations::table
            .select((educations::id, educations::candidate_id))
            .load(conn)?,
    );
    s.skills.existing = by_parent(
        skills::table
            .select((skills::id, skills::candidate_id))
            .load(conn)?,
    );
    s.companies.existing = companies::table
        .select((companies::id, companies::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    for (id, user) in employers::table
        .select((employers::id, employers::user_id))
        .load::<(i64, i64)>(conn)?
    {
        s.employer_of_user.insert(user, id);
        s.employers.existing.insert(id, user.to_string());
    }
    let job_rows: Vec<(i64, i64)> = jobs::table
        .select((jobs::id, jobs::employer_id))
        .load(conn)?;
    s.job_employer = job_rows.iter().copied().collect();
    s.jobs.existing = by_parent(job_rows);
    for (id, candidate, created_at) in candidate_cvs::table
        .select((
            candidate_cvs::id,
            candidate_cvs::candidate_id,
            candidate_cvs::created_at,
        ))
        .load::<(i64, i64, NaiveDateTime)>(conn)?
    {
        s.cvs.existing.insert(id, candidate.to_string());
        s.existing_cvs_of
            .entry(candidate)
            .or_default()
            .push((created_at, id));
    }
    for (id, job, candidate) in job_applications::table
        .select((
            job_applications::id,
            job_applications::job_id,
            job_applications::candidate_id,
        ))
        .load::<(i64, i64, i64)>(conn)?
    {
        s.application_pairs.insert((job, candidate));
        s.applications
            .existing
            .insert(id, format!("{job}:{candidate}"));
    }
    s.notifications.existing = by_parent(
        notifications::table
            .select((notifications::id, notifications::user_id))
            .load(conn)?,
    );
    Ok(s)
}
