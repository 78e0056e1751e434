//! `DieselDashboardRepository` against the `DashboardRepository` contract: the counts of each role,
//! scoped to the caller, the newest items, and a statement count that does not grow with rows.

use diesel::prelude::*;
use intowork_domain::company::CompanyRepository;
use intowork_domain::dashboard::{
    AdminCounts, DashboardRepository, EmployerDashboardFacts, Latest, ProfileFacts,
};
use intowork_domain::ports::UserRepository;
use intowork_domain::user::Role;
use intowork_storage::schema::{candidates, job_applications, jobs, users};
use intowork_storage::{Database, DieselDashboardRepository};
use intowork_testkit::TestDb;

use crate::job_fixtures::{Repos, fields};
use crate::support::*;

/// Sets an application's status and timestamps (seconds after the fixtures' epoch).
async fn set_app(db: &Database, id: i64, status: &'static str, applied: i64, updated: i64) {
    with_conn(db, move |c| {
        diesel::update(job_applications::table.find(id))
            .set((
                job_applications::status.eq(status),
                job_applications::applied_at.eq(at(applied).naive_utc()),
                job_applications::updated_at.eq(at(updated).naive_utc()),
            ))
            .execute(c)
    })
    .await;
}

async fn set_job(db: &Database, id: i64, status: &'static str, created: i64) {
    with_conn(db, move |c| {
        diesel::update(jobs::table.find(id))
            .set((
                jobs::status.eq(status),
                jobs::created_at.eq(at(created).naive_utc()),
            ))
            .execute(c)
    })
    .await;
}

async fn admin_counts_cover_the_platform(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselDashboardRepository::new(db.clone());
    assert_eq!(repo.admin_counts().await.unwrap(), AdminCounts::default());
    let r = Repos::new(db.clone());
    let e = r.employer("boss@acme.fr", "Acme").await;
    let (_, cand) = r.candidate("c@example.com").await;
    let j1 = r.job(e, fields("Un")).await.job.id.get();
    let j2 = r.job(e, fields("Deux")).await.job.id.get();
    set_job(&db, j2, "archived", 50).await;
    r.apply(j1, cand).await;
    r.apply(j2, cand).await;
    let expected = AdminCounts {
        users: 2,
        jobs: 2,
        applications: 2,
    };
    assert_eq!(repo.admin_counts().await.unwrap(), expected);
}

async fn employer_facts_per_company_state(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselDashboardRepository::new(db.clone());
    let r = Repos::new(db.clone());
    let (cand_user, cand) = r.candidate("c@example.com").await;
    let (_, other) = r.candidate("o@example.com").await;
    assert_eq!(repo.employer_facts(cand_user).await.unwrap(), None);

    let bare = r
        .users
        .create_with_profile(new_user("bare@acme.fr", Role::Employer))
        .await
        .unwrap();
    assert!(
        r.companies
            .employer_by_user(bare.id)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        repo.employer_facts(bare.id).await.unwrap(),
        Some(EmployerDashboardFacts::NoCompany)
    );

    let e = r.employer("boss@acme.fr", "Acme").await;
    let Some(EmployerDashboardFacts::WithCompany(empty)) = repo.employer_facts(e.0).await.unwrap()
    else {
        panic!("an employer with a company")
    };
    assert_eq!(empty, Default::default());

    let rust = r.job(e, fields("Dev Rust")).await.job.id.get();
    let go = r.job(e, fields("Dev Go")).await.job.id.get();
    let gone = r.job(e, fields("Supprimée")).await.job.id.get();
    let draft = r.job(e, fields("Brouillon")).await.job.id.get();
    set_job(&db, rust, "published", 100).await;
    set_job(&db, go, "published", 200).await;
    set_job(&db, gone, "archived", 300).await;
    set_job(&db, draft, "closed", 150).await;
    // Another employer's job and application never count.
    let rival = r.employer("rh@rival.fr", "Rival").await;
    let theirs = r.job(rival, fields("Ailleurs")).await.job.id.get();
    let a_theirs = r.apply(theirs, cand).await;
    set_app(&db, a_theirs, "interview", 900, 900).await;

    let a1 = r.apply(rust, cand).await;
    let a2 = r.apply(go, cand).await;
    let a3 = r.apply(rust, other).await;
    let a4 = r.apply(gone, other).await;
    set_app(&db, a1, "interview", 400, 700).await;
    set_app(&db, a2, "interview", 500, 600).await;
    set_app(&db, a3, "applied", 800, 800).await;
    set_app(&db, a4, "rejected", 450, 450).await;

    let Some(EmployerDashboardFacts::WithCompany(f)) = repo.employer_facts(e.0).await.unwrap()
    else {
        panic!("an employer with a company")
    };
    assert_eq!(
        (f.published_jobs, f.applications, f.interviews, f.responded),
        (2, 4, 2, 3)
    );
    let latest = |title: &str, secs| {
        Some(Latest {
            job_title: title.into(),
            at: at(secs),
        })
    };
    // The archived job is newer but was deleted by its owner; the closed one is older.
    assert_eq!(f.latest_job, latest("Dev Go", 200));
    assert_eq!(f.latest_application, latest("Dev Rust", 800));
    assert_eq!(f.latest_interview, latest("Dev Rust", 700));
}

