//! `DieselAdminRepository` against the `AdminRepository` contract.

use diesel::prelude::*;
use intowork_domain::admin::{
    AdminRepository, AuditAction, AuditRecord, UserFilter, UserRecord, Window,
};
use intowork_domain::job::JobStatus;
use intowork_domain::ports::{AccountRemoval, Commit, UserRepository};
use intowork_domain::user::{Email, NewUser, Role};
use intowork_domain::{JobId, UserId};
use intowork_storage::schema::{employers, jobs, users};
use intowork_storage::{Database, DieselAdminRepository, DieselUserRepository};
use intowork_testkit::TestDb;

use crate::support::*;

const ALL: Window = Window {
    skip: 0,
    limit: 500,
};

async fn user(db: &Database, email: &str, role: Role, secs: i64) -> UserId {
    let new = NewUser {
        email: Email::parse(email).unwrap(),
        now: at(secs),
        ..new_user(email, role)
    };
    DieselUserRepository::new(db.clone())
        .create_with_profile(new)
        .await
        .unwrap()
        .id
}

async fn set_names(db: &Database, id: UserId, first: &'static str, last: &'static str) {
    with_conn(db, move |c| {
        diesel::update(users::table.find(id.get()))
            .set((users::first_name.eq(first), users::last_name.eq(last)))
            .execute(c)
    })
    .await;
}

/// An employer user with a company and `n` jobs; returns (user, employer, company, job ids).
async fn employer_with_jobs(db: &Database, email: &str, n: usize) -> (UserId, i64, i64, Vec<i64>) {
    let uid = user(db, email, Role::Employer, 1).await;
    let (employer, company, ids) = with_conn(db, move |c| {
        let e = employer_id(c, uid.get())?;
        let co = company_for(c, e, "Acme")?;
        let ids = (0..n)
            .map(|i| job(c, e, co, &format!("Job {i}")))
            .collect::<QueryResult<Vec<_>>>()?;
        Ok((e, co, ids))
    })
    .await;
    (uid, employer, company, ids)
}

fn audit(action: AuditAction, secs: i64) -> AuditRecord {
    AuditRecord {
        actor_user_id: Some(UserId(999)),
        actor_email: "boss@example.com".into(),
        action,
        details: r#"{"via":"api"}"#.into(),
        at: at(secs),
    }
}

async fn stats_count_everything_in_two_statements(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselAdminRepository::new(db.clone());
    let (_, _, _, job_ids) = employer_with_jobs(&db, "boss@acme.fr", 3).await;
    let cand = user(&db, "cand@example.com", Role::Candidate, 100).await;
    user(&db, "admin@example.com", Role::Admin, 200).await;
    let (j0, j1) = (job_ids[0], job_ids[1]);
    with_conn(&db, move |c| {
        diesel::update(jobs::table.find(j1))
            .set(jobs::status.eq("draft"))
            .execute(c)?;
        let cid = candidate_id(c, cand.get())?;
        application(c, j0, cid, None)?;
        notification(c, cand.get(), Some(j0), None)?;
        diesel::update(users::table.find(cand.get()))
            .set(users::is_active.eq(false))
            .execute(c)
    })
    .await;

    let before = db.statement_count();
    let s = repo.stats(at(100)).await.unwrap();
    assert!(
        db.statement_count() - before <= 3,
        "counts + group by (+ pool check)"
    );
    assert_eq!(
        (s.total_users, s.total_candidates, s.total_employers),
        (3, 1, 1)
    );
    assert_eq!((s.total_companies, s.total_jobs), (1, 3));
    assert_eq!((s.total_applications, s.total_notifications), (1, 1));
    assert_eq!((s.active_users, s.inactive_users), (2, 1));
    // Created at or after the cut-off: the candidate (100) and the admin (200).
    assert_eq!(s.recent_signups, 2);
    assert_eq!(
        s.jobs_by_status,
        vec![(JobStatus::Draft, 1), (JobStatus::Published, 2)]
    );
}

