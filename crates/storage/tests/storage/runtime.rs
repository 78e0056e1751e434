//! The async bridge: readiness gate, panics, unreachable servers, SQLite paths.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_domain::ports::DatabaseHealth;
use intowork_storage::schema::companies;
use intowork_storage::{Backend, Database, DieselHealth, StorageError};
use intowork_testkit::TestDb;

use crate::support::*;

async fn not_ready_until_migrated(test_db: TestDb) {
    let db = Database::connect_lazy(&test_db.url, 2, Duration::from_secs(30)).unwrap();
    let health = DieselHealth::new(db.clone());
    assert!(!db.is_ready());
    assert!(matches!(
        db.run(|_| Ok(())).await,
        Err(RepoError::Unavailable(_))
    ));
    assert!(matches!(
        health.ping().await,
        Err(RepoError::Unavailable(_))
    ));
    assert!(matches!(
        db.run_blocking(|_| Ok(())),
        Err(RepoError::Unavailable(_))
    ));
    // The connectivity check ignores readiness.
    db.check_connection().unwrap();

    db.run_migrations().unwrap();
    assert!(db.is_ready());
    health.ping().await.unwrap();
    assert_eq!(db.run(|_| Ok(7)).await.unwrap(), 7);

    db.set_ready(false);
    assert!(matches!(
        health.ping().await,
        Err(RepoError::Unavailable(_))
    ));
}

async fn panic_in_closure_is_internal_and_pool_keeps_working(test_db: TestDb) {
    // One connection: if the panicking task lost or poisoned it, the next call would fail.
    let db = Database::connect_lazy(&test_db.url, 1, Duration::from_secs(10)).unwrap();
    db.run_migrations().unwrap();

    let err = db
        .run(|conn| -> Result<(), RepoError> {
            // Panic in the middle of an open transaction that already wrote a row.
            let _ = conn.transaction(|c| -> QueryResult<()> {
                diesel::insert_into(companies::table)
                    .values((
                        companies::name.eq("Ghost"),
                        companies::created_at.eq(at(0).naive_utc()),
                        companies::updated_at.eq(at(0).naive_utc()),
                    ))
                    .execute(c)?;
                panic!("boom inside a transaction");
            });
            Ok(())
        })
        .await
        .unwrap_err();
    assert!(
        matches!(&err, RepoError::Internal(m) if m.contains("boom")),
        "{err:?}"
    );

    let err = db
        .run_blocking(|_| -> Result<(), RepoError> { panic!("blocking boom") })
        .unwrap_err();
    assert!(
        matches!(&err, RepoError::Internal(m) if m.contains("blocking boom")),
        "{err:?}"
    );

    // The pool still serves, and the half-done transaction was never committed.
    DieselHealth::new(db.clone()).ping().await.unwrap();
    assert_eq!(count(&db, "companies", "").await, 0);
}

intowork_testkit::test_both_backends!(
    not_ready_until_migrated,
    panic_in_closure_is_internal_and_pool_keeps_working,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closed_port_is_unavailable_within_the_pool_timeout() {
    let timeout = Duration::from_millis(1500);
    let db = Database::connect_lazy("postgres://postgres@127.0.0.1:1/x", 2, timeout)
        .expect("the pool is created without connecting");
    assert_eq!(db.backend(), Backend::Postgres);
    db.set_ready(true);

    let started = Instant::now();
    let err = db.run(|_| Ok(())).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        elapsed < timeout + Duration::from_secs(2),
        "took {elapsed:?}"
    );
    match err {
        // The scheme-aware manager keeps libpq's real reason.
        RepoError::Unavailable(msg) => assert!(msg.contains("refused"), "{msg}"),
        other => panic!("expected Unavailable, got {other:?}"),
    }
    assert!(matches!(
        DieselHealth::new(db.clone()).ping().await,
        Err(RepoError::Unavailable(_))
    ));
    assert!(matches!(
        db.check_connection(),
        Err(StorageError::Unavailable(_))
    ));
    assert!(matches!(
        db.run_migrations(),
        Err(StorageError::Unavailable(_))
    ));
}

#[tokio::test]
async fn sqlite_url_forms_and_missing_directories() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b/app.db");
    for url in [
        format!("sqlite://{}", nested.display()),
        nested.display().to_string(),
    ] {
        let db = Database::connect_lazy(&url, 2, Duration::from_secs(10)).unwrap();
        assert_eq!(db.backend(), Backend::Sqlite);
        assert!(
            nested.parent().unwrap().is_dir(),
            "{url}: parent directory created"
        );
        db.run_migrations().unwrap();
        db.check_connection().unwrap();
    }
    assert!(nested.is_file());
}
