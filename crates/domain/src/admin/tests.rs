//! Service tests for the admin use cases, against mockall doubles.

use std::sync::Arc;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use mockall::predicate::eq;

use super::*;
use crate::error::RepoError;
use crate::files::MockFileStore;
use crate::ids::UserId;
use crate::job::JOB_REMOVED_WITH_ACCOUNT_MESSAGE;
use crate::notification::NotificationKind;
use crate::ports::{Commit, DeletedUser, MockClock};
use crate::user::{Role, User};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn admin(id: i64) -> User {
    User {
        id: UserId(id),
        email: format!("admin{id}@example.com"),
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
    }
}

fn record(id: i64, role: Role, active: bool) -> UserRecord {
    UserRecord {
        id: UserId(id),
        email: format!("user{id}@example.com"),
        first_name: "Jane".into(),
        last_name: "Doe".into(),
        role,
        is_active: active,
        clerk_id: None,
        created_at: now(),
    }
}

fn service(repo: MockAdminRepository, files: MockFileStore) -> AdminService {
    let mut clock = MockClock::new();
    clock.expect_now().returning(now);
    AdminService::new(Arc::new(repo), Arc::new(files), Arc::new(clock))
}

fn finds(repo: &mut MockAdminRepository, rec: UserRecord) {
    let id = rec.id;
    repo.expect_find_user()
        .with(eq(id))
        .returning(move |_| Ok(Some(rec.clone())));
}

#[tokio::test]
async fn an_admin_cannot_touch_their_own_account_even_to_activate() {
    let mut repo = MockAdminRepository::new();
    repo.expect_find_user().never();
    repo.expect_set_active().never();
    repo.expect_delete_user().never();
    let svc = service(repo, MockFileStore::new());
    let me = Actor::Admin(admin(1));
    assert!(matches!(
        svc.set_active(&me, UserId(1), true).await,
        Err(SetActiveError::OwnAccount)
    ));
    assert!(matches!(
        svc.delete_user(&me, UserId(1)).await,
        Err(DeleteUserError::OwnAccount)
    ));
}

#[tokio::test]
async fn an_admin_cannot_act_on_another_admin_but_the_operator_can() {
    let mut repo = MockAdminRepository::new();
    finds(&mut repo, record(2, Role::Admin, true));
    repo.expect_set_active()
        .withf(|id, active, audit| {
            *id == UserId(2)
                && !*active
                && audit.actor_user_id.is_none()
                && audit.actor_email == "cli"
                && audit.action == AuditAction::UserDeactivate
        })
        .times(1)
        .returning(|_, _, _| Ok(Some(record(2, Role::Admin, false))));
    repo.expect_delete_user().never();
    let svc = service(repo, MockFileStore::new());
    let admin_actor = Actor::Admin(admin(1));
    assert!(matches!(
        svc.set_active(&admin_actor, UserId(2), false).await,
        Err(SetActiveError::TargetIsAdmin)
    ));
    assert!(matches!(
        svc.delete_user(&admin_actor, UserId(2)).await,
        Err(DeleteUserError::TargetIsAdmin)
    ));
    let updated = svc
        .set_active(&Actor::Operator, UserId(2), false)
        .await
        .unwrap();
    assert!(!updated.is_active);
}

#[tokio::test]
async fn deactivation_writes_one_audit_record_with_actor_and_details() {
    let mut repo = MockAdminRepository::new();
    finds(&mut repo, record(5, Role::Candidate, true));
    repo.expect_set_active()
        .withf(|id, active, audit| {
            *id == UserId(5)
                && !*active
                && audit.actor_user_id == Some(UserId(1))
                && audit.actor_email == "admin1@example.com"
                && audit.action == AuditAction::UserDeactivate
                && audit.details
                    == r#"{"is_active":false,"was_active":true,"role":"candidate","via":"api"}"#
                && audit.at == now()
        })
        .times(1)
        .returning(|_, _, _| Ok(Some(record(5, Role::Candidate, false))));
    let svc = service(repo, MockFileStore::new());
    let out = svc
        .set_active(&Actor::Admin(admin(1)), UserId(5), false)
        .await
        .unwrap();
    assert_eq!(out, record(5, Role::Candidate, false));
}

#[tokio::test]
async fn missing_targets_are_not_found_and_nothing_is_written() {
    let mut repo = MockAdminRepository::new();
    repo.expect_find_user().returning(|_| Ok(None));
    repo.expect_set_active().never();
    repo.expect_delete_user().never();
    let svc = service(repo, MockFileStore::new());
    let actor = Actor::Admin(admin(1));
    assert!(matches!(
        svc.set_active(&actor, UserId(9), true).await,
        Err(SetActiveError::NotFound)
    ));
    assert!(matches!(
        svc.delete_user(&actor, UserId(9)).await,
        Err(DeleteUserError::NotFound)
    ));
    assert!(matches!(
        svc.get_user(UserId(9)).await,
        Err(FindUserError::NotFound)
    ));
}

