//! Check-then-act races, run concurrently on both backends: each body fails without the row locks
//! of `crates/storage/src/locks.rs` (PostgreSQL) or the savepoint in `ensure_row`.

use std::sync::Arc;

use futures_util::future::join_all;
use intowork_domain::application::{ApplicationRepository, CreateApplicationError, NewApplication};
use intowork_domain::candidate::CandidateRepository;
use intowork_domain::cv::{CvRemoval, CvRepository, NewCv};
use intowork_domain::email_template::{
    EmailTemplateRepository, NewTemplate, TemplateDraft, TemplatePatch, TemplateType,
};
use intowork_domain::image::ImageStore;
use intowork_domain::job::{JobRemoval, JobService};
use intowork_domain::notification::{NewNotification, NotificationKind};
use intowork_domain::ports::{SystemClock, UserRepository};
use intowork_domain::user::Role;
use intowork_domain::{CandidateId, JobId, UserId};
use intowork_files::{InMemoryFileStore, UuidKeyGenerator};
use intowork_storage::{
    DieselApplicationRepository, DieselCandidateRepository, DieselCompanyRepository,
    DieselCvRepository, DieselEmailTemplateRepository, DieselJobRepository, DieselUserRepository,
};
use intowork_testkit::TestDb;

use crate::job_fixtures::Repos;
use crate::support::*;

async fn concurrent_first_profile_loads_create_one_row(test_db: TestDb) {
    let db = migrated_with(&test_db, 8);
    let user = DieselUserRepository::new(db.clone())
        .create_with_profile(new_user("imported@example.com", Role::Candidate))
        .await
        .unwrap();
    let uid = user.id.get();
    with_conn(&db, move |c| {
        use diesel::prelude::*;
        use intowork_storage::schema::candidates;
        diesel::delete(candidates::table.filter(candidates::user_id.eq(uid))).execute(c)
    })
    .await;
    let repo = DieselCandidateRepository::new(db.clone());
    let results = join_all((0..20).map(|i| repo.load_or_create(user.id, at(i)))).await;
    assert!(
        results.iter().all(Result::is_ok),
        "{:?}",
        results.iter().filter(|r| r.is_err()).collect::<Vec<_>>()
    );
    assert_eq!(count(&db, "candidates", "").await, 1);
}

fn notice(employer_user: UserId, job: JobId) -> NewNotification {
    NewNotification {
        user_id: employer_user,
        kind: NotificationKind::NewApplication,
        title: "t".into(),
        message: "m".into(),
        related_job_id: Some(job),
        related_application_id: None,
    }
}

async fn applying_while_the_job_is_deleted_never_loses_an_application(test_db: TestDb) {
    let db = migrated_with(&test_db, 12);
    let users = DieselUserRepository::new(db.clone());
    let boss = users
        .create_with_profile(new_user("boss@example.com", Role::Employer))
        .await
        .unwrap();
    let mut candidates = Vec::new();
    for i in 0..8 {
        let u = users
            .create_with_profile(new_user(&format!("c{i}@example.com"), Role::Candidate))
            .await
            .unwrap();
        let uid = u.id.get();
        candidates.push(CandidateId(
            with_conn(&db, move |c| candidate_id(c, uid)).await,
        ));
    }
    let apps = DieselApplicationRepository::new(db.clone());
    // The domain decides from the applications it reads; the commit refuses a stale decision.
    let service = JobService::new(
        Arc::new(DieselJobRepository::new(db.clone())),
        Arc::new(DieselCompanyRepository::new(db.clone())),
        Arc::new(SystemClock),
        ImageStore::new(
            Arc::new(InMemoryFileStore::new()),
            Arc::new(UuidKeyGenerator),
        ),
    );
    let boss = users.find_by_id(boss.id).await.unwrap().unwrap();
    for round in 0..6 {
        let bu = boss.id.get();
        let job = JobId(
            with_conn(&db, move |c| {
                let e = employer_id(c, bu)?;
                let company = company_for(c, e, "ACME")?;
                job(c, e, company, &format!("Poste {round}"))
            })
            .await,
        );
        let applies = join_all(candidates.iter().map(|cid| {
            apps.create(
                NewApplication {
                    job_id: job,
                    candidate_id: *cid,
                    cover_letter: None,
                    cv: None,
                    source_ref: None,
                    actor: boss.id,
                    now: at(round),
                    candidate_mail: None,
                },
                notice(boss.id, job),
            )
        }));
        let removal = service.delete(&boss, job);
        let (applied, removed) = tokio::join!(applies, removal);
        let ok = applied.iter().filter(|r| r.is_ok()).count() as i64;
        assert!(
            applied
                .iter()
                .all(|r| matches!(r, Ok(_) | Err(CreateApplicationError::JobNotFound))),
            "round {round}: {:?}",
            applied.iter().filter(|r| r.is_err()).collect::<Vec<_>>()
        );
        let stored = count(&db, "job_applications", &format!("job_id = {}", job.get())).await;
        assert_eq!(
            stored, ok,
            "round {round}: every accepted application survives"
        );
        let told = count(
            &db,
            "notifications",
            &format!("type = 'system' AND related_job_id = {}", job.get()),
        )
        .await;
        match removed.unwrap() {
            JobRemoval::Deleted => {
                assert_eq!(ok, 0, "round {round}: a job with applications is archived")
            }
            JobRemoval::Archived { notified } => {
                assert!(ok > 0, "round {round}");
                assert_eq!(notified.len() as i64, ok, "round {round}: every applicant");
                assert_eq!(told, ok, "round {round}: one notice per application");
            }
        }
    }
}

