//! Concurrent claims on PostgreSQL, where several instances share the outbox: a claimer skips
//! the rows another holds instead of waiting for them, and claimers running in parallel never
//! get the same mail.

use std::collections::HashSet;
use std::sync::mpsc;
use std::time::Duration;

use chrono::TimeDelta;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use intowork_domain::mail::{MailOutbox, OutboxId};
use intowork_testkit::TestDb;

use crate::outbox::{mail, repo};
use crate::support::*;

/// Rows locked by another transaction (an instance in the middle of its claim) are skipped at
/// once, not waited for.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claim_skips_rows_another_transaction_holds() {
    let test_db = TestDb::postgres();
    let db = migrated(&test_db);
    let repo = repo(&db);
    for i in 0..5 {
        repo.enqueue(mail(&format!("m{i}@example.com")), at(i))
            .await
            .unwrap();
    }
    let url = test_db.url.clone();
    let (locked_tx, locked_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        let mut pg = PgConnection::establish(&url).unwrap();
        pg.batch_execute("BEGIN").unwrap();
        pg.batch_execute("SELECT id FROM mail_outbox WHERE id IN (1, 2) FOR UPDATE")
            .unwrap();
        locked_tx.send(()).unwrap();
        release_rx.recv().unwrap();
        pg.batch_execute("ROLLBACK").unwrap();
    });
    locked_rx.recv().unwrap();
    let claim = repo.claim_due(at(10), at(10) + TimeDelta::minutes(5), 10);
    let claimed = tokio::time::timeout(Duration::from_secs(5), claim)
        .await
        .expect("the claim waited for locked rows")
        .unwrap();
    release_tx.send(()).unwrap();
    holder.join().unwrap();
    let ids: Vec<i64> = claimed.iter().map(|c| c.id.0).collect();
    assert_eq!(ids, [3, 4, 5]);
}

/// Two instances (two pools) draining 200 mails in parallel, a few at a time: every mail is
/// claimed exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_claimers_never_share_a_mail() {
    let test_db = TestDb::postgres();
    let db = migrated_with(&test_db, 4);
    let seeding = repo(&db);
    for i in 0..200 {
        seeding
            .enqueue(mail(&format!("burst{i}@example.com")), at(0))
            .await
            .unwrap();
    }
    let claimers = (0..2).map(|_| {
        let instance = repo(&migrated_with(&test_db, 4));
        tokio::spawn(async move {
            let mut got = Vec::new();
            loop {
                let batch = instance
                    .claim_due(at(10), at(10) + TimeDelta::minutes(5), 3)
                    .await
                    .unwrap();
                if batch.is_empty() {
                    return got;
                }
                got.extend(batch.into_iter().map(|c| c.id));
            }
        })
    });
    let results: Vec<Vec<OutboxId>> = futures_util::future::join_all(claimers)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let total: usize = results.iter().map(Vec::len).sum();
    let distinct: HashSet<OutboxId> = results.iter().flatten().copied().collect();
    assert_eq!((total, distinct.len()), (200, 200));
    assert!(
        results.iter().all(|r| !r.is_empty()),
        "both claimers took part: {:?}",
        results.iter().map(Vec::len).collect::<Vec<_>>()
    );
    assert_eq!(
        count(&db, "mail_outbox", "status = 'sending' AND attempts = 1").await,
        200
    );
}
