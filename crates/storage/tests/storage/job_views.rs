//! Job views counted in memory and written in batches: concurrent views are all counted, the
//! detail shows the stored count plus the pending ones, a flush writes them in one transaction,
//! and the views of a job deleted meanwhile go with it.

use futures_util::future::join_all;
use intowork_domain::JobId;
use intowork_domain::job::JobRepository;
use intowork_storage::{DieselJobRepository, JobViewCounter};
use intowork_testkit::TestDb;

use crate::job_fixtures::{Repos, fields};
use crate::support::*;

async fn views_are_counted_in_memory_and_written_by_a_flush(test_db: TestDb) {
    let db = migrated_with(&test_db, 8);
    let r = Repos::new(db.clone());
    let acme = r.employer("a@acme.fr", "Acme").await;
    let (one, two) = (
        r.job(acme, fields("Un")).await,
        r.job(acme, fields("Deux")).await,
    );
    let views = JobViewCounter::new(db.clone());
    let repo = DieselJobRepository::new(db.clone()).with_view_counter(views.clone());

    let before = db.statement_count();
    let shown = join_all((0..40).map(|_| repo.record_view(one.job.id, 0))).await;
    let mut shown: Vec<i64> = shown.into_iter().map(|v| v.unwrap().unwrap()).collect();
    shown.sort_unstable();
    // Each view saw its own count, none lost, and nothing was written.
    assert_eq!(shown, (1..=40).collect::<Vec<_>>());
    assert_eq!(db.statement_count(), before);
    repo.record_view(two.job.id, 0).await.unwrap();
    assert_eq!(views.pending(), 41);
    let stored = |id: JobId| {
        let r = DieselJobRepository::new(db.clone());
        async move { r.find(id).await.unwrap().unwrap().views_count }
    };
    assert_eq!(stored(one.job.id).await, 0);

    assert_eq!(views.flush().await.unwrap(), 41);
    assert_eq!(
        (stored(one.job.id).await, stored(two.job.id).await),
        (40, 1)
    );
    assert_eq!(views.pending(), 0);
    assert_eq!(views.flush().await.unwrap(), 0, "nothing left to write");

    // After the flush the detail goes on from the stored count.
    assert_eq!(repo.record_view(one.job.id, 40).await.unwrap(), Some(41));
    // A job deleted before the flush: its views go with it, the others are written.
    repo.record_view(two.job.id, 1).await.unwrap();
    r.archive(&two.job).await;
    assert_eq!(views.flush().await.unwrap(), 2);
    assert_eq!(stored(one.job.id).await, 41);
}

intowork_testkit::test_both_backends!(views_are_counted_in_memory_and_written_by_a_flush);
