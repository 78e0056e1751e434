//! `DieselAdminCompanyRepository` against its contract: the companies screen in two statements
//! whatever its size, the badge, and a removal that is one transaction (all or nothing).

use diesel::prelude::*;
use intowork_domain::admin::companies::{AdminCompanyRepository, CompanyRemoval, RemovedCompany};
use intowork_domain::admin::{AdminRepository, AuditAction, AuditRecord, Window};
use intowork_domain::notification::{NewNotification, NotificationKind};
use intowork_domain::ports::Commit;
use intowork_domain::{ApplicationId, CompanyId, EmployerId, UserId};
use intowork_storage::schema::{employers, jobs};
use intowork_storage::{DieselAdminCompanyRepository, DieselAdminRepository};
use intowork_testkit::TestDb;

use crate::job_fixtures::*;
use crate::support::*;

pub(crate) fn audit(action: AuditAction, secs: i64) -> AuditRecord {
    AuditRecord {
        actor_user_id: Some(UserId(999)),
        actor_email: "boss@example.com".into(),
        action,
        details: r#"{"via":"api"}"#.into(),
        at: at(secs),
    }
}

pub(crate) async fn audit_actions(r: &Repos) -> Vec<(String, Option<UserId>)> {
    let all = Window {
        skip: 0,
        limit: 100,
    };
    let log = DieselAdminRepository::new(r.db.clone())
        .list_audit(all)
        .await;
    log.unwrap()
        .into_iter()
        .map(|e| (e.action, e.target_user_id))
        .collect()
}

/// A second employer attached to `company`, with a phone and a position.
async fn recruiter(r: &Repos, email: &str, company: CompanyId) -> (UserId, EmployerId) {
    let e = r.employer(email, "Temporaire").await;
    let (employer, c) = (e.1.get(), company.get());
    with_conn(&r.db, move |conn| {
        diesel::update(employers::table.find(employer))
            .set((
                employers::company_id.eq(Some(c)),
                employers::phone.eq(Some("+221 77")),
                employers::position.eq(Some("RH")),
            ))
            .execute(conn)
    })
    .await;
    (e.0, e.1)
}

async fn the_list_has_counts_and_recruiters_and_searches_names(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselAdminCompanyRepository::new(r.db.clone());
    let acme = r.employer("boss@acme.fr", "ACME Corp").await;
    let (second, _) = recruiter(&r, "rh@acme.fr", acme.2).await;
    r.job(acme, fields("Un")).await;
    r.job(acme, fields("Deux")).await;
    let other = r.employer("solo@b.fr", "Beta 100%").await;
    let list = repo.list_companies(None).await.unwrap();
    // By name: ACME Corp, Beta 100%, Temporaire (the second recruiter's own, now empty).
    let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["ACME Corp", "Beta 100%", "Temporaire"]);
    let a = &list[0];
    assert_eq!((a.id, a.jobs_count, a.employers_count), (acme.2, 2, 2));
    let who: Vec<UserId> = a.recruiters.iter().map(|x| x.user_id).collect();
    assert_eq!(who, vec![acme.0, second]);
    assert_eq!(a.recruiters[0].email, "boss@acme.fr");
    assert_eq!(
        (
            a.recruiters[1].phone.as_deref(),
            a.recruiters[1].position.as_deref()
        ),
        (Some("+221 77"), Some("RH"))
    );
    assert!(!a.is_verified);
    assert_eq!(list[1].recruiters[0].user_id, other.0);
    assert!(list[2].recruiters.is_empty());
    let search = |s: &str| {
        let repo = repo.clone();
        let s = s.to_owned();
        async move {
            let found = repo.list_companies(Some(s)).await.unwrap();
            found.into_iter().map(|c| c.name).collect::<Vec<_>>()
        }
    };
    assert_eq!(search("acme").await, vec!["ACME Corp"]);
    assert_eq!(search("0%").await, vec!["Beta 100%"]);
    assert!(search("_").await.is_empty(), "`_` is literal");
    let only = repo.list_companies(Some("cme".into())).await.unwrap();
    assert_eq!(only[0].recruiters.len(), 2);
}

/// Two statements for 1 company as for 100, each with two recruiters.
async fn the_list_costs_constant_statements(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselAdminCompanyRepository::new(r.db.clone());
    let statements = |n: usize| {
        let db = r.db.clone();
        let repo = repo.clone();
        async move {
            let before = db.statement_count();
            let list = repo.list_companies(None).await.unwrap();
            assert_eq!(list.len(), n);
            assert!(list.iter().all(|c| c.recruiters.len() == 1));
            db.statement_count() - before
        }
    };
    r.employer("e0@acme.fr", "Co 000").await;
    let one = statements(1).await;
    for i in 1..100 {
        r.employer(&format!("e{i}@acme.fr"), &format!("Co {i:03}"))
            .await;
    }
    let hundred = statements(100).await;
    assert_eq!(one, hundred);
    assert!(
        hundred <= 3,
        "companies + recruiters (+ pool check): {hundred}"
    );
}

async fn the_badge_is_set_and_cleared_with_its_audit_row(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselAdminCompanyRepository::new(r.db.clone());
    let acme = r.employer("boss@acme.fr", "Acme").await;
    let on = repo
        .set_verified(acme.2, Some(at(5)), audit(AuditAction::CompanyVerify, 5))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((on.is_verified, on.verified_at), (true, Some(at(5))));
    assert_eq!(repo.find_company(acme.2).await.unwrap(), Some(on));
    let off = repo
        .set_verified(acme.2, None, audit(AuditAction::CompanyUnverify, 6))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((off.is_verified, off.verified_at), (false, None));
    let ghost = CompanyId(acme.2.get() + 100);
    let none = repo.set_verified(ghost, Some(at(7)), audit(AuditAction::CompanyVerify, 7));
    assert_eq!(none.await.unwrap(), None);
    assert_eq!(
        audit_actions(&r).await,
        vec![
            ("company.unverify".to_owned(), None),
            ("company.verify".to_owned(), None)
        ]
    );
}

