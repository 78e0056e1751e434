//! Writing to our database: storage's error mapping, and id sequences moved past the ids the
//! import keeps. (Transactions are storage's `write_tx`: `BEGIN IMMEDIATE` on SQLite.)

use diesel::{QueryResult, RunQueryDsl};
use intowork_domain::RepoError;
use intowork_storage::{DbConn, StorageError};

/// A diesel error as the storage crate reports it (a lost connection is `Unavailable`).
pub fn db_error(e: diesel::result::Error) -> RepoError {
    StorageError::Query(e).into()
}

/// Moves `table`'s id generator so the next id is above `reserve` and above every id in the
/// table: new rows (the server's, or legacy CVs) never take an imported id or one a later run may
/// still import. Never moves it backwards (ids of deleted rows are not handed out again).
/// `table` is one of our table names, never input.
pub fn reserve_ids(conn: &mut DbConn, table: &'static str, reserve: i64) -> QueryResult<()> {
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
