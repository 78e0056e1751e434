//! Migrations: up, down one by one, up again, on both backends.

use std::time::Duration;

use intowork_storage::Database;
use intowork_testkit::TestDb;

use crate::support::{TABLES, table_exists};

fn existing_tables(db: &Database) -> Vec<&'static str> {
    // Readiness gates `run_blocking`; these checks are about the schema, not the gate.
    let was_ready = db.is_ready();
    db.set_ready(true);
    let present = db
        .run_blocking(|c| Ok(TABLES.into_iter().filter(|t| table_exists(c, t)).collect()))
        .unwrap();
    db.set_ready(was_ready);
    present
}

async fn up_down_up(test_db: TestDb) {
    let db = Database::connect_lazy(&test_db.url, 2, Duration::from_secs(30)).unwrap();
    let pending = db.pending_migrations().unwrap();
    assert!(!pending.is_empty());
    assert!(existing_tables(&db).is_empty());

    let applied = db.run_migrations().unwrap();
    assert_eq!(applied.len(), pending.len());
    assert!(db.is_ready());
    assert_eq!(existing_tables(&db), TABLES.to_vec());
    assert!(db.pending_migrations().unwrap().is_empty());
    // Idempotent: a second run applies nothing.
    assert!(db.run_migrations().unwrap().is_empty());

    // Down, one migration at a time, newest first.
    let mut reverted = Vec::new();
    while let Some(version) = db.revert_last_migration().unwrap() {
        reverted.push(version);
    }
    let mut expected = applied.clone();
    expected.reverse();
    assert_eq!(reverted, expected);
    assert!(!db.is_ready(), "a reverted schema is not ready");
    assert!(existing_tables(&db).is_empty());
    assert_eq!(db.revert_last_migration().unwrap(), None);

    // And up again.
    assert_eq!(db.run_migrations().unwrap(), applied);
    assert_eq!(existing_tables(&db), TABLES.to_vec());
}

intowork_testkit::test_both_backends!(up_down_up);
