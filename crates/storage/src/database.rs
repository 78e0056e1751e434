//! The shared database handle: pool, readiness flag, and the bridges from async code to diesel.

use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use diesel::RunQueryDsl;
use diesel::connection::{AnsiTransactionManager, Connection, TransactionManager};
use diesel::result::Error as DieselError;
use intowork_domain::RepoError;
use tokio::sync::Semaphore;

use crate::conn::{Backend, DbConn, Target};
use crate::error::{StorageError, map_pool_error};
use crate::pool::{Pool, SchemeManager, StatementCounter, build_pool, discard_on_return};

/// The least a request admitted late in its timeout still waits for the checkout itself (a
/// connection may be on its way back to the pool, or the readiness probe may hold one).
const MIN_CHECKOUT_WAIT: Duration = Duration::from_millis(100);

/// Default pool checkout timeout (CONTRACT 9.19 `DATABASE_POOL_TIMEOUT_SECS`).
pub const DEFAULT_POOL_TIMEOUT: Duration = Duration::from_secs(5);

/// A cheap, cloneable handle on the connection pool.
///
/// Request paths go through [`Database::run`], which refuses work with `RepoError::Unavailable`
/// until the database is ready (migrations ran, or readiness was confirmed with
/// [`Database::set_ready`]).
#[derive(Clone)]
pub struct Database {
    inner: Arc<Inner>,
}

struct Inner {
    pool: Pool,
    /// Connects outside the pool, for [`Database::probe`].
    direct: SchemeManager,
    backend: Backend,
    ready: AtomicBool,
    statements: StatementCounter,
    /// One permit per pooled connection, handed out first come, first served (see [`Database::run`]).
    admission: Arc<Semaphore>,
    pool_timeout: Duration,
}

impl fmt::Debug for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print the URL: it may hold a password.
        f.debug_struct("Database")
            .field("backend", &self.inner.backend)
            .field("ready", &self.is_ready())
            .finish_non_exhaustive()
    }
}

impl Database {
    /// Creates the pool without connecting: the server can start while the database is down.
    /// `postgres://` / `postgresql://` select PostgreSQL; anything else is a SQLite file path
    /// (`sqlite://` prefix optional) whose parent directory is created if missing.
    pub fn connect_lazy(
        url: &str,
        pool_size: u32,
        pool_timeout: Duration,
    ) -> Result<Database, StorageError> {
        let target = Target::parse(url);
        target.prepare()?;
        let backend = target.backend;
        let statements = StatementCounter::default();
        Ok(Database {
            inner: Arc::new(Inner {
                direct: SchemeManager::new(target.clone()),
                pool: build_pool(target, pool_size, pool_timeout, statements.clone()),
                backend,
                ready: AtomicBool::new(false),
                statements,
                admission: Arc::new(Semaphore::new(pool_size.max(1) as usize)),
                pool_timeout,
            }),
        })
    }

    /// SQL statements sent through this pool so far (all connections, including the pool's
    /// `SELECT 1` validity checks). Tests take the difference around a request.
    pub fn statement_count(&self) -> u64 {
        self.inner.statements.get()
    }

    pub fn backend(&self) -> Backend {
        self.inner.backend
    }

    /// `true` once migrations ran (or readiness was confirmed); until then every [`Database::run`]
    /// answers `Unavailable`.
    pub fn is_ready(&self) -> bool {
        self.inner.ready.load(Ordering::Acquire)
    }

    pub fn set_ready(&self, ready: bool) {
        self.inner.ready.store(ready, Ordering::Release);
    }

    /// Checks out a connection, waiting at most the pool timeout. Ignores readiness.
    pub(crate) fn checkout(
        &self,
    ) -> Result<diesel::r2d2::PooledConnection<SchemeManager>, StorageError> {
        self.inner
            .pool
            .get()
            .map_err(|e| StorageError::Unavailable(e.to_string()))
    }

    /// Opens one connection directly, outside the pool (blocking). Unlike a pool checkout, which
    /// keeps retrying for the whole pool timeout, this fails at once when the server refuses the
    /// connection: start-up uses it so an unreachable database never delays liveness.
    pub fn probe(&self) -> Result<(), StorageError> {
        use diesel::r2d2::ManageConnection;
        self.inner
            .direct
            .connect()
            .map(|_| ())
            .map_err(|e| StorageError::Unavailable(e.to_string()))
    }

    /// Opens one connection outside the pool (blocking), set up as the pooled ones and not counted
    /// by [`Database::statement_count`]: for background work that would otherwise hold one of
    /// the requests' connections for a long read (the job search index).
    pub(crate) fn dedicated_connection(&self) -> Result<DbConn, RepoError> {
        use diesel::r2d2::ManageConnection;
        self.ensure_ready()?;
        let mut conn = self
            .inner
            .direct
            .connect()
            .map_err(|e| RepoError::Unavailable(e.to_string()))?;
        crate::pool::set_up(&mut conn).map_err(crate::error::map_db_error)?;
        Ok(conn)
    }

