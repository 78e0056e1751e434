//! Test-only helpers shared by the workspace's test suites.
//!
//! [`TestDb`] gives each test its own throwaway database: a SQLite file in a temp directory, or a
//! fresh PostgreSQL database on the server named by `TEST_DATABASE_URL` (default
//! [`DEFAULT_TEST_DATABASE_URL`]). Both are removed on drop. PostgreSQL being unreachable is a test
//! failure (a panic), never a silent skip.
//!
//! This crate must not depend on `intowork-storage` (storage's own tests use it).

use std::fmt;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::{Connection, RunQueryDsl};
use tempfile::TempDir;

mod dice;
pub mod smtp;

pub use dice::Dice;

/// The maintenance database used to create and drop per-test databases.
pub const DEFAULT_TEST_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// Which backend a [`TestDb`] uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestBackend {
    Sqlite,
    Postgres,
}

/// A throwaway database. `url` is what the code under test connects to.
pub struct TestDb {
    pub url: String,
    pub backend: TestBackend,
    cleanup: Cleanup,
}

enum Cleanup {
    /// The directory (and the SQLite file with its `-wal`/`-shm` companions) goes on drop.
    Sqlite(#[allow(dead_code)] TempDir),
    /// `DROP DATABASE name WITH (FORCE)` through the maintenance URL on drop.
    Postgres { admin_url: String, name: String },
}

impl fmt::Debug for TestDb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestDb")
            .field("backend", &self.backend)
            .field("url", &self.url)
            .finish()
    }
}

impl TestDb {
    /// A SQLite database file in a fresh temp directory (the file itself is created on first
    /// connection).
    pub fn sqlite() -> TestDb {
        let dir = tempfile::Builder::new()
            .prefix("iw-test-")
            .tempdir()
            .expect("cannot create a temp directory for the SQLite test database");
        let url = dir
            .path()
            .join("test.db")
            .to_str()
            .expect("temp path is not UTF-8")
            .to_owned();
        TestDb {
            url,
            backend: TestBackend::Sqlite,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    /// A fresh, empty PostgreSQL database `iw_test_<uuid>` on the server of `TEST_DATABASE_URL`.
    ///
    /// # Panics
    /// When that server cannot be reached or refuses `CREATE DATABASE`: the suites must never
    /// silently skip PostgreSQL.
    pub fn postgres() -> TestDb {
        let admin_url = admin_url();
        let name = format!("iw_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = admin_connection(&admin_url);
        conn.batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| panic!("cannot create the test database {name}: {e}"));
        TestDb {
            url: with_database(&admin_url, &name),
            backend: TestBackend::Postgres,
            cleanup: Cleanup::Postgres { admin_url, name },
        }
    }

    /// Both backends, SQLite first.
    pub fn both() -> [TestDb; 2] {
        [TestDb::sqlite(), TestDb::postgres()]
    }

    pub fn is_postgres(&self) -> bool {
        self.backend == TestBackend::Postgres
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            let dropped = PgConnection::establish(admin_url)
                .map_err(|e| e.to_string())
                .and_then(|mut c| {
                    diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut c)
                        .map_err(|e| e.to_string())
                });
            if let Err(e) = dropped {
                // Never panic in drop (it would abort a panicking test); say what was left behind.
                eprintln!("warning: could not drop the test database {name}: {e}");
            }
        }
    }
}

/// `TEST_DATABASE_URL`, or the local default.
pub fn admin_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_TEST_DATABASE_URL.to_owned())
}

fn admin_connection(admin_url: &str) -> PgConnection {
    PgConnection::establish(admin_url).unwrap_or_else(|e| {
        panic!(
            "PostgreSQL is required by this test suite but is unreachable at {}: {e}\n\
             Start it, or point TEST_DATABASE_URL at a server where the user may CREATE DATABASE.",
            redact(admin_url)
        )
    })
}

/// Replaces the database name (the path) of a PostgreSQL URL, keeping any query string.
pub fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let root = match base[authority_start..].find('/') {
        Some(i) => &base[..authority_start + i],
        None => base,
    };
    match query {
        Some(q) => format!("{root}/{database}?{q}"),
        None => format!("{root}/{database}"),
    }
}

/// Hides the password of a URL for messages.
fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let rest = &url[scheme_end..];
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => match rest[..at].find(':') {
            Some(colon) => format!(
                "{}{}:***{}",
                &url[..scheme_end],
                &rest[..colon],
                &rest[at..]
            ),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// Runs one async test body against both backends. For each listed function
/// `async fn name(db: TestDb)`, it generates a module `name` with the tests `name::sqlite` and
/// `name::postgres` (a module and a function may share a name). The caller needs `tokio` with the
/// `macros` and `rt-multi-thread` features.
///
/// ```ignore
/// async fn creates_user(db: TestDb) { /* ... */ }
/// intowork_testkit::test_both_backends!(creates_user);
/// ```
#[macro_export]
macro_rules! test_both_backends {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[::tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::TestDb::sqlite()).await
            }

            #[::tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::TestDb::postgres()).await
            }
        }
    )+};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://u:p@h/db?sslmode=disable", "x"),
            "postgres://u:p@h/x?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://h:5432", "x"),
            "postgres://h:5432/x"
        );
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
    }

    #[test]
    fn sqlite_file_lives_in_a_temp_dir_that_is_removed() {
        let db = TestDb::sqlite();
        let dir = std::path::Path::new(&db.url)
            .parent()
            .expect("has a parent")
            .to_owned();
        assert!(dir.exists());
        drop(db);
        assert!(!dir.exists());
    }
}