/// Acme with a published job (one application), a draft and an archived job, and two
/// recruiters. Returns the company, the recruiters' users and the application.
async fn removable(r: &Repos) -> (CompanyId, [UserId; 2], ApplicationId) {
    let acme = r.employer("boss@acme.fr", "Acme").await;
    let (second, _) = recruiter(r, "rh@acme.fr", acme.2).await;
    let applied = r.job(acme, fields("Un")).await.job.id;
    let draft = r.job(acme, fields("Brouillon")).await.job.id;
    let archived = r.job(acme, fields("Vieux")).await.job.id;
    with_conn(&r.db, move |c| {
        diesel::update(jobs::table.find(draft.get()))
            .set(jobs::status.eq("draft"))
            .execute(c)?;
        diesel::update(jobs::table.find(archived.get()))
            .set(jobs::status.eq("archived"))
            .execute(c)
    })
    .await;
    let (_, cand) = r.candidate("awa@example.com").await;
    let application = ApplicationId(r.apply(applied.get(), cand).await);
    (acme.2, [acme.0, second], application)
}

async fn removal_archives_detaches_and_hides_in_one_transaction(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselAdminCompanyRepository::new(r.db.clone());
    let (company, recruiters, application) = removable(&r).await;
    let applicants = repo.applicants(company).await.unwrap();
    assert_eq!(applicants.len(), 1);
    assert_eq!(applicants[0].application, application);
    assert_eq!(applicants[0].job_title, "Un");

    // Decided before a second candidate applied: refused, nothing written.
    let stale = CompanyRemoval::decide(company, &[], at(30));
    let commit = repo.remove(stale, audit(AuditAction::CompanyDelete, 30));
    assert_eq!(commit.await.unwrap(), Commit::Stale);
    assert_eq!(count(&r.db, "jobs", "status = 'archived'").await, 1);
    assert_eq!(count(&r.db, "employers", "company_id IS NOT NULL").await, 2);

    let removal = CompanyRemoval::decide(company, &applicants, at(30));
    let commit = repo.remove(removal.clone(), audit(AuditAction::CompanyDelete, 30));
    assert_eq!(
        commit.await.unwrap(),
        Commit::Done(RemovedCompany {
            archived_jobs: 2,
            detached_employers: 2,
        })
    );
    assert_eq!(count(&r.db, "jobs", "status <> 'archived'").await, 0);
    assert_eq!(count(&r.db, "jobs", "").await, 3, "no job deleted");
    assert_eq!(count(&r.db, "job_applications", "").await, 1);
    assert_eq!(count(&r.db, "employers", "company_id IS NOT NULL").await, 0);
    assert_eq!(count(&r.db, "users", "").await, 3, "no account deleted");
    assert_eq!(
        count(&r.db, "notifications", "type = 'system'").await,
        1,
        "the applicant is told"
    );
    assert_eq!(count(&r.db, "companies", "deleted_at IS NOT NULL").await, 1);
    assert_eq!(repo.find_company(company).await.unwrap(), None);
    let names: Vec<String> = repo
        .list_companies(None)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, vec!["Temporaire"]);
    assert_eq!(
        audit_actions(&r).await,
        vec![("company.delete".to_owned(), None)]
    );
    assert!(recruiters.iter().all(|u| u.get() > 0));
    // Gone: a second removal finds nothing.
    let again = repo.remove(removal, audit(AuditAction::CompanyDelete, 31));
    assert_eq!(again.await.unwrap(), Commit::NotFound);
}

/// A removal whose last write fails leaves everything as it was.
async fn a_failed_removal_changes_nothing(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselAdminCompanyRepository::new(r.db.clone());
    let (company, _, _) = removable(&r).await;
    let applicants = repo.applicants(company).await.unwrap();
    let mut removal = CompanyRemoval::decide(company, &applicants, at(30));
    // A notice to a user who does not exist: its insert breaks a foreign key mid-transaction.
    removal.notifications.push(NewNotification {
        user_id: UserId(987_654),
        kind: NotificationKind::System,
        title: "t".into(),
        message: "m".into(),
        related_job_id: None,
        related_application_id: None,
    });
    let failed = repo
        .remove(removal, audit(AuditAction::CompanyDelete, 30))
        .await;
    assert!(failed.is_err());
    assert_eq!(count(&r.db, "jobs", "status = 'archived'").await, 1);
    assert_eq!(count(&r.db, "employers", "company_id IS NOT NULL").await, 2);
    assert_eq!(count(&r.db, "companies", "deleted_at IS NOT NULL").await, 0);
    assert_eq!(count(&r.db, "notifications", "").await, 0);
    assert!(audit_actions(&r).await.is_empty());
    assert!(repo.find_company(company).await.unwrap().is_some());
}

intowork_testkit::test_both_backends!(
    the_list_has_counts_and_recruiters_and_searches_names,
    the_list_costs_constant_statements,
    the_badge_is_set_and_cleared_with_its_audit_row,
    removal_archives_detaches_and_hides_in_one_transaction,
    a_failed_removal_changes_nothing,
);
