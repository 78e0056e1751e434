//! `DieselApplicationRepository` against the `ApplicationRepository` contract.

use futures_util::future::join_all;
use intowork_domain::application::{
    ApplicationRepository, ApplicationStatus, CreateApplicationError, NewApplication, StatusUpdate,
};
use intowork_domain::job::Paging;
use intowork_domain::notification::{NewNotification, NotificationKind};
use intowork_domain::ports::UserRepository;
use intowork_domain::user::Role;
use intowork_domain::{CandidateId, EmployerId, JobId, UserId};
use intowork_storage::{Database, DieselApplicationRepository, DieselUserRepository};
use intowork_testkit::TestDb;

use crate::support::*;

struct World {
    db: Database,
    repo: DieselApplicationRepository,
    employer_user: UserId,
    employer: EmployerId,
    job: JobId,
    candidate_user: UserId,
    candidate: CandidateId,
    cv: i64,
}

async fn world(test_db: &TestDb, pool: u32) -> World {
    let db = migrated_with(test_db, pool);
    let users = DieselUserRepository::new(db.clone());
    let boss = users
        .create_with_profile(new_user("boss@example.com", Role::Employer))
        .await
        .unwrap();
    let cand = users
        .create_with_profile(new_user("cand@example.com", Role::Candidate))
        .await
        .unwrap();
    let (bu, cu) = (boss.id.get(), cand.id.get());
    let (employer, job, candidate, cv) = with_conn(&db, move |c| {
        let e = employer_id(c, bu)?;
        let company = company_for(c, e, "ACME")?;
        let j = job(c, e, company, "Développeur Rust")?;
        let cid = candidate_id(c, cu)?;
        let cv = cv(c, cid, "cv/current.pdf")?;
        Ok((e, j, cid, cv))
    })
    .await;
    World {
        repo: DieselApplicationRepository::new(db.clone()),
        db,
        employer_user: boss.id,
        employer: EmployerId(employer),
        job: JobId(job),
        candidate_user: cand.id,
        candidate: CandidateId(candidate),
        cv,
    }
}

fn notice(w: &World) -> NewNotification {
    NewNotification {
        user_id: w.employer_user,
        kind: NotificationKind::NewApplication,
        title: "📝 Nouvelle candidature reçue".into(),
        message: "Jeanne Martin a postulé pour le poste de Développeur Rust".into(),
        related_job_id: Some(w.job),
        related_application_id: None,
    }
}

/// A change by the employer at `at(seconds)`.
fn update(w: &World, status: ApplicationStatus, seconds: i64) -> StatusUpdate {
    StatusUpdate {
        status,
        actor: w.employer_user,
        at: at(seconds),
        candidate_mail: None,
    }
}

fn new_app(w: &World) -> NewApplication {
    NewApplication {
        job_id: w.job,
        candidate_id: w.candidate,
        cover_letter: Some("Bonjour".into()),
        cv: None,
        source_ref: None,
        actor: w.candidate_user,
        now: at(10),
        candidate_mail: None,
    }
}

async fn concurrent_applies_create_one_application_and_one_notification(test_db: TestDb) {
    let w = world(&test_db, 8).await;
    let results = join_all((0..50).map(|_| w.repo.create(new_app(&w), notice(&w)))).await;
    let ok = results.iter().filter(|r| r.is_ok()).count();
    let dup = results
        .iter()
        .filter(|r| matches!(r, Err(CreateApplicationError::AlreadyApplied)))
        .count();
    assert_eq!(
        (ok, dup),
        (1, 49),
        "{:?}",
        results.iter().filter(|r| r.is_err()).collect::<Vec<_>>()
    );
    assert_eq!(count(&w.db, "job_applications", "").await, 1);
    assert_eq!(count(&w.db, "notifications", "").await, 1);
    // The notification points at the application it announces; the application records the CV.
    let app_id = results
        .iter()
        .find_map(|r| r.as_ref().ok())
        .unwrap()
        .id
        .get();
    assert_eq!(
        count(
            &w.db,
            "notifications",
            &format!("related_application_id = {app_id}")
        )
        .await,
        1
    );
    assert_eq!(
        count(&w.db, "job_applications", &format!("cv_id = {}", w.cv)).await,
        1
    );
}

async fn lists_filter_page_and_scope(test_db: TestDb) {
    let w = world(&test_db, 4).await;
    let created = w.repo.create(new_app(&w), notice(&w)).await.unwrap();
    assert_eq!(created.status, ApplicationStatus::Applied);
    assert_eq!(
        created.job.as_ref().unwrap().company_name.as_deref(),
        Some("ACME")
    );
    let page = Paging { page: 1, limit: 10 };
    let mine = w
        .repo
        .list_for_candidate(w.candidate, None, page)
        .await
        .unwrap();
    assert_eq!((mine.total, mine.items.len()), (1, 1));
    let none = w
        .repo
        .list_for_candidate(w.candidate, Some(ApplicationStatus::Interview), page)
        .await
        .unwrap();
    assert_eq!(none.total, 0);
    let theirs = w
        .repo
        .list_for_employer(w.employer, None, Some(w.job), page)
        .await
        .unwrap();
    let a = &theirs.items[0];
    assert_eq!(
        (a.candidate_first_name.as_str(), a.candidate_email.as_str()),
        ("Jeanne", "cand@example.com")
    );
    assert_eq!(a.cv_id.map(|c| c.get()), Some(w.cv));
    let other = w
        .repo
        .list_for_employer(EmployerId(w.employer.get() + 100), None, None, page)
        .await
        .unwrap();
    assert_eq!(other.total, 0);
    let past_end = w
        .repo
        .list_for_employer(w.employer, None, None, Paging { page: 3, limit: 10 })
        .await
        .unwrap();
    assert_eq!((past_end.total, past_end.items.len()), (1, 0));
    assert!(
        w.repo
            .find_for_candidate(CandidateId(w.candidate.get() + 100), created.id)
            .await
            .unwrap()
            .is_none()
    );
}

