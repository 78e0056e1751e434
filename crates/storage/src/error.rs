//! Storage errors and their mapping to the domain's opaque [`RepoError`].
//!
//! Mapping is done on diesel's [`DatabaseErrorKind`] (and, where it matters, the constraint name that
//! PostgreSQL reports), never on message text: the texts differ between backends.

use diesel::result::{DatabaseErrorKind, Error as DieselError};
use intowork_domain::RepoError;
use thiserror::Error;

/// Failures of the operator-facing calls (pool creation, migrations, connectivity checks). Request
/// paths use [`RepoError`] instead.
#[derive(Debug, Error)]
pub enum StorageError {
    /// The database URL cannot be used (for example the SQLite directory cannot be created).
    #[error("invalid database configuration: {0}")]
    Config(String),
    /// The database cannot be reached (pool timeout, connection refused).
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A migration failed to apply or revert; the transaction of that migration was rolled back.
    #[error("migration failed: {0}")]
    Migration(String),
    /// Any other database error.
    #[error("database error: {0}")]
    Query(#[from] DieselError),
}

impl From<StorageError> for RepoError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Unavailable(msg) => RepoError::Unavailable(msg),
            StorageError::Query(e) => map_db_error(e),
            other => RepoError::Internal(other.to_string()),
        }
    }
}

/// Maps a diesel error to the domain's opaque error: a closed or broken connection is
/// `Unavailable` (the caller answers 503), everything else `Internal`.
pub(crate) fn map_db_error(e: DieselError) -> RepoError {
    match &e {
        DieselError::DatabaseError(
            DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
            info,
        ) => RepoError::Unavailable(info.message().to_owned()),
        _ => RepoError::Internal(e.to_string()),
    }
}

/// Maps an r2d2 checkout failure (timeout, usually because the server refused connections).
pub(crate) fn map_pool_error(e: &diesel::r2d2::PoolError) -> RepoError {
    RepoError::Unavailable(e.to_string())
}

/// `true` for a unique violation on the given constraint. PostgreSQL names the constraint; SQLite
/// does not, so there any unique violation of the statement counts. Callers only use this on
/// statements where the named constraint is the only unique index that can fire.
pub(crate) fn is_unique_violation_on(e: &DieselError, constraint: &str) -> bool {
    match e {
        DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
            info.constraint_name().is_none_or(|name| name == constraint)
        }
        _ => false,
    }
}

/// `true` for a foreign-key violation (a referenced row was deleted concurrently).
pub(crate) fn is_foreign_key_violation(e: &DieselError) -> bool {
    matches!(
        e,
        DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _)
    )
}

/// The error of a write transaction: either a database error (the transaction is rolled back and
/// the error mapped with [`map_db_error`]) or a domain outcome such as `EmailTaken` that also rolls
/// the transaction back.
#[derive(Debug)]
pub(crate) enum TxError<D> {
    Db(DieselError),
    Domain(D),
}

impl<D> From<DieselError> for TxError<D> {
    fn from(e: DieselError) -> Self {
        TxError::Db(e)
    }
}

impl<D: From<RepoError>> TxError<D> {
    /// Flattens into the use case's error type.
    pub(crate) fn into_domain(self) -> D {
        match self {
            TxError::Db(e) => D::from(map_db_error(e)),
            TxError::Domain(d) => d,
        }
    }
}
