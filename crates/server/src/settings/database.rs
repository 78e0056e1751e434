//! The database: `DATABASE_URL` (SQLite refused in production unless
//! `ALLOW_SQLITE_IN_PRODUCTION`), its pool, and `RUN_MIGRATIONS_ON_START`.

use std::path::Path;
use std::time::Duration;

use super::problems::Problems;
use super::raw::Raw;
use super::values::{non_empty, parse_bool, parse_range};

/// The pool when `DATABASE_POOL_SIZE` is unset and the database is SQLite.
const SQLITE_POOL_SIZE: u32 = 8;

pub(super) struct DatabaseValues {
    pub(super) url: String,
    pub(super) pool_size: u32,
    pub(super) pool_timeout: Duration,
    pub(super) run_migrations_on_start: bool,
}

pub(super) fn parse(
    raw: &Raw,
    production: bool,
    data_dir: &Path,
    problems: &mut Problems,
) -> Option<DatabaseValues> {
    let url = url(raw, production, data_dir, problems);
    let postgres = url.as_deref().is_some_and(is_postgres_url);
    let pool_size = match &raw.database_pool_size {
        Some(v) => problems.check(parse_range("DATABASE_POOL_SIZE", v, 1, 200)),
        None if postgres => Some(default_pg_pool_size(cores())),
        None => Some(SQLITE_POOL_SIZE),
    };
    let timeout = problems.check(parse_range(
        "DATABASE_POOL_TIMEOUT_SECS",
        &raw.database_pool_timeout_secs,
        1,
        120,
    ));
    let run_migrations_on_start = problems.check(parse_bool(
        "RUN_MIGRATIONS_ON_START",
        &raw.run_migrations_on_start,
    ));
    Some(DatabaseValues {
        url: url?,
        pool_size: pool_size?,
        pool_timeout: Duration::from_secs(u64::from(timeout?)),
        run_migrations_on_start: run_migrations_on_start?,
    })
}

/// `DATABASE_URL`; in development a SQLite file in `DATA_DIR` when unset.
fn url(raw: &Raw, production: bool, data_dir: &Path, problems: &mut Problems) -> Option<String> {
    let allow_sqlite = problems.check(parse_bool(
        "ALLOW_SQLITE_IN_PRODUCTION",
        &raw.allow_sqlite_in_production,
    ));
    let url = match non_empty(raw.database_url.as_deref()) {
        Some(url) => url,
        None if production => {
            problems.report("DATABASE_URL", "is required when ENVIRONMENT=production");
            return None;
        }
        None => format!("sqlite://{}", data_dir.join("intowork.db").display()),
    };
    // An unreadable ALLOW_SQLITE_IN_PRODUCTION is reported on its own, not as a second problem
    // of the URL.
    if production && !is_postgres_url(&url) && allow_sqlite == Some(false) {
        problems.report(
            "DATABASE_URL",
            "is SQLite, which is refused in production unless ALLOW_SQLITE_IN_PRODUCTION=true",
        );
        return None;
    }
    Some(url)
}

pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// The PostgreSQL pool when `DATABASE_POOL_SIZE` is not set: three connections per core, at most
/// ten. On 2 cores, ten connections (each a backend that wants CPU when busy) stretched the
/// employer dashboard's 1 ms statement to 15-178 ms now and then: p99 61 ms, against 20 ms with
/// six connections at the same throughput (docs/performance.md).
pub(super) fn default_pg_pool_size(cores: usize) -> u32 {
    u32::try_from(cores.saturating_mul(3))
        .unwrap_or(u32::MAX)
        .clamp(3, 10)
}

pub(super) fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZero::get)
}
