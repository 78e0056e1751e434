//! `DieselCvMaintenance` (the queries of `intowork cleanup-cvs`, CONTRACT 9.4) on both databases.

use diesel::prelude::*;
use intowork_domain::CvId;
use intowork_domain::cleanup::{CvMaintenanceRepository, PurgeableCv};
use intowork_domain::ports::UserRepository;
use intowork_domain::user::Role;
use intowork_storage::schema::{candidate_cvs, job_applications};
use intowork_storage::{DieselCvMaintenance, DieselUserRepository};
use intowork_testkit::TestDb;

use crate::support::*;

fn set_status(conn: &mut intowork_storage::DbConn, app: i64, status: &str) -> QueryResult<usize> {
    diesel::update(job_applications::table.find(app))
        .set(job_applications::status.eq(status.to_owned()))
        .execute(conn)
}

async fn only_inactive_old_cvs_without_open_applications_are_purged(test_db: TestDb) {
    let db = migrated(&test_db);
    let users = DieselUserRepository::new(db.clone());
    let cand = users
        .create_with_profile(new_user("c@example.com", Role::Candidate))
        .await
        .unwrap();
    let boss = users
        .create_with_profile(new_user("b@example.com", Role::Employer))
        .await
        .unwrap();
    let (cand, boss) = (cand.id.get(), boss.id.get());
    // CVs written at `at(3)`: a (final application), b (open application), c (no application),
    // d (still active), e (changed after the cutoff).
    let (a, b, c, d, e, app_a, app_b) = with_conn(&db, move |conn| {
        let candidate = candidate_id(conn, cand)?;
        let employer = employer_id(conn, boss)?;
        let company = company_for(conn, employer, "Acme")?;
        let (job1, job2) = (
            job(conn, employer, company, "Un")?,
            job(conn, employer, company, "Deux")?,
        );
        let ids: Vec<i64> = ["cv/a.pdf", "cv/b.pdf", "cv/c.pdf", "cv/d.pdf", "cv/e.pdf"]
            .iter()
            .map(|k| cv(conn, candidate, k))
            .collect::<QueryResult<_>>()?;
        let app_a = application(conn, job1, candidate, Some(ids[0]))?;
        let app_b = application(conn, job2, candidate, Some(ids[1]))?;
        set_status(conn, app_a, "rejected")?;
        let inactive = [ids[0], ids[1], ids[2], ids[4]];
        diesel::update(candidate_cvs::table.filter(candidate_cvs::id.eq_any(inactive)))
            .set(candidate_cvs::is_active.eq(false))
            .execute(conn)?;
        diesel::update(candidate_cvs::table.find(ids[4]))
            .set(candidate_cvs::updated_at.eq(at(200).naive_utc()))
            .execute(conn)?;
        Ok((ids[0], ids[1], ids[2], ids[3], ids[4], app_a, app_b))
    })
    .await;
    let repo = DieselCvMaintenance::new(db.clone());
    let cutoff = at(100);
    let found = repo.purgeable(cutoff).await.unwrap();
    let expected = vec![
        PurgeableCv {
            id: CvId(a),
            storage_key: "cv/a.pdf".into(),
            final_applications: 1,
        },
        PurgeableCv {
            id: CvId(c),
            storage_key: "cv/c.pdf".into(),
            final_applications: 0,
        },
    ];
    assert_eq!(found, expected);

    // Between the listing and the purge, A's application is reopened: A stays, with its link.
    with_conn(&db, move |conn| set_status(conn, app_a, "interview")).await;
    let purged = repo.purge(cutoff, vec![CvId(a), CvId(c)]).await.unwrap();
    assert_eq!(purged, vec![expected[1].clone()]);
    let link_db = db.clone();
    let link = move |app: i64| {
        let db = link_db.clone();
        async move {
            with_conn(&db, move |conn| {
                job_applications::table
                    .find(app)
                    .select(job_applications::cv_id)
                    .first::<Option<i64>>(conn)
            })
            .await
        }
    };
    assert_eq!(link(app_a).await, Some(a));

    // Closed again: now A goes, and its application loses only the link.
    with_conn(&db, move |conn| set_status(conn, app_a, "accepted")).await;
    assert_eq!(
        repo.purge(cutoff, vec![CvId(a)]).await.unwrap(),
        vec![expected[0].clone()]
    );
    assert_eq!(link(app_a).await, None);
    assert_eq!(link(app_b).await, Some(b));
    let mut keys: Vec<String> = repo.referenced_keys().await.unwrap().into_iter().collect();
    keys.sort();
    assert_eq!(keys, ["cv/b.pdf", "cv/d.pdf", "cv/e.pdf"]);
    let remaining = count(&db, "candidate_cvs", "").await;
    assert_eq!(remaining, 3, "b, d and e are left: {d}, {e}");
}

intowork_testkit::test_both_backends!(only_inactive_old_cvs_without_open_applications_are_purged);
