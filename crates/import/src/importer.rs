//! One import run: the decisions taken so far, and the one generic step that copies a table.

use chrono::NaiveDateTime;
use intowork_domain::RepoError;
use intowork_storage::Database;
use intowork_storage::write_tx;

use crate::decide::{Matching, decide};
use crate::existing::existing_state;
use crate::reference::columns::ReferenceTable;
use crate::report::TableReport;
use crate::rows::OurRow;
use crate::state::State;
use crate::write::{db_error, reserve_ids};

/// One import run against our database.
pub struct Importer {
    pub(crate) db: Database,
    pub(crate) dry_run: bool,
    /// Fills the timestamps the reference left NULL.
    pub(crate) now: NaiveDateTime,
    pub(crate) state: State,
}

impl Importer {
    /// Reads the ids and identities our database already holds. `now` fills timestamps the
    /// reference left NULL.
    pub fn load(db: &Database, dry_run: bool, now: NaiveDateTime) -> Result<Importer, RepoError> {
        let state = db.run_blocking(|conn| existing_state(conn).map_err(db_error))?;
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

    /// Copies one table: [`decide`]s every row (`matching` and `accept` as there), then writes
    /// the accepted ones.
    pub(crate) fn copy<R: ReferenceTable, T: OurRow>(
        &mut self,
        rows: &[R],
        matching: &Matching<R>,
        accept: impl FnMut(&mut State, &R, &mut TableReport) -> Result<T, String>,
    ) -> Result<TableReport, RepoError> {
        let mut report = TableReport::new(T::TABLE);
        let accepted = decide(&mut self.state, matching, rows, &mut report, accept);
        self.write(&accepted, report.max_id)?;
        Ok(report)
    }

    /// Writes `rows` in one transaction, then moves their table's id sequence past `reserve` and
    /// every id in the table. Nothing is written in a dry run.
    fn write<T: OurRow>(&self, rows: &[T], reserve: i64) -> Result<(), RepoError> {
        if self.dry_run || (rows.is_empty() && reserve == 0) {
            return Ok(());
        }
        self.db
            .run_blocking(|conn| {
                write_tx(conn, |conn| {
                    for row in rows {
                        row.insert(conn)?;
                    }
                    reserve_ids(conn, T::TABLE, reserve)
                })
                .map_err(db_error)
            })
            .map_err(|e| RepoError::Internal(format!("importing {}: {e}", T::TABLE)))
    }
}
