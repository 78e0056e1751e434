//! The connection enum, and where a database URL points.

use std::path::Path;

use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;

use crate::error::StorageError;

/// One connection type over both backends. Queries written against it run unchanged on
/// PostgreSQL and SQLite; per-backend SQL goes behind a small `match` on the variant.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

/// Which database a [`crate::Database`] talks to, decided by the URL scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

/// Where to connect: a PostgreSQL URL as given, or a SQLite path with any `sqlite://` prefix
/// removed.
#[derive(Clone)]
pub(crate) struct Target {
    pub(crate) backend: Backend,
    pub(crate) url: String,
}

impl Target {
    /// `postgres://` and `postgresql://` select PostgreSQL; anything else is a SQLite path.
    pub(crate) fn parse(url: &str) -> Target {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Target {
                backend: Backend::Postgres,
                url: url.to_owned(),
            };
        }
        let path = url.strip_prefix("sqlite://").unwrap_or(url);
        Target {
            backend: Backend::Sqlite,
            url: path.to_owned(),
        }
    }

    /// Creates the directory that will hold a SQLite file. No-op for PostgreSQL, in-memory
    /// databases and `file:` URIs.
    pub(crate) fn prepare(&self) -> Result<(), StorageError> {
        if self.backend != Backend::Sqlite
            || self.url.is_empty()
            || self.url.starts_with(':')
            || self.url.starts_with("file:")
        {
            return Ok(());
        }
        match Path::new(&self.url).parent() {
            Some(dir) if !dir.as_os_str().is_empty() && !dir.exists() => {
                std::fs::create_dir_all(dir).map_err(|e| {
                    StorageError::Config(format!(
                        "cannot create the SQLite directory {}: {e}",
                        dir.display()
                    ))
                })
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheme_selects_the_backend() {
        let pg = Target::parse("postgres://u@h/db");
        assert_eq!(pg.backend, Backend::Postgres);
        assert_eq!(pg.url, "postgres://u@h/db");
        assert_eq!(
            Target::parse("postgresql://h/db").backend,
            Backend::Postgres
        );
        let sq = Target::parse("sqlite://data/app.db");
        assert_eq!(sq.backend, Backend::Sqlite);
        assert_eq!(sq.url, "data/app.db");
        assert_eq!(Target::parse("sqlite:///abs/x.db").url, "/abs/x.db");
        assert_eq!(Target::parse("./x.db").url, "./x.db");
    }
}
