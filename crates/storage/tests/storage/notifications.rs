//! `DieselNotificationRepository` against the `NotificationRepository` contract: every call scoped
//! to the caller, newest first with a stable tie-breaker, counts, and the first `read_at` kept.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::notification::{NotificationKind, NotificationQuery, NotificationRepository};
use intowork_domain::ports::UserRepository;
use intowork_domain::user::Role;
use intowork_domain::{ApplicationId, JobId, NotificationId, UserId};
use intowork_storage::schema::notifications;
use intowork_storage::{Database, DbConn, DieselNotificationRepository, DieselUserRepository};
use intowork_testkit::TestDb;

use crate::support::*;

fn insert(
    conn: &mut DbConn,
    user: i64,
    kind: &str,
    created: NaiveDateTime,
    read_at: Option<NaiveDateTime>,
) -> QueryResult<i64> {
    diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(user),
            notifications::kind.eq(kind),
            notifications::title.eq(format!("{kind} title")),
            notifications::message.eq("message"),
            notifications::is_read.eq(read_at.is_some()),
            notifications::read_at.eq(read_at),
            notifications::created_at.eq(created),
        ))
        .returning(notifications::id)
        .get_result(conn)
}

async fn user(db: &Database, email: &str) -> UserId {
    DieselUserRepository::new(db.clone())
        .create_with_profile(new_user(email, Role::Candidate))
        .await
        .unwrap()
        .id
}

/// Alice gets four notifications (two created at the same instant, one already read), Bob one.
async fn seed(db: &Database) -> (UserId, UserId, Vec<NotificationId>) {
    let (alice, bob) = (
        user(db, "alice@example.com").await,
        user(db, "bob@example.com").await,
    );
    let (a, b) = (alice.get(), bob.get());
    let ids = with_conn(db, move |c| {
        let t = |s| at(s).naive_utc();
        Ok(vec![
            insert(c, a, "new_application", t(10), None)?,
            insert(c, a, "status_change", t(20), None)?,
            insert(c, a, "system", t(20), None)?,
            insert(c, a, "message", t(5), Some(t(6)))?,
            insert(c, b, "new_job", t(30), None)?,
        ])
    })
    .await;
    (alice, bob, ids.into_iter().map(NotificationId).collect())
}

async fn list_is_scoped_ordered_and_counted(test_db: TestDb) {
    let db = migrated(&test_db);
    let (alice, bob, n) = seed(&db).await;
    let repo = DieselNotificationRepository::new(db.clone());
    let ids = |p: &intowork_domain::notification::NotificationPage| {
        p.items.iter().map(|i| i.id).collect::<Vec<_>>()
    };

    let all = repo
        .list(notifications_of(alice, false, 20, 0))
        .await
        .unwrap();
    // created_at DESC, then id DESC for the two created at the same instant.
    assert_eq!(ids(&all), vec![n[2], n[1], n[0], n[3]]);
    assert_eq!((all.total, all.unread_count), (4, 3));
    let read = &all.items[3];
    assert_eq!(read.kind, NotificationKind::Message);
    assert!(read.is_read);
    assert_eq!(read.read_at, Some(at(6)));
    assert_eq!(read.created_at, at(5));
    assert_eq!(all.items[0].kind, NotificationKind::System);
    assert_eq!(all.items[0].title, "system title");

    let unread = repo
        .list(notifications_of(alice, true, 20, 0))
        .await
        .unwrap();
    assert_eq!(ids(&unread), vec![n[2], n[1], n[0]]);
    assert_eq!((unread.total, unread.unread_count), (3, 3));

    let window = repo
        .list(notifications_of(alice, false, 2, 1))
        .await
        .unwrap();
    assert_eq!(ids(&window), vec![n[1], n[0]]);
    assert_eq!((window.total, window.unread_count), (4, 3));
    let past_end = repo
        .list(notifications_of(alice, false, 20, 10))
        .await
        .unwrap();
    assert!(past_end.items.is_empty());
    assert_eq!(past_end.total, 4);

    let theirs = repo
        .list(notifications_of(bob, false, 20, 0))
        .await
        .unwrap();
    assert_eq!(ids(&theirs), vec![n[4]]);
    assert_eq!((theirs.total, theirs.unread_count), (1, 1));
    let nobody = repo
        .list(notifications_of(UserId(9999), false, 20, 0))
        .await
        .unwrap();
    assert_eq!(
        (nobody.items.len(), nobody.total, nobody.unread_count),
        (0, 0, 0)
    );

    assert_eq!(repo.unread_count(alice).await.unwrap(), 3);
    assert_eq!(repo.unread_count(bob).await.unwrap(), 1);
}