async fn users_filter_search_escape_and_page_newest_first(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselAdminRepository::new(db.clone());
    let a = user(&db, "Alice.Martin@Example.com", Role::Candidate, 1).await;
    let b = user(&db, "bob@example.com", Role::Employer, 2).await;
    let c = user(&db, "carol_100%@example.com", Role::Candidate, 3).await;
    set_names(&db, b, "Bob", "DUPONT").await;
    with_conn(&db, move |conn| {
        diesel::update(users::table.find(c.get()))
            .set(users::is_active.eq(false))
            .execute(conn)
    })
    .await;
    let ids = |v: Vec<UserRecord>| v.into_iter().map(|u| u.id).collect::<Vec<_>>();
    let list = |f: UserFilter, w: Window| {
        let repo = repo.clone();
        async move { ids(repo.list_users(f, w).await.unwrap()) }
    };
    assert_eq!(list(UserFilter::default(), ALL).await, vec![c, b, a]);
    assert_eq!(
        list(UserFilter::default(), Window { skip: 1, limit: 1 }).await,
        vec![b]
    );
    let role = |r| UserFilter {
        role: Some(r),
        ..UserFilter::default()
    };
    assert_eq!(list(role(Role::Candidate), ALL).await, vec![c, a]);
    assert_eq!(list(role(Role::Admin), ALL).await, Vec::<UserId>::new());
    let active = |v| UserFilter {
        is_active: Some(v),
        ..UserFilter::default()
    };
    assert_eq!(list(active(false), ALL).await, vec![c]);
    assert_eq!(list(active(true), ALL).await, vec![b, a]);
    let search = |s: &str| UserFilter {
        search: Some(s.to_owned()),
        ..UserFilter::default()
    };
    // Email, first and last names, any letter case.
    assert_eq!(list(search("ALICE.m"), ALL).await, vec![a]);
    assert_eq!(list(search("dupont"), ALL).await, vec![b]);
    assert_eq!(list(search("Bob"), ALL).await, vec![b]);
    // Everyone but Bob kept the fixture's last name.
    assert_eq!(list(search("martin"), ALL).await, vec![c, a]);
    // `%` and `_` are literal, not wildcards.
    assert_eq!(list(search("100%"), ALL).await, vec![c]);
    assert_eq!(list(search("l_1"), ALL).await, vec![c]);
    assert_eq!(list(search("%"), ALL).await, vec![c]);
    // As a wildcard, `_` would match "ali" of alice.
    assert_eq!(list(search("a_i"), ALL).await, Vec::<UserId>::new());
    let both = UserFilter {
        role: Some(Role::Candidate),
        is_active: Some(true),
        search: Some("example".into()),
    };
    assert_eq!(list(both, ALL).await, vec![a]);

    let found = repo.find_user(a).await.unwrap().unwrap();
    assert_eq!(
        (found.email.as_str(), found.role, found.clerk_id.as_deref()),
        ("Alice.Martin@example.com", Role::Candidate, None)
    );
    assert_eq!(found.created_at, at(1));
    let by_email = repo
        .find_user_by_email("alice.martin@example.com".into())
        .await
        .unwrap();
    assert_eq!(by_email, Some(found));
    assert_eq!(repo.find_user(UserId(a.get() + 100)).await.unwrap(), None);
}