async fn status_changes_write_once_and_notify_once(test_db: TestDb) {
    let w = world(&test_db, 4).await;
    let created = w.repo.create(new_app(&w), notice(&w)).await.unwrap();
    let owner = w.repo.owner_of(created.id).await.unwrap().unwrap();
    assert_eq!(
        (owner.employer_id, owner.candidate_user_id),
        (w.employer, w.candidate_user)
    );
    let change = |status: ApplicationStatus| NewNotification {
        user_id: w.candidate_user,
        kind: NotificationKind::StatusChange,
        title: status.notification_title().into(),
        message: format!("... {}", status.as_str()),
        related_job_id: Some(w.job),
        related_application_id: Some(created.id),
    };
    assert_eq!(
        w.repo
            .change_status(
                created.id,
                update(&w, ApplicationStatus::Viewed, 20),
                change(ApplicationStatus::Viewed)
            )
            .await
            .unwrap(),
        Some(true)
    );
    assert_eq!(
        w.repo
            .change_status(
                created.id,
                update(&w, ApplicationStatus::Viewed, 21),
                change(ApplicationStatus::Viewed)
            )
            .await
            .unwrap(),
        Some(false)
    );
    assert_eq!(
        w.repo
            .change_status(
                created.id,
                update(&w, ApplicationStatus::Applied, 22),
                change(ApplicationStatus::Applied)
            )
            .await
            .unwrap(),
        Some(true)
    );
    let candidate_user = w.candidate_user.get();
    assert_eq!(
        count(
            &w.db,
            "notifications",
            &format!("user_id = {candidate_user}")
        )
        .await,
        2
    );
    assert_eq!(
        count(&w.db, "job_applications", "viewed_at IS NOT NULL").await,
        1
    );
    // Withdraw only while applied; notifications about it go with it.
    assert!(
        w.repo
            .set_notes(created.id, "Rappeler lundi".into(), at(23))
            .await
            .unwrap()
    );
    assert!(w.repo.withdraw(w.candidate, created.id).await.unwrap());
    assert_eq!(count(&w.db, "job_applications", "").await, 0);
    // Acting on the withdrawn application is reported, not silently "successful".
    let n = NewNotification {
        related_application_id: Some(created.id),
        ..change(ApplicationStatus::Viewed)
    };
    assert_eq!(
        w.repo
            .change_status(created.id, update(&w, ApplicationStatus::Viewed, 24), n)
            .await
            .unwrap(),
        None
    );
    assert!(
        !w.repo
            .set_notes(created.id, "x".into(), at(25))
            .await
            .unwrap()
    );
    assert_eq!(
        count(&w.db, "notifications", "related_application_id IS NOT NULL").await,
        0
    );
}

async fn withdraw_refuses_other_statuses_and_other_candidates(test_db: TestDb) {
    let w = world(&test_db, 4).await;
    let created = w.repo.create(new_app(&w), notice(&w)).await.unwrap();
    assert!(
        !w.repo
            .withdraw(CandidateId(w.candidate.get() + 1), created.id)
            .await
            .unwrap()
    );
    let n = NewNotification {
        related_application_id: Some(created.id),
        ..notice(&w)
    };
    w.repo
        .change_status(created.id, update(&w, ApplicationStatus::Interview, 30), n)
        .await
        .unwrap();
    assert!(!w.repo.withdraw(w.candidate, created.id).await.unwrap());
    assert_eq!(count(&w.db, "job_applications", "").await, 1);
}

async fn closed_jobs_take_no_applications(test_db: TestDb) {
    let w = world(&test_db, 4).await;
    let job = w.job.get();
    with_conn(&w.db, move |c| {
        use diesel::prelude::*;
        use intowork_storage::schema::jobs;
        diesel::update(jobs::table.find(job))
            .set(jobs::status.eq("archived"))
            .execute(c)
    })
    .await;
    assert!(w.repo.apply_target(w.job).await.unwrap().is_none());
    assert!(matches!(
        w.repo.create(new_app(&w), notice(&w)).await,
        Err(CreateApplicationError::JobNotFound)
    ));
    assert_eq!(count(&w.db, "notifications", "").await, 0);
}

intowork_testkit::test_both_backends!(
    concurrent_applies_create_one_application_and_one_notification,
    lists_filter_page_and_scope,
    status_changes_write_once_and_notify_once,
    withdraw_refuses_other_statuses_and_other_candidates,
    closed_jobs_take_no_applications,
);