async fn mark_read_keeps_the_first_read_at(test_db: TestDb) {
    let db = migrated(&test_db);
    let (alice, bob, n) = seed(&db).await;
    let repo = DieselNotificationRepository::new(db.clone());

    // Someone else's notification: refused, and left unread.
    assert!(!repo.mark_read(bob, n[0], at(100)).await.unwrap());
    assert_eq!(repo.unread_count(alice).await.unwrap(), 3);
    assert!(
        !repo
            .mark_read(alice, NotificationId(9999), at(100))
            .await
            .unwrap()
    );

    assert!(repo.mark_read(alice, n[0], at(100)).await.unwrap());
    assert!(repo.mark_read(alice, n[0], at(200)).await.unwrap());
    // Already read before this test: its read_at stays too.
    assert!(repo.mark_read(alice, n[3], at(200)).await.unwrap());
    let page = repo
        .list(notifications_of(alice, false, 20, 0))
        .await
        .unwrap();
    let find = |id| page.items.iter().find(|i| i.id == id).unwrap();
    assert!(find(n[0]).is_read);
    assert_eq!(find(n[0]).read_at, Some(at(100)));
    assert_eq!(find(n[3]).read_at, Some(at(6)));
    assert_eq!(page.unread_count, 2);
}

async fn mark_all_read_and_delete_are_scoped(test_db: TestDb) {
    let db = migrated(&test_db);
    let (alice, bob, n) = seed(&db).await;
    let repo = DieselNotificationRepository::new(db.clone());
    assert!(repo.mark_read(alice, n[0], at(100)).await.unwrap());

    // Only the two still unread change; Bob's stays unread.
    assert_eq!(repo.mark_all_read(alice, at(300)).await.unwrap(), 2);
    assert_eq!(repo.mark_all_read(alice, at(400)).await.unwrap(), 0);
    let page = repo
        .list(notifications_of(alice, false, 20, 0))
        .await
        .unwrap();
    let read_at: Vec<_> = page.items.iter().map(|i| (i.id, i.read_at)).collect();
    assert_eq!(
        read_at,
        vec![
            (n[2], Some(at(300))),
            (n[1], Some(at(300))),
            (n[0], Some(at(100))),
            (n[3], Some(at(6))),
        ]
    );
    assert_eq!(page.unread_count, 0);
    assert_eq!(repo.unread_count(bob).await.unwrap(), 1);

    assert!(!repo.delete(bob, n[0]).await.unwrap());
    assert!(repo.delete(alice, n[0]).await.unwrap());
    assert!(!repo.delete(alice, n[0]).await.unwrap());
    assert_eq!(
        repo.list(notifications_of(alice, false, 20, 0))
            .await
            .unwrap()
            .total,
        3
    );
    assert_eq!(count(&db, "notifications", "").await, 4);
}

async fn related_ids_round_trip(test_db: TestDb) {
    let db = migrated(&test_db);
    let r = crate::job_fixtures::Repos::new(db.clone());
    let e = r.employer("boss@acme.fr", "Acme").await;
    let job = r.job(e, crate::job_fixtures::fields("Dev")).await;
    let (cand_user, cand) = r.candidate("c@example.com").await;
    let app = r.apply(job.job.id.get(), cand).await;
    let (uid, jid) = (cand_user.get(), job.job.id.get());
    with_conn(&db, move |c| notification(c, uid, Some(jid), Some(app))).await;
    let repo = DieselNotificationRepository::new(db.clone());
    let page = repo
        .list(notifications_of(cand_user, false, 20, 0))
        .await
        .unwrap();
    assert_eq!(page.items[0].related_job_id, Some(JobId(jid)));
    assert_eq!(
        page.items[0].related_application_id,
        Some(ApplicationId(app))
    );
    assert_eq!(page.items[0].kind, NotificationKind::NewApplication);
}

intowork_testkit::test_both_backends!(
    list_is_scoped_ordered_and_counted,
    mark_read_keeps_the_first_read_at,
    mark_all_read_and_delete_are_scoped,
    related_ids_round_trip,
);

fn notifications_of(user: UserId, unread_only: bool, limit: i64, offset: i64) -> NotificationQuery {
    NotificationQuery {
        user,
        unread_only,
        limit,
        offset,
    }
}