async fn candidate_facts_and_completion(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselDashboardRepository::new(db.clone());
    let r = Repos::new(db.clone());
    let e = r.employer("boss@acme.fr", "Acme").await;
    assert_eq!(repo.candidate_facts(e.0).await.unwrap(), None);
    assert_eq!(repo.profile_facts(e.0).await.unwrap(), None);

    let (me, cand) = r.candidate("c@example.com").await;
    let (_, other) = r.candidate("o@example.com").await;
    let fresh = repo.candidate_facts(me).await.unwrap().unwrap();
    assert_eq!(fresh.profile, ProfileFacts::default());
    assert_eq!((fresh.applications, fresh.published_jobs), (0, 0));
    assert_eq!(fresh.latest_application, None);

    let j1 = r.job(e, fields("Dev Rust")).await.job.id.get();
    let j2 = r.job(e, fields("Dev Go")).await.job.id.get();
    let closed = r.job(e, fields("Fermée")).await.job.id.get();
    set_job(&db, closed, "closed", 10).await;
    // A deactivated employer's published job is not on offer (9.11).
    let quiet = r.employer("quiet@x.fr", "Quiet").await;
    r.job(quiet, fields("Cachée")).await;
    let quiet_user = quiet.0.get();
    with_conn(&db, move |c| {
        diesel::update(users::table.find(quiet_user))
            .set(users::is_active.eq(false))
            .execute(c)
    })
    .await;

    let a1 = r.apply(j1, cand).await;
    let a2 = r.apply(j2, cand).await;
    let mine_closed = r.apply(closed, cand).await;
    let theirs = r.apply(j1, other).await;
    set_app(&db, a1, "interview", 100, 100).await;
    set_app(&db, a2, "applied", 300, 300).await;
    set_app(&db, mine_closed, "rejected", 200, 200).await;
    set_app(&db, theirs, "interview", 900, 900).await;
    let uid = me.get();
    with_conn(&db, move |c| {
        candidate_extras(c, uid, cand)?;
        diesel::update(candidates::table.find(cand))
            .set((
                candidates::phone.eq(Some("+221")),
                candidates::title.eq(Some("Dev")),
            ))
            .execute(c)
    })
    .await;

    let f = repo.candidate_facts(me).await.unwrap().unwrap();
    assert_eq!((f.applications, f.published_jobs, f.interviews), (3, 2, 1));
    assert_eq!(
        f.latest_application,
        Some(Latest {
            job_title: "Dev Go".into(),
            at: at(300),
        })
    );
    let expected = ProfileFacts {
        phone: Some("+221".into()),
        title: Some("Dev".into()),
        has_experience: true,
        has_education: true,
        has_skill: true,
        ..ProfileFacts::default()
    };
    assert_eq!(f.profile, expected);
    assert_eq!(repo.profile_facts(me).await.unwrap(), Some(expected));
    let (bare, _) = r.candidate("p@example.com").await;
    assert_eq!(
        repo.profile_facts(bare).await.unwrap(),
        Some(ProfileFacts::default())
    );
}

intowork_testkit::test_both_backends!(
    admin_counts_cover_the_platform,
    employer_facts_per_company_state,
    candidate_facts_and_completion,
);