#[tokio::test]
async fn deleting_removes_the_files_after_the_transaction() {
    let mut repo = MockAdminRepository::new();
    finds(&mut repo, record(5, Role::Candidate, true));
    // A candidate's account has no applicants to read or tell.
    repo.expect_applicants_of().never();
    repo.expect_delete_user()
        .withf(|removal, audit| {
            removal.user == UserId(5)
                && removal.notifications.is_empty()
                && audit.action == AuditAction::UserDelete
                && audit.details == r#"{"role":"candidate","via":"api"}"#
        })
        .times(1)
        .returning(|_, _| {
            Ok(Commit::Done(DeletedUser {
                cv_keys: vec!["cv/a.pdf".into(), "BAD KEY".into()],
                image_keys: Vec::new(),
            }))
        });
    let mut files = MockFileStore::new();
    // The malformed key is skipped, never passed to the store.
    files
        .expect_delete()
        .withf(|k| k.as_str() == "cv/a.pdf")
        .times(1)
        .returning(|_| Ok(()));
    let svc = service(repo, files);
    let deleted = svc
        .delete_user(&Actor::Admin(admin(1)), UserId(5))
        .await
        .unwrap();
    assert_eq!(deleted.email, "user5@example.com");
}

#[tokio::test]
async fn a_failed_transaction_removes_no_file() {
    let mut repo = MockAdminRepository::new();
    finds(&mut repo, record(5, Role::Employer, true));
    repo.expect_applicants_of().returning(|_| Ok(Vec::new()));
    repo.expect_delete_user()
        .returning(|_, _| Err(RepoError::Internal("boom".into())));
    let mut files = MockFileStore::new();
    files.expect_delete().never();
    let svc = service(repo, files);
    assert!(matches!(
        svc.delete_user(&Actor::Operator, UserId(5)).await,
        Err(DeleteUserError::Repo(_))
    ));
}

#[tokio::test]
async fn stats_count_signups_of_the_last_seven_days_and_blank_search_is_no_filter() {
    let mut repo = MockAdminRepository::new();
    repo.expect_stats()
        .with(eq(now() - TimeDelta::days(7)))
        .returning(|_| {
            Ok(AdminStats {
                total_users: 0,
                total_candidates: 0,
                total_employers: 0,
                total_companies: 0,
                total_jobs: 0,
                total_applications: 0,
                total_notifications: 0,
                active_users: 0,
                inactive_users: 0,
                jobs_by_status: Vec::new(),
                recent_signups: 0,
            })
        });
    repo.expect_list_users()
        .withf(|f, w| f.search.is_none() && f.role == Some(Role::Employer) && w.limit == 5)
        .returning(|_, _| Ok(Vec::new()));
    repo.expect_find_user_by_email()
        .with(eq("jane@example.com".to_owned()))
        .returning(|_| Ok(Some(record(3, Role::Candidate, true))));
    let svc = service(repo, MockFileStore::new());
    svc.stats().await.unwrap();
    let filter = UserFilter {
        role: Some(Role::Employer),
        is_active: None,
        search: Some("   ".into()),
    };
    svc.list_users(filter, Window { skip: 0, limit: 5 })
        .await
        .unwrap();
    assert_eq!(
        svc.find_by_email(" Jane@Example.com ").await.unwrap().id,
        UserId(3)
    );
}

#[tokio::test]
async fn deleting_an_employer_tells_each_applicant_once_and_decides_again_when_one_arrives() {
    let mut repo = MockAdminRepository::new();
    finds(&mut repo, record(5, Role::Employer, true));
    let mut reads = 0;
    repo.expect_applicants_of()
        .with(eq(UserId(5)))
        .times(2)
        .returning(move |_| {
            reads += 1;
            Ok(if reads == 1 {
                vec![UserId(8)]
            } else {
                vec![UserId(9), UserId(8), UserId(9)]
            })
        });
    let mut commits = 0;
    repo.expect_delete_user()
        .times(2)
        .returning(move |removal, _| {
            commits += 1;
            if commits == 1 {
                // A second candidate applied between the read and the commit.
                return Ok(Commit::Stale);
            }
            assert_eq!(removal.applicants, vec![UserId(8), UserId(9)]);
            let told: Vec<_> = removal.notifications.iter().map(|n| n.user_id).collect();
            assert_eq!(told, vec![UserId(8), UserId(9)]);
            assert!(removal.notifications.iter().all(|n| {
                n.kind == NotificationKind::System
                    && n.title == "Offre retirée"
                    && n.message == JOB_REMOVED_WITH_ACCOUNT_MESSAGE
                    && n.related_job_id.is_none()
                    && n.related_application_id.is_none()
            }));
            Ok(Commit::Done(DeletedUser::default()))
        });
    let svc = service(repo, MockFileStore::new());
    svc.delete_user(&Actor::Operator, UserId(5)).await.unwrap();
}

#[tokio::test]
async fn a_user_gone_before_the_commit_is_not_found() {
    let mut repo = MockAdminRepository::new();
    finds(&mut repo, record(5, Role::Candidate, true));
    repo.expect_delete_user()
        .times(1)
        .returning(|_, _| Ok(Commit::NotFound));
    let mut files = MockFileStore::new();
    files.expect_delete().never();
    let svc = service(repo, files);
    assert!(matches!(
        svc.delete_user(&Actor::Operator, UserId(5)).await,
        Err(DeleteUserError::NotFound)
    ));
}
