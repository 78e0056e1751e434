//! `DieselCvRepository` against the `CvRepository` contract.

use futures_util::future::join_all;
use intowork_domain::cv::{CvRemoval, CvRepository, InsertCvError, NewCv};
use intowork_domain::ports::UserRepository;
use intowork_domain::user::Role;
use intowork_domain::{CandidateId, CvId, UserId};
use intowork_storage::{DieselCvRepository, DieselUserRepository};
use intowork_testkit::TestDb;

use crate::support::*;

fn new_cv(candidate: CandidateId, key: &str, t: i64) -> NewCv {
    NewCv {
        candidate_id: candidate,
        filename: "cv.pdf".into(),
        storage_key: key.into(),
        file_size: 42,
        now: at(t),
    }
}

async fn candidate(db: &intowork_storage::Database, email: &str) -> (UserId, CandidateId) {
    let user = DieselUserRepository::new(db.clone())
        .create_with_profile(new_user(email, Role::Candidate))
        .await
        .unwrap();
    let uid = user.id.get();
    let cid = with_conn(db, move |c| candidate_id(c, uid)).await;
    (user.id, CandidateId(cid))
}

async fn the_cv_limit_holds_under_concurrency(test_db: TestDb) {
    let db = migrated_with(&test_db, 8);
    let (_, cid) = candidate(&db, "many@example.com").await;
    let repo = DieselCvRepository::new(db.clone());
    let results = join_all((0..12).map(|i| {
        let repo = repo.clone();
        async move {
            repo.insert_within_limit(new_cv(cid, &format!("cv/{i}.pdf"), i), 3)
                .await
        }
    }))
    .await;
    let ok = results.iter().filter(|r| r.is_ok()).count();
    let limited = results
        .iter()
        .filter(|r| matches!(r, Err(InsertCvError::LimitReached)))
        .count();
    assert_eq!((ok, limited), (3, 9), "{results:?}");
    assert_eq!(repo.list_active(cid).await.unwrap().len(), 3);
}

async fn referenced_cvs_are_deactivated_and_others_deleted(test_db: TestDb) {
    let db = migrated(&test_db);
    let (_, cid) = candidate(&db, "c@example.com").await;
    let (_, other) = candidate(&db, "o@example.com").await;
    let repo = DieselCvRepository::new(db.clone());
    let kept = repo
        .insert_within_limit(new_cv(cid, "cv/kept.pdf", 1), 10)
        .await
        .unwrap();
    let gone = repo
        .insert_within_limit(new_cv(cid, "cv/gone.pdf", 2), 10)
        .await
        .unwrap();
    // An employer's job with an application made with `kept`.
    let employer = DieselUserRepository::new(db.clone())
        .create_with_profile(new_user("boss@example.com", Role::Employer))
        .await
        .unwrap();
    let (eu, c, k) = (employer.id.get(), cid.get(), kept.id.get());
    with_conn(&db, move |conn| {
        let e = employer_id(conn, eu)?;
        let company = company_for(conn, e, "ACME")?;
        let j = job(conn, e, company, "Dev")?;
        application(conn, j, c, Some(k))
    })
    .await;

    assert_eq!(
        repo.remove(other, kept.id).await.unwrap(),
        None,
        "not the other candidate's"
    );
    assert_eq!(
        repo.remove(cid, kept.id).await.unwrap(),
        Some(CvRemoval::Deactivated)
    );
    assert_eq!(
        repo.remove(cid, gone.id).await.unwrap(),
        Some(CvRemoval::Deleted {
            storage_key: "cv/gone.pdf".into()
        })
    );
    assert_eq!(
        repo.remove(cid, kept.id).await.unwrap(),
        None,
        "already inactive"
    );
    // Hidden from the owner, still reachable for the application's signed link.
    assert!(repo.list_active(cid).await.unwrap().is_empty());
    assert_eq!(repo.current(cid).await.unwrap(), None);
    assert_eq!(repo.find_active(cid, kept.id).await.unwrap(), None);
    let any = repo.find_any(kept.id).await.unwrap().unwrap();
    assert!(!any.is_active);
    assert_eq!(repo.find_any(CvId(gone.id.get())).await.unwrap(), None);
    assert_eq!(count(&db, "candidate_cvs", "").await, 1);

    assert!(repo.employer_has_applicant(employer.id, cid).await.unwrap());
    assert!(
        !repo
            .employer_has_applicant(employer.id, other)
            .await
            .unwrap()
    );
    let (stranger, _) = candidate(&db, "s@example.com").await;
    assert!(!repo.employer_has_applicant(stranger, cid).await.unwrap());
}

intowork_testkit::test_both_backends!(
    the_cv_limit_holds_under_concurrency,
    referenced_cvs_are_deactivated_and_others_deleted,
);
