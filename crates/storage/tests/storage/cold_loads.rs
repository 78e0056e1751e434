//! Concurrent misses of one cold public page load it once: the others wait for that load and are
//! answered from the cache, so a burst after a restart costs two statements, not two per request.

use futures_util::future::join_all;
use intowork_domain::job::JobRepository;
use intowork_storage::{CachedJobs, DieselJobRepository, ReadCaches};
use intowork_testkit::TestDb;

use crate::job_fixtures::{Repos, fields, public};
use crate::support::*;

async fn concurrent_misses_of_one_page_load_it_once(test_db: TestDb) {
    let db = migrated_with(&test_db, 8);
    let r = Repos::new(db.clone());
    let acme = r.employer("a@acme.fr", "Acme").await;
    for i in 0..5 {
        r.job(acme, fields(&format!("Poste {i}"))).await;
    }
    let jobs = CachedJobs::new(DieselJobRepository::new(db.clone()), ReadCaches::new());
    let before = db.statement_count();
    let pages = join_all((0..32).map(|_| jobs.list_public(public(None)))).await;
    let statements = db.statement_count() - before;
    for page in pages {
        let page = page.unwrap();
        assert_eq!((page.total, page.items.len()), (5, 5));
    }
    // One count and one page, whichever request got there first.
    assert_eq!(statements, 2);
}

intowork_testkit::test_both_backends!(concurrent_misses_of_one_page_load_it_once);