    /// Runs `SELECT 1` (blocking), whether or not the database is marked ready.
    pub fn check_connection(&self) -> Result<(), StorageError> {
        let mut conn = self.checkout()?;
        ping(&mut conn).map_err(|e| match crate::error::map_db_error(e) {
            RepoError::Unavailable(msg) => StorageError::Unavailable(msg),
            RepoError::Internal(msg) => StorageError::Unavailable(msg),
        })
    }

    /// Runs `f` with a pooled connection on the blocking thread pool, inside the caller's tracing
    /// span. Returns `Unavailable` when the database is not ready or no connection could be checked
    /// out within the pool timeout, and `Internal` if `f` panics (the panic never propagates; the
    /// connection is discarded rather than returned to the pool).
    pub async fn run<T, F>(&self, f: F) -> Result<T, RepoError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, RepoError> + Send + 'static,
        T: Send + 'static,
    {
        self.ensure_ready()?;
        // Requests queue here, in arrival order and without holding a thread, for one of the
        // pool's connections. Waiting in r2d2 instead parks a blocking thread per request and lets
        // late arrivals overtake early ones: under load some requests waited up to a second.
        let started = Instant::now();
        let permit = tokio::time::timeout(
            self.inner.pool_timeout,
            Arc::clone(&self.inner.admission).acquire_owned(),
        )
        .await
        .map_err(|_| RepoError::Unavailable("timed out waiting for a database connection".into()))?
        .map_err(|_| RepoError::Unavailable("the connection pool is closed".into()))?;
        let wait_left = self
            .inner
            .pool_timeout
            .saturating_sub(started.elapsed())
            .max(MIN_CHECKOUT_WAIT);
        let pool = self.inner.pool.clone();
        let span = tracing::Span::current();
        let task = tokio::task::spawn_blocking(move || {
            let _entered = span.enter();
            // Dropped after `conn` (reverse declaration order): the connection is back in the
            // pool before the next request is admitted.
            let _permit = permit;
            let mut conn = pool
                .get_timeout(wait_left)
                .map_err(|e| map_pool_error(&e))?;
            discard_if_lost(f(&mut conn))
        });
        match task.await {
            Ok(result) => result,
            Err(join) => Err(task_failure(join.is_panic().then(|| join.into_panic()))),
        }
    }

    /// The blocking twin of [`Database::run`] for the CLI and other synchronous callers: same
    /// readiness check, same error mapping, panics in `f` also become `Internal`.
    pub fn run_blocking<T, F>(&self, f: F) -> Result<T, RepoError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, RepoError>,
    {
        self.ensure_ready()?;
        let mut conn = self.inner.pool.get().map_err(|e| map_pool_error(&e))?;
        catch_unwind(AssertUnwindSafe(|| discard_if_lost(f(&mut conn))))
            .unwrap_or_else(|payload| Err(task_failure(Some(payload))))
    }

    fn ensure_ready(&self) -> Result<(), RepoError> {
        if self.is_ready() {
            Ok(())
        } else {
            Err(RepoError::Unavailable("database not ready".to_owned()))
        }
    }
}

/// A connection-level failure means the connection is probably dead: make sure the pool drops it
/// when the caller's checkout ends (on this thread, right after this returns).
fn discard_if_lost<T>(result: Result<T, RepoError>) -> Result<T, RepoError> {
    if matches!(result, Err(RepoError::Unavailable(_))) {
        discard_on_return();
    }
    result
}

fn task_failure(panic: Option<Box<dyn std::any::Any + Send>>) -> RepoError {
    let detail = panic
        .as_ref()
        .and_then(|p| {
            p.downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| p.downcast_ref::<String>().cloned())
        })
        .unwrap_or_else(|| "cancelled".to_owned());
    tracing::error!(panic = %detail, "database task failed");
    RepoError::Internal(format!("database task failed: {detail}"))
}

/// `SELECT 1` through the connection enum.
pub(crate) fn ping(conn: &mut DbConn) -> Result<(), DieselError> {
    diesel::select(crate::static_sql::static_sql::<diesel::sql_types::Integer>(
        "1",
    ))
    .get_result::<i32>(conn)
    .map(|_| ())
}

/// Runs `f` in a write transaction. On SQLite the transaction starts with `BEGIN IMMEDIATE`, which
/// takes the write lock up front, so concurrent writers wait (up to the busy timeout) instead of
/// failing with `SQLITE_BUSY` when a read transaction tries to upgrade. On PostgreSQL it is a plain
/// transaction. `f`'s error rolls the transaction back and is returned unchanged.
pub fn write_tx<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<DieselError>,
{
    match conn {
        DbConn::Pg(_) => conn.transaction(f),
        DbConn::Sqlite(inner) => {
            // The enum's transaction manager delegates every call (commit, rollback, status) to the
            // inner connection's `AnsiTransactionManager`, so the depth recorded here is the one
            // commit/rollback below read.
            AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
            type Tm = <DbConn as Connection>::TransactionManager;
            match f(conn) {
                Ok(value) => {
                    Tm::commit_transaction(conn)?;
                    Ok(value)
                }
                Err(user_error) => match Tm::rollback_transaction(conn) {
                    Ok(()) | Err(DieselError::BrokenTransactionManager) => Err(user_error),
                    Err(rollback_error) => Err(rollback_error.into()),
                },
            }
        }
    }
}
