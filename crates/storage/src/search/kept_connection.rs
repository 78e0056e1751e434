//! The search index's own database connection, outside the pool: a read of every open job must
//! not hold a request's connection, and its statements are no request's
//! (`Database::statement_count`).

use intowork_domain::RepoError;

use crate::conn::DbConn;
use crate::database::Database;
use crate::error::map_db_error;

/// The index's own connection, while one is open.
pub(crate) struct KeptConnection(pub(crate) Option<DbConn>);

impl std::fmt::Debug for KeptConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeptConnection")
            .field("open", &self.0.is_some())
            .finish()
    }
}

/// Runs `read` on the kept connection, opening one first if there is none; a connection whose
/// read failed is dropped, and the next read opens a new one.
pub(crate) fn read_with<T>(
    connection: &mut Option<DbConn>,
    db: &Database,
    read: impl FnOnce(&mut DbConn) -> diesel::QueryResult<T>,
) -> Result<T, RepoError> {
    let conn = match connection {
        Some(conn) => conn,
        None => connection.insert(db.dedicated_connection()?),
    };
    let result = read(conn).map_err(map_db_error);
    if result.is_err() {
        *connection = None;
    }
    result
}
