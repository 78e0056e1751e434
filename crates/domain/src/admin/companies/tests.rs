//! Service tests for the back-office's company use cases, against mockall doubles.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use mockall::predicate::eq;

use super::*;
use crate::admin::{Actor, AuditAction};
use crate::error::RepoError;
use crate::ids::{ApplicationId, CompanyId, JobId, UserId};
use crate::notification::NotificationKind;
use crate::ports::{Commit, MockClock};
use crate::user::{Role, User};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap()
}

fn admin() -> Actor {
    Actor::Admin(User {
        id: UserId(1),
        email: "admin@example.com".into(),
        role: Role::Admin,
        first_name: "Ada".into(),
        last_name: "Min".into(),
        name: None,
        image: None,
        is_active: true,
        token_version: 0,
        password_hash: None,
        created_at: now(),
        updated_at: now(),
    })
}

fn company(verified: bool) -> CompanyVerification {
    CompanyVerification {
        id: CompanyId(4),
        name: "Acme \"Sénégal\"".into(),
        is_verified: verified,
        verified_at: verified.then(now),
    }
}

fn service(repo: MockAdminCompanyRepository) -> CompanyAdminService {
    let mut clock = MockClock::new();
    clock.expect_now().returning(now);
    CompanyAdminService::new(Arc::new(repo), Arc::new(clock))
}

fn applicant(job: i64, application: i64, candidate: i64) -> CompanyApplicant {
    CompanyApplicant {
        job: JobId(job),
        job_title: format!("Poste {job}"),
        application: ApplicationId(application),
        candidate: UserId(candidate),
    }
}

#[tokio::test]
async fn a_blank_search_is_no_filter() {
    let mut repo = MockAdminCompanyRepository::new();
    repo.expect_list_companies()
        .with(eq(None))
        .times(1)
        .returning(|_| Ok(vec![]));
    repo.expect_list_companies()
        .with(eq(Some("acme".to_owned())))
        .times(1)
        .returning(|_| Ok(vec![]));
    let svc = service(repo);
    svc.list(Some("   ".into())).await.unwrap();
    svc.list(Some(" acme ".into())).await.unwrap();
}

#[tokio::test]
async fn verifying_stamps_the_time_and_writes_an_escaped_audit_row() {
    let mut repo = MockAdminCompanyRepository::new();
    repo.expect_find_company()
        .with(eq(CompanyId(4)))
        .returning(|_| Ok(Some(company(false))));
    repo.expect_set_verified()
        .withf(|id, at, audit| {
            *id == CompanyId(4)
                && *at == Some(now())
                && audit.action == AuditAction::CompanyVerify
                && audit.actor_user_id == Some(UserId(1))
                && audit.details
                    == r#"{"company_id":4,"company":"Acme \"Sénégal\"","is_verified":true,"via":"api"}"#
        })
        .times(1)
        .returning(|_, _, _| Ok(Some(company(true))));
    let out = service(repo)
        .verify(&admin(), CompanyId(4), Some(true))
        .await
        .unwrap();
    assert!(out.is_verified);
}

#[tokio::test]
async fn without_a_wish_the_badge_flips_and_unverifying_clears_the_time() {
    let mut repo = MockAdminCompanyRepository::new();
    repo.expect_find_company()
        .returning(|_| Ok(Some(company(true))));
    repo.expect_set_verified()
        .withf(|_, at, audit| at.is_none() && audit.action == AuditAction::CompanyUnverify)
        .times(1)
        .returning(|_, _, _| Ok(Some(company(false))));
    let out = service(repo)
        .verify(&admin(), CompanyId(4), None)
        .await
        .unwrap();
    assert_eq!(out.verified_at, None);
}

#[tokio::test]
async fn asking_for_the_current_state_writes_nothing() {
    let mut repo = MockAdminCompanyRepository::new();
    repo.expect_find_company()
        .returning(|_| Ok(Some(company(true))));
    repo.expect_set_verified().never();
    let out = service(repo)
        .verify(&admin(), CompanyId(4), Some(true))
        .await
        .unwrap();
    assert_eq!(out, company(true));
}

#[tokio::test]
async fn unknown_companies_are_not_found_and_nothing_is_written() {
    let mut repo = MockAdminCompanyRepository::new();
    repo.expect_find_company().returning(|_| Ok(None));
    repo.expect_set_verified().never();
    repo.expect_applicants().never();
    repo.expect_remove().never();
    let svc = service(repo);
    assert!(matches!(
        svc.verify(&admin(), CompanyId(9), Some(true)).await,
        Err(VerifyCompanyError::NotFound)
    ));
    assert!(matches!(
        svc.remove(&admin(), CompanyId(9)).await,
        Err(RemoveCompanyError::NotFound)
    ));
}

#[test]
fn each_application_of_a_removed_company_is_told_once_naming_its_job() {
    let removal = CompanyRemoval::decide(
        CompanyId(4),
        &[
            applicant(2, 9, 30),
            applicant(1, 5, 31),
            applicant(2, 9, 30),
        ],
        now(),
    );
    assert_eq!(
        removal.applications,
        vec![ApplicationId(5), ApplicationId(9)]
    );
    let n = &removal.notifications[0];
    assert_eq!(n.user_id, UserId(31));
    assert_eq!(n.kind, NotificationKind::System);
    assert_eq!(n.title, "Offre retirée");
    assert_eq!(
        n.message,
        "L'offre « Poste 1 » a été retirée : l'entreprise n'est plus présente sur IntoWork."
    );
    assert_eq!(
        (n.related_job_id, n.related_application_id),
        (Some(JobId(1)), Some(ApplicationId(5)))
    );
    assert_eq!(removal.notifications.len(), 2);
}

#[tokio::test]
async fn removal_decides_again_when_someone_applied_meanwhile() {
    let mut repo = MockAdminCompanyRepository::new();
    repo.expect_find_company()
        .returning(|_| Ok(Some(company(false))));
    let mut reads = 0;
    repo.expect_applicants().times(2).returning(move |_| {
        reads += 1;
        Ok(if reads == 1 {
            vec![applicant(1, 5, 31)]
        } else {
            vec![applicant(1, 5, 31), applicant(1, 6, 32)]
        })
    });
    let mut commits = 0;
    repo.expect_remove()
        .withf(|_, audit| {
            audit.action == AuditAction::CompanyDelete
                && audit.details == r#"{"company_id":4,"company":"Acme \"Sénégal\"","via":"api"}"#
        })
        .times(2)
        .returning(move |removal, _| {
            commits += 1;
            Ok(if commits == 1 {
                Commit::Stale
            } else {
                assert_eq!(removal.notifications.len(), 2);
                Commit::Done(RemovedCompany {
                    archived_jobs: 1,
                    detached_employers: 2,
                })
            })
        });
    let (company, removed) = service(repo).remove(&admin(), CompanyId(4)).await.unwrap();
    assert_eq!(company.id, CompanyId(4));
    assert_eq!(removed.detached_employers, 2);
}

#[tokio::test]
async fn a_removal_that_keeps_going_stale_gives_up() {
    let mut repo = MockAdminCompanyRepository::new();
    repo.expect_find_company()
        .returning(|_| Ok(Some(company(false))));
    repo.expect_applicants().returning(|_| Ok(vec![]));
    repo.expect_remove().returning(|_, _| Ok(Commit::Stale));
    assert!(matches!(
        service(repo).remove(&admin(), CompanyId(4)).await,
        Err(RemoveCompanyError::Repo(RepoError::Internal(_)))
    ));
}