async fn employers_are_one_joined_select_of_employer_accounts(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselAdminRepository::new(db.clone());
    let (with_company, employer, _, _) = employer_with_jobs(&db, "boss@acme.fr", 0).await;
    let bare = user(&db, "solo@example.com", Role::Employer, 5).await;
    let admin = user(&db, "admin@example.com", Role::Admin, 6).await;
    with_conn(&db, move |c| {
        // A stray employer row of an admin account is not listed (role decides).
        diesel::insert_into(employers::table)
            .values((
                employers::user_id.eq(admin.get()),
                employers::created_at.eq(at(9).naive_utc()),
                employers::updated_at.eq(at(9).naive_utc()),
            ))
            .execute(c)?;
        diesel::update(employers::table.find(employer))
            .set((
                employers::position.eq(Some("CTO")),
                employers::phone.eq(Some("+221")),
            ))
            .execute(c)
    })
    .await;
    let before = db.statement_count();
    let list = repo.list_employers(ALL).await.unwrap();
    assert!(db.statement_count() - before <= 2);
    let users: Vec<_> = list.iter().map(|e| e.user_id).collect();
    assert_eq!(users, vec![bare, with_company]);
    let first = &list[1];
    assert_eq!(first.company_name.as_deref(), Some("Acme"));
    assert_eq!(
        (first.position.as_deref(), first.phone.as_deref()),
        (Some("CTO"), Some("+221"))
    );
    assert_eq!(first.email, "boss@acme.fr");
    assert!(first.is_active);
    assert_eq!(list[0].company_name, None);
    assert_eq!(
        repo.list_employers(Window { skip: 1, limit: 5 })
            .await
            .unwrap()
            .len(),
        1
    );
}

async fn jobs_are_one_row_each_with_live_counts_in_one_statement(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselAdminRepository::new(db.clone());
    let (_, _, company, ids) = employer_with_jobs(&db, "boss@acme.fr", 3).await;
    let colleague = user(&db, "colleague@acme.fr", Role::Employer, 2).await;
    let cand = user(&db, "cand@example.com", Role::Candidate, 3).await;
    let (j0, j2) = (ids[0], ids[2]);
    with_conn(&db, move |c| {
        // A second employer of the same company must not duplicate the jobs (CONTRACT 5.10).
        let other = employer_id(c, colleague.get())?;
        diesel::update(employers::table.find(other))
            .set(employers::company_id.eq(Some(company)))
            .execute(c)?;
        let cid = candidate_id(c, cand.get())?;
        application(c, j0, cid, None)?;
        diesel::update(jobs::table.find(j2))
            .set((
                jobs::status.eq("draft"),
                jobs::created_at.eq(at(50).naive_utc()),
            ))
            .execute(c)
    })
    .await;
    let before = db.statement_count();
    let all = repo.list_jobs(None, ALL).await.unwrap();
    assert!(
        db.statement_count() - before <= 2,
        "one select (+ pool check)"
    );
    let listed: Vec<JobId> = all.iter().map(|j| j.id).collect();
    // Newest first; equal created_at falls back to id DESC.
    assert_eq!(listed, vec![JobId(j2), JobId(ids[1]), JobId(j0)]);
    let first = all.iter().find(|j| j.id == JobId(j0)).unwrap();
    assert_eq!(first.applications_count, 1);
    assert_eq!(first.employer_email.as_deref(), Some("boss@acme.fr"));
    assert_eq!(first.company_name, "Acme");
    assert_eq!(first.status, JobStatus::Published);
    let drafts = repo.list_jobs(Some(JobStatus::Draft), ALL).await.unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].id, JobId(j2));
    let page = repo
        .list_jobs(None, Window { skip: 2, limit: 10 })
        .await
        .unwrap();
    assert_eq!(page.len(), 1);
}

