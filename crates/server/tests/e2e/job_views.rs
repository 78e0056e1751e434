//! Job detail views are counted in memory and written in batches: concurrent views all count,
//! the detail shows each one at once, and a graceful stop (SIGTERM) writes them, so the count is
//! exact after a restart. The public search answers from the in-memory index once it is read,
//! and a job created afterwards is found at once.

use futures_util::future::join_all;
use intowork_testkit::TestDb;

use crate::both_backends;
use crate::hiring::*;
use crate::support::*;

async fn views_survive_a_restart_and_search_sees_new_jobs(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (token, _) = employer(&app, "rh@acme.sn", "Acme").await;
    let job = create_job(&app, &token, job_body("Développeur Rust")).await;
    let detail = format!("/api/jobs/{job}");

    let seen = join_all((0..25).map(|_| app.get(&detail, None))).await;
    let mut counts: Vec<i64> = seen
        .iter()
        .map(|(status, body)| {
            assert_eq!(*status, 200, "{body}");
            body["views_count"].as_i64().unwrap()
        })
        .collect();
    counts.sort_unstable();
    assert_eq!(
        counts,
        (1..=25).collect::<Vec<_>>(),
        "every view counted once"
    );

    // Searches: the first reads the index in the background; a job created after it is found
    // at once (this process's write makes the index step aside until it is read again).
    let search = |q: &str| format!("/api/jobs?page=1&limit=10&search={q}");
    assert_eq!(app.get(&search("rust"), None).await.1["total"], 1);
    create_job(&app, &token, job_body("Ingénieur Rust")).await;
    assert_eq!(app.get(&search("rust"), None).await.1["total"], 2);
    assert_eq!(app.get(&search("ingenieur"), None).await.1["total"], 1);

    app.stop().await;
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (status, body) = app.get(&detail, None).await;
    assert_eq!((status, body["views_count"].as_i64()), (200, Some(26)));
    app.stop().await;
}

both_backends!(views_survive_a_restart_and_search_sees_new_jobs);
