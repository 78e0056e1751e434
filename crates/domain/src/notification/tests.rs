use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use mockall::predicate::eq;

use super::*;
use crate::error::RepoError;
use crate::ids::{NotificationId, UserId};
use crate::ports::MockClock;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

fn service(repo: MockNotificationRepository) -> NotificationService {
    let mut clock = MockClock::new();
    clock.expect_now().returning(now);
    NotificationService::new(Arc::new(repo), Arc::new(clock))
}

#[test]
fn kinds_round_trip_and_unknown_ones_are_refused() {
    for kind in NotificationKind::ALL {
        assert_eq!(NotificationKind::parse(kind.as_str()), Some(kind));
    }
    assert_eq!(NotificationKind::parse("NEW_APPLICATION"), None);
    assert_eq!(NotificationKind::parse(""), None);
}

#[tokio::test]
async fn mark_read_passes_the_caller_and_the_clock() {
    let mut repo = MockNotificationRepository::new();
    repo.expect_mark_read()
        .withf(|u, id, at| (*u, *id, *at) == (UserId(1), NotificationId(5), now()))
        .times(1)
        .returning(|_, _, _| Ok(true));
    service(repo)
        .mark_read(UserId(1), NotificationId(5))
        .await
        .unwrap();
}

#[tokio::test]
async fn not_the_callers_is_not_found() {
    let mut repo = MockNotificationRepository::new();
    repo.expect_mark_read().returning(|_, _, _| Ok(false));
    repo.expect_delete().returning(|_, _| Ok(false));
    let s = service(repo);
    let read = s.mark_read(UserId(1), NotificationId(5)).await;
    assert!(matches!(read, Err(NotificationError::NotFound)));
    let deleted = s.delete(UserId(1), NotificationId(5)).await;
    assert!(matches!(deleted, Err(NotificationError::NotFound)));
}

#[tokio::test]
async fn list_mark_all_and_delete_are_scoped_to_the_caller() {
    let mut repo = MockNotificationRepository::new();
    repo.expect_list()
        .with(eq(NotificationQuery {
            user: UserId(2),
            unread_only: true,
            limit: 10,
            offset: 30,
        }))
        .returning(|_| {
            Ok(NotificationPage {
                items: vec![],
                total: 0,
                unread_count: 4,
            })
        });
    repo.expect_mark_all_read()
        .withf(|u, at| (*u, *at) == (UserId(2), now()))
        .returning(|_, _| Ok(4));
    repo.expect_delete()
        .withf(|u, id| (*u, *id) == (UserId(2), NotificationId(8)))
        .returning(|_, _| Ok(true));
    repo.expect_unread_count()
        .withf(|u| *u == UserId(2))
        .returning(|_| Ok(0));
    let s = service(repo);
    assert_eq!(
        s.list(UserId(2), true, 10, 30).await.unwrap().unread_count,
        4
    );
    assert_eq!(s.mark_all_read(UserId(2)).await.unwrap(), 4);
    s.delete(UserId(2), NotificationId(8)).await.unwrap();
    assert_eq!(s.unread_count(UserId(2)).await.unwrap(), 0);
}

#[tokio::test]
async fn storage_failures_pass_through() {
    let mut repo = MockNotificationRepository::new();
    repo.expect_mark_read()
        .returning(|_, _, _| Err(RepoError::Unavailable("down".into())));
    let err = service(repo).mark_read(UserId(1), NotificationId(1)).await;
    assert!(matches!(
        err,
        Err(NotificationError::Repo(RepoError::Unavailable(_)))
    ));
}
