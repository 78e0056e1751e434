//! Embedded migrations, one folder per backend, run under an advisory lock on PostgreSQL.

use diesel::connection::SimpleConnection;
use diesel::migration::MigrationVersion;
use diesel::pg::PgConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::conn::DbConn;
use crate::database::Database;
use crate::error::StorageError;

pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");
pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");

/// Key of the session-level advisory lock that serialises migrations between replicas
/// ("intowork" in ASCII).
const MIGRATION_LOCK_KEY: i64 = 0x696e_746f_776f_726b;

type HarnessError = Box<dyn std::error::Error + Send + Sync>;

fn migration_error(e: HarnessError) -> StorageError {
    StorageError::Migration(e.to_string())
}

fn versions(applied: &[MigrationVersion<'_>]) -> Vec<String> {
    applied.iter().map(ToString::to_string).collect()
}

/// Runs `f` while holding the PostgreSQL migration lock; the lock is released even when `f` fails.
fn with_pg_lock<T>(
    conn: &mut PgConnection,
    f: impl FnOnce(&mut PgConnection) -> Result<T, StorageError>,
) -> Result<T, StorageError> {
    conn.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))?;
    let result = f(conn);
    if let Err(e) = conn.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"))
    {
        tracing::warn!(error = %e, "could not release the migration lock");
    }
    result
}

impl Database {
    /// Applies every pending migration (blocking) and marks the database ready. On PostgreSQL
    /// this holds `pg_advisory_lock` so two replicas starting together do not race. Returns the
    /// versions applied, oldest first.
    pub fn run_migrations(&self) -> Result<Vec<String>, StorageError> {
        let mut conn = self.checkout()?;
        let applied = match &mut *conn {
            DbConn::Pg(c) => with_pg_lock(c, |c| {
                c.run_pending_migrations(POSTGRES_MIGRATIONS)
                    .map(|v| versions(&v))
                    .map_err(migration_error)
            }),
            DbConn::Sqlite(c) => c
                .run_pending_migrations(SQLITE_MIGRATIONS)
                .map(|v| versions(&v))
                .map_err(migration_error),
        }?;
        if !applied.is_empty() {
            tracing::info!(migrations = ?applied, "database migrations applied");
        }
        self.set_ready(true);
        Ok(applied)
    }

    /// Reverts the most recently applied migration (blocking). `Ok(None)` when none is applied.
    /// The schema no longer matches the code afterwards, so the database is marked not ready.
    pub fn revert_last_migration(&self) -> Result<Option<String>, StorageError> {
        let mut conn = self.checkout()?;
        let reverted = match &mut *conn {
            DbConn::Pg(c) => with_pg_lock(c, |c| {
                if c.applied_migrations().map_err(migration_error)?.is_empty() {
                    return Ok(None);
                }
                c.revert_last_migration(POSTGRES_MIGRATIONS)
                    .map(|v| Some(v.to_string()))
                    .map_err(migration_error)
            }),
            DbConn::Sqlite(c) => {
                if c.applied_migrations().map_err(migration_error)?.is_empty() {
                    Ok(None)
                } else {
                    c.revert_last_migration(SQLITE_MIGRATIONS)
                        .map(|v| Some(v.to_string()))
                        .map_err(migration_error)
                }
            }
        }?;
        if let Some(version) = &reverted {
            tracing::info!(%version, "database migration reverted");
            self.set_ready(false);
        }
        Ok(reverted)
    }

    /// Names of the migrations not yet applied (blocking), oldest first.
    pub fn pending_migrations(&self) -> Result<Vec<String>, StorageError> {
        let mut conn = self.checkout()?;
        let names = match &mut *conn {
            DbConn::Pg(c) => c
                .pending_migrations(POSTGRES_MIGRATIONS)
                .map_err(migration_error)?
                .iter()
                .map(|m| m.name().to_string())
                .collect(),
            DbConn::Sqlite(c) => c
                .pending_migrations(SQLITE_MIGRATIONS)
                .map_err(migration_error)?
                .iter()
                .map(|m| m.name().to_string())
                .collect(),
        };
        Ok(names)
    }
}