async fn applying_while_the_cv_is_deleted_never_fails(test_db: TestDb) {
    let db = migrated_with(&test_db, 8);
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
    let (employer, company, cid) = with_conn(&db, move |c| {
        let e = employer_id(c, bu)?;
        Ok((e, company_for(c, e, "ACME")?, candidate_id(c, cu)?))
    })
    .await;
    let cvs = DieselCvRepository::new(db.clone());
    let apps = DieselApplicationRepository::new(db.clone());
    for round in 0..10 {
        let j = JobId(
            with_conn(&db, move |c| {
                job(c, employer, company, &format!("P{round}"))
            })
            .await,
        );
        let cv = cvs
            .insert_within_limit(
                NewCv {
                    candidate_id: CandidateId(cid),
                    filename: "cv.pdf".into(),
                    storage_key: format!("cv/{round}.pdf"),
                    file_size: 1,
                    now: at(round),
                },
                100,
            )
            .await
            .unwrap();
        let apply = apps.create(
            NewApplication {
                job_id: j,
                candidate_id: CandidateId(cid),
                cover_letter: None,
                cv: None,
                source_ref: None,
                actor: boss.id,
                now: at(round),
                candidate_mail: None,
            },
            notice(boss.id, j),
        );
        let (applied, removed) = tokio::join!(apply, cvs.remove(CandidateId(cid), cv.id));
        assert!(applied.is_ok(), "round {round}: {applied:?}");
        let kept = count(&db, "job_applications", &format!("cv_id = {}", cv.id.get())).await;
        match removed.unwrap().unwrap() {
            CvRemoval::Deactivated => assert_eq!(kept, 1, "round {round}"),
            CvRemoval::Deleted { .. } => assert_eq!(kept, 0, "round {round}"),
        }
    }
}

/// Twenty defaults of one type created at once, then twenty patches making each the default at
/// once: every write succeeds (none breaks the one-default index) and one default remains.
async fn concurrent_default_templates_leave_one_default(test_db: TestDb) {
    let db = migrated_with(&test_db, 12);
    let (boss, _, acme) = Repos::new(db.clone())
        .employer("boss@acme.fr", "Acme")
        .await;
    let repo = DieselEmailTemplateRepository::new(db.clone());
    let kind = TemplateType::InterviewInvitation;
    let creates = (0..20).map(|i| {
        repo.create(NewTemplate {
            company: acme,
            author: boss,
            draft: TemplateDraft {
                name: format!("T{i}"),
                kind,
                subject: "Entretien".into(),
                body: "<p>Bonjour</p>".into(),
                is_default: true,
            },
            is_active: true,
            now: at(i),
        })
    });
    let created: Vec<_> = join_all(creates).await;
    let ids: Vec<_> = created.into_iter().map(|r| r.unwrap().id).collect();
    let defaults = "is_default AND type = 'interview_invitation'";
    assert_eq!(count(&db, "email_templates", defaults).await, 1);
    let patches = ids.iter().map(|id| {
        let patch = TemplatePatch {
            is_default: Some(true),
            ..TemplatePatch::default()
        };
        repo.update(acme, *id, patch, at(30))
    });
    for patched in join_all(patches).await {
        assert!(patched.unwrap().unwrap().is_default);
    }
    assert_eq!(count(&db, "email_templates", defaults).await, 1);
}

intowork_testkit::test_both_backends!(
    concurrent_default_templates_leave_one_default,
    concurrent_first_profile_loads_create_one_row,
    applying_while_the_job_is_deleted_never_loses_an_application,
    applying_while_the_cv_is_deleted_never_fails,
);
