//! `DieselAdminCompanyRepository` and `DieselInvitationRepository` against their contracts: the
//! companies screen in two statements whatever its size, the badge, a removal that is one
//! transaction (all or nothing), and accounts created without a password, each with a new company
//! and one audit row.

use chrono::TimeDelta;
use diesel::prelude::*;
use intowork_domain::admin::companies::{AdminCompanyRepository, CompanyRemoval, RemovedCompany};
use intowork_domain::admin::invitations::{InvitationRepository, NewInvitedAccount};
use intowork_domain::admin::{AdminRepository, AuditAction, AuditRecord, Window};
use intowork_domain::company::CompanyName;
use intowork_domain::notification::{NewNotification, NotificationKind};
use intowork_domain::ports::{Commit, CreateUserError, UserRepository};
use intowork_domain::recovery::{IssuedResetToken, ResetTokenRepository};
use intowork_domain::user::{Email, Role};
use intowork_domain::{ApplicationId, CompanyId, EmployerId, UserId};
use intowork_storage::schema::{companies, employers, jobs};
use intowork_storage::{
    DieselAdminCompanyRepository, DieselAdminRepository, DieselInvitationRepository,
    DieselResetTokenRepository,
};
use intowork_testkit::TestDb;

use crate::job_fixtures::*;
use crate::support::*;

fn audit(action: AuditAction, secs: i64) -> AuditRecord {
    AuditRecord {
        actor_user_id: Some(UserId(999)),
        actor_email: "boss@example.com".into(),
        action,
        details: r#"{"via":"api"}"#.into(),
        at: at(secs),
    }
}

async fn audit_actions(r: &Repos) -> Vec<(String, Option<UserId>)> {
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

fn invited(email: &str, role: Role, company: Option<&str>, hash: &str) -> NewInvitedAccount {
    NewInvitedAccount {
        email: Email::parse(email).unwrap(),
        first_name: "Awa".into(),
        last_name: "Diop".into(),
        role,
        company: company.map(|c| CompanyName::parse(c.to_owned()).unwrap()),
        token_hash: hash.into(),
        token_expires_at: at(10) + TimeDelta::hours(72),
        now: at(10),
    }
}

async fn an_invited_employer_gets_a_new_company_a_token_and_no_password(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselInvitationRepository::new(r.db.clone());
    let existing = r.employer("boss@acme.fr", "Acme").await;
    let user = repo
        .create_account(
            invited("Awa@Example.com", Role::Employer, Some("Acme"), "h1"),
            audit(AuditAction::UserCreate, 10),
        )
        .await
        .unwrap();
    assert_eq!(
        (user.email.as_str(), user.role, user.is_active),
        ("Awa@example.com", Role::Employer, true)
    );
    let stored = r.users.find_by_email("awa@example.com");
    assert_eq!(stored.await.unwrap().unwrap().password_hash, None);
    // Never the existing "Acme": a new row of the same name.
    assert_eq!(count(&r.db, "companies", "name = 'Acme'").await, 2);
    let uid = user.id.get();
    let (company, employer_company) = with_conn(&r.db, move |c| {
        let e: Option<i64> = employers::table
            .filter(employers::user_id.eq(uid))
            .select(employers::company_id)
            .first(c)?;
        let newest: i64 = companies::table
            .select(companies::id)
            .order(companies::id.desc())
            .first(c)?;
        Ok((newest, e))
    })
    .await;
    assert_eq!(employer_company, Some(company));
    assert_ne!(company, existing.2.get());
    // The link works like a reset link, for 72 hours.
    let tokens = DieselResetTokenRepository::new(r.db.clone());
    assert!(
        tokens
            .is_usable("h1".into(), at(10) + TimeDelta::hours(71))
            .await
            .unwrap()
    );
    assert!(
        !tokens
            .is_usable("h1".into(), at(10) + TimeDelta::hours(72))
            .await
            .unwrap()
    );
    assert_eq!(
        audit_actions(&r).await,
        vec![("user.create".to_owned(), Some(user.id))]
    );

    let candidate = repo
        .create_account(
            invited("binta@example.com", Role::Candidate, None, "h2"),
            audit(AuditAction::UserCreate, 11),
        )
        .await
        .unwrap();
    let cu = candidate.id.get();
    with_conn(&r.db, move |c| candidate_id(c, cu)).await;
}

async fn a_taken_email_creates_nothing(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselInvitationRepository::new(r.db.clone());
    r.employer("boss@acme.fr", "Acme").await;
    let tables = ["users", "companies", "employers", "password_reset_tokens"];
    let mut before = Vec::new();
    for t in tables {
        before.push(count(&r.db, t, "").await);
    }
    let taken = repo
        .create_account(
            invited("BOSS@acme.fr", Role::Employer, Some("Nouvelle"), "h1"),
            audit(AuditAction::UserCreate, 10),
        )
        .await;
    assert!(matches!(taken, Err(CreateUserError::EmailTaken)));
    for (t, n) in tables.into_iter().zip(before) {
        assert_eq!(count(&r.db, t, "").await, n, "{t}");
    }
    assert!(audit_actions(&r).await.is_empty());
}

async fn a_reissued_link_replaces_the_old_one_at_most_once_a_minute(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselInvitationRepository::new(r.db.clone());
    let user = repo
        .create_account(
            invited("awa@example.com", Role::Candidate, None, "h1"),
            audit(AuditAction::UserCreate, 10),
        )
        .await
        .unwrap();
    let token = |hash: &str, secs: i64| IssuedResetToken {
        user: user.id,
        token_hash: hash.into(),
        issued_at: at(secs),
        expires_at: at(secs) + TimeDelta::hours(72),
    };
    let resend = AuditAction::UserResendCredentials;
    // Within the minute of the first link: kept, nothing written.
    let early = repo.reissue(
        token("h2", 40),
        at(40) - TimeDelta::seconds(60),
        audit(resend, 40),
    );
    assert!(!early.await.unwrap());
    let later = repo.reissue(
        token("h3", 80),
        at(80) - TimeDelta::seconds(60),
        audit(resend, 80),
    );
    assert!(later.await.unwrap());
    let tokens = DieselResetTokenRepository::new(r.db.clone());
    assert!(!tokens.is_usable("h1".into(), at(81)).await.unwrap());
    assert!(tokens.is_usable("h3".into(), at(81)).await.unwrap());
    assert_eq!(
        audit_actions(&r).await,
        vec![
            ("user.resend_credentials".to_owned(), Some(user.id)),
            ("user.create".to_owned(), Some(user.id))
        ]
    );
}

intowork_testkit::test_both_backends!(
    the_list_has_counts_and_recruiters_and_searches_names,
    the_list_costs_constant_statements,
    the_badge_is_set_and_cleared_with_its_audit_row,
    removal_archives_detaches_and_hides_in_one_transaction,
    a_failed_removal_changes_nothing,
    an_invited_employer_gets_a_new_company_a_token_and_no_password,
    a_taken_email_creates_nothing,
    a_reissued_link_replaces_the_old_one_at_most_once_a_minute,
);