async fn set_active_writes_the_audit_row_in_the_same_transaction(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselAdminRepository::new(db.clone());
    let users_repo = DieselUserRepository::new(db.clone());
    let id = user(&db, "Target@Example.com", Role::Candidate, 1).await;
    let off = repo
        .set_active(id, false, audit(AuditAction::UserDeactivate, 10))
        .await
        .unwrap()
        .unwrap();
    assert!(!off.is_active);
    let stored = users_repo.find_by_id(id).await.unwrap().unwrap();
    assert_eq!((stored.token_version, stored.updated_at), (1, at(10)));
    // Activation does not bump again: tokens died with the deactivation.
    repo.set_active(id, true, audit(AuditAction::UserActivate, 20))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        users_repo
            .find_by_id(id)
            .await
            .unwrap()
            .unwrap()
            .token_version,
        1
    );
    let log = repo.list_audit(ALL).await.unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].action, "user.activate");
    assert_eq!(log[1].action, "user.deactivate");
    assert_eq!(log[1].target_user_id, Some(id));
    assert_eq!(log[1].target_email.as_deref(), Some("Target@example.com"));
    assert_eq!(log[1].actor_user_id, Some(UserId(999)));
    assert_eq!(log[1].actor_email.as_deref(), Some("boss@example.com"));
    assert_eq!(log[1].details.as_deref(), Some(r#"{"via":"api"}"#));
    assert_eq!(log[1].created_at, at(10));
    assert_eq!(
        repo.list_audit(Window { skip: 1, limit: 1 })
            .await
            .unwrap()
            .len(),
        1
    );

    let missing = repo
        .set_active(
            UserId(id.get() + 100),
            false,
            audit(AuditAction::UserDeactivate, 30),
        )
        .await
        .unwrap();
    assert_eq!(missing, None);
    assert_eq!(count(&db, "admin_audit_log", "").await, 2);
}

async fn delete_user_cascades_and_keeps_its_audit_row(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselAdminRepository::new(db.clone());
    let (boss, _, _, job_ids) = employer_with_jobs(&db, "boss@acme.fr", 1).await;
    let cand = user(&db, "cand@example.com", Role::Candidate, 2).await;
    let j = job_ids[0];
    with_conn(&db, move |c| {
        let cid = candidate_id(c, cand.get())?;
        candidate_extras(c, cand.get(), cid)?;
        let cv = cv(c, cid, "cv/one.pdf")?;
        let app = application(c, j, cid, Some(cv))?;
        notification(c, boss.get(), Some(j), Some(app))
    })
    .await;
    // Decided while nobody had applied to the boss's job: refused, not even the audit row written.
    let stale = AccountRemoval::decide(boss, &[], at(35));
    assert_eq!(
        repo.delete_user(stale, audit(AuditAction::UserDelete, 35))
            .await
            .unwrap(),
        Commit::Stale
    );
    assert_eq!(count(&db, "admin_audit_log", "").await, 0);
    assert_eq!(repo.applicants_of(boss).await.unwrap(), vec![cand]);
    let removal = AccountRemoval::decide(cand, &[], at(40));
    let Commit::Done(deleted) = repo
        .delete_user(removal, audit(AuditAction::UserDelete, 40))
        .await
        .unwrap()
    else {
        panic!("the candidate exists");
    };
    assert_eq!(deleted.cv_keys, vec!["cv/one.pdf".to_owned()]);
    for table in [
        "candidates",
        "candidate_cvs",
        "job_applications",
        "experiences",
        "password_reset_tokens",
    ] {
        assert_eq!(count(&db, table, "").await, 0, "{table}");
    }
    assert_eq!(count(&db, "users", "").await, 1);
    let log = repo.list_audit(ALL).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].action.as_str(), log[0].target_user_id),
        ("user.delete", Some(cand))
    );
    assert_eq!(log[0].target_email.as_deref(), Some("cand@example.com"));
    // Deleting the employer takes the jobs; the audit trail of the earlier deletion stays.
    let removal = AccountRemoval::decide(boss, &[], at(50));
    let done = repo
        .delete_user(removal, audit(AuditAction::UserDelete, 50))
        .await
        .unwrap();
    assert!(matches!(done, Commit::Done(_)));
    assert_eq!(count(&db, "jobs", "").await, 0);
    assert_eq!(count(&db, "admin_audit_log", "").await, 2);
    let removal = AccountRemoval::decide(boss, &[], at(60));
    assert_eq!(
        repo.delete_user(removal, audit(AuditAction::UserDelete, 60))
            .await
            .unwrap(),
        Commit::NotFound
    );
    assert_eq!(count(&db, "admin_audit_log", "").await, 2);
}

intowork_testkit::test_both_backends!(
    stats_count_everything_in_two_statements,
    users_filter_search_escape_and_page_newest_first,
    employers_are_one_joined_select_of_employer_accounts,
    jobs_are_one_row_each_with_live_counts_in_one_statement,
    set_active_writes_the_audit_row_in_the_same_transaction,
    delete_user_cascades_and_keeps_its_audit_row,
);
