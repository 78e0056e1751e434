//! The r2d2 pool: the scheme-aware connection manager, the settings every new connection gets,
//! the statement counter, and discarding connections that failed.

use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use diesel::connection::{Connection, InstrumentationEvent, SimpleConnection};
use diesel::pg::PgConnection;
use diesel::r2d2::{self, CustomizeConnection, HandleError, ManageConnection, R2D2Connection};
use diesel::sqlite::SqliteConnection;

use crate::conn::{Backend, DbConn, Target};

/// An r2d2 manager that connects by scheme. Unlike the derived `DbConn::establish`, which tries
/// every backend and reports only "Invalid connection url", it keeps libpq's real error (for
/// example "Connection refused"), which ends up in the pool's timeout message.
pub(crate) struct SchemeManager {
    target: Target,
}

impl SchemeManager {
    pub(crate) fn new(target: Target) -> Self {
        Self { target }
    }
}

impl ManageConnection for SchemeManager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        let conn = match self.target.backend {
            Backend::Postgres => PgConnection::establish(&self.target.url).map(DbConn::Pg),
            Backend::Sqlite => SqliteConnection::establish(&self.target.url).map(DbConn::Sqlite),
        };
        conn.map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        // A connection dropped while panicking may sit in the middle of a transaction.
        std::thread::panicking() || DISCARD_ON_RETURN.take() || conn.is_broken()
    }
}

thread_local! {
    /// Set by [`discard_on_return`] just before a connection goes back to the pool. r2d2 calls
    /// `has_broken` synchronously, on the dropping thread, so the flag reaches that connection.
    static DISCARD_ON_RETURN: Cell<bool> = const { Cell::new(false) };
}

/// Marks the pooled connection about to be dropped on this thread as broken, so the pool closes
/// it instead of handing it out again. The pool does not test connections at checkout (that was
/// one `SELECT 1` round trip per query batch), so a connection that failed with a connection-level
/// error (the database restarted, the socket closed) is thrown away here, by its last user.
pub(crate) fn discard_on_return() {
    DISCARD_ON_RETURN.set(true);
}

/// SQLite settings every connection needs: the busy timeout first (so the others wait instead of
/// failing while another connection holds a lock), foreign keys (cascades depend on them), WAL
/// and normal synchronisation.
/// Also installs the [`StatementCounter`] on every new connection.
#[derive(Debug)]
struct SqlitePragmas {
    statements: StatementCounter,
}

/// Counts the SQL statements every pooled connection sends (diesel's instrumentation hook), so
/// tests can prove that a request runs a fixed number of statements whatever the data size. In
/// debug builds only, the `intowork_storage::sql=trace` log filter also logs each statement with
/// its bind values (a development aid used by `scripts/explain-jobs`). Release builds never log
/// them, whatever the filter: binds hold personal data and password hashes (CONTRACT 9.18).
#[derive(Clone, Debug, Default)]
pub(crate) struct StatementCounter(Arc<AtomicU64>);

impl StatementCounter {
    pub(crate) fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn install(&self, conn: &mut DbConn) {
        let count = self.0.clone();
        let hook = move |event: InstrumentationEvent<'_>| {
            if let InstrumentationEvent::StartQuery { query, .. } = event {
                count.fetch_add(1, Ordering::Relaxed);
                #[cfg(debug_assertions)]
                tracing::trace!(target: "intowork_storage::sql", sql = %query);
                #[cfg(not(debug_assertions))]
                let _ = query;
            }
        };
        match conn {
            DbConn::Pg(c) => c.set_instrumentation(hook),
            DbConn::Sqlite(c) => c.set_instrumentation(hook),
        }
    }
}

const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 5000; \
     PRAGMA foreign_keys = ON; \
     PRAGMA journal_mode = WAL; \
     PRAGMA synchronous = NORMAL;";

impl CustomizeConnection<DbConn, r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        self.statements.install(conn);
        set_up(conn).map_err(r2d2::Error::QueryError)
    }
}

/// The session settings of every connection, pooled or not.
pub(crate) fn set_up(conn: &mut DbConn) -> diesel::QueryResult<()> {
    match conn {
        DbConn::Sqlite(c) => c.batch_execute(SQLITE_PRAGMAS),
        // PostgreSQL re-planned our prepared statements on every execution (custom plans
        // win its cost comparison once statistics exist), and planning cost more than running
        // them: 1.7 ms of planning for 0.4 ms of work on the employer's applications. Our
        // statements select by keys, for which the generic plan is the right one; the text
        // searches, whose plans depend on the pattern, are never prepared (`text_search`).
        // No parallel workers: starting one took 4.5 of the 7.3 ms of a 20-row page at 500,000
        // applications, and on a small server the cores are the other requests'.
        DbConn::Pg(c) => c.batch_execute(
            "SET plan_cache_mode = force_generic_plan; \
                 SET max_parallel_workers_per_gather = 0",
        ),
    }
}

/// Logs connection failures through tracing instead of the `log` crate. r2d2 retries failed
/// connections in the background, so this is debug-level; the readiness probe reports outages.
#[derive(Debug)]
struct TracingErrorHandler;

impl HandleError<r2d2::Error> for TracingErrorHandler {
    fn handle_error(&self, error: r2d2::Error) {
        tracing::debug!(%error, "database connection attempt failed");
    }
}

pub(crate) type Pool = r2d2::Pool<SchemeManager>;

/// Builds the pool without opening a connection, so the server starts while the database is down.
/// Connections are opened on demand; `pool_timeout` bounds every checkout.
pub(crate) fn build_pool(
    target: Target,
    size: u32,
    pool_timeout: Duration,
    statements: StatementCounter,
) -> Pool {
    r2d2::Pool::builder()
        .max_size(size.max(1))
        .min_idle(Some(0))
        // No `SELECT 1` before every checkout: a dead connection fails its first query with
        // `Unavailable` (503) and is then discarded (see `discard_on_return`).
        .test_on_check_out(false)
        .connection_timeout(pool_timeout)
        .connection_customizer(Box::new(SqlitePragmas { statements }))
        .error_handler(Box::new(TracingErrorHandler))
        .build_unchecked(SchemeManager { target })
}
