//! Diesel adapter: one code path over PostgreSQL and embedded SQLite.
//!
//! * [`Database`] owns the r2d2 pool of [`DbConn`] (`PgConnection | SqliteConnection`, chosen by
//!   the URL scheme), the readiness flag and the async bridge [`Database::run`].
//! * Migrations are embedded per backend (`migrations/postgres`, `migrations/sqlite`).
//! * Repositories implement the domain's ports; row structs stay private to this crate.

mod conn;
mod database;
mod error;
mod health;
mod migrate;
pub mod schema;
mod users;

pub use conn::{Backend, DbConn, MultiBackend};
pub use database::{DEFAULT_POOL_TIMEOUT, Database};
pub use error::StorageError;
pub use health::DieselHealth;
pub use migrate::{POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS};
pub use users::{DieselUserRepository, JOB_REMOVED_MESSAGE, JOB_REMOVED_TITLE};
