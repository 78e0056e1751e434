//! `DieselResetTokenRepository` against the `ResetTokenRepository` contract.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use intowork_domain::UserId;
use intowork_domain::mail::{MailKind, OutgoingMail};
use intowork_domain::ports::{PasswordHashChange, UserRepository};
use intowork_domain::recovery::{IssuedResetToken, ResetTokenRepository};
use intowork_domain::user::{Email, Role};
use intowork_storage::schema::users;
use intowork_storage::{DieselResetTokenRepository, DieselUserRepository, Outbox};
use intowork_testkit::TestDb;

use crate::support::*;

async fn a_token_works_once_before_it_expires(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselResetTokenRepository::new(db.clone(), Outbox::new("intowork.test"));
    let users_repo = DieselUserRepository::new(db.clone());
    let user = users_repo
        .create_with_profile(new_user("jane@example.com", Role::Candidate))
        .await
        .unwrap();
    let expires = at(10) + TimeDelta::hours(1);
    repo.replace_unless_recent(
        issued(user.id, "h1", expires, at(10)),
        any_age(),
        reset_mail(),
    )
    .await
    .unwrap();
    // A newer request replaces the older link.
    repo.replace_unless_recent(
        issued(user.id, "h2", expires, at(20)),
        any_age(),
        reset_mail(),
    )
    .await
    .unwrap();
    assert_eq!(count(&db, "password_reset_tokens", "").await, 1);
    assert!(!repo.is_usable("h1".into(), at(30)).await.unwrap());
    assert!(repo.is_usable("h2".into(), at(30)).await.unwrap());
    assert!(
        !repo.is_usable("h2".into(), expires).await.unwrap(),
        "expired"
    );
    assert!(!repo.is_usable("nope".into(), at(30)).await.unwrap());
    assert_eq!(
        repo.consume("h2".into(), "new-hash".into(), expires)
            .await
            .unwrap(),
        None,
        "an expired token is refused"
    );

    let updated = repo
        .consume("h2".into(), "new-hash".into(), at(40))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(updated.id, user.id);
    assert_eq!(updated.password_hash.as_deref(), Some("new-hash"));
    assert_eq!(updated.token_version, user.token_version + 1);
    assert_eq!(updated.updated_at, at(40));
    assert_eq!(
        count(&db, "password_reset_tokens", "used_at IS NOT NULL").await,
        1
    );
    // Single use.
    assert!(!repo.is_usable("h2".into(), at(41)).await.unwrap());
    assert_eq!(
        repo.consume("h2".into(), "other".into(), at(42))
            .await
            .unwrap(),
        None
    );
    let stored = users_repo.find_by_id(user.id).await.unwrap().unwrap();
    assert_eq!(stored.password_hash.as_deref(), Some("new-hash"));
}

async fn an_inactive_account_cannot_use_its_token(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselResetTokenRepository::new(db.clone(), Outbox::new("intowork.test"));
    let user = DieselUserRepository::new(db.clone())
        .create_with_profile(new_user("off@example.com", Role::Employer))
        .await
        .unwrap();
    repo.replace_unless_recent(
        issued(user.id, "h", at(10) + TimeDelta::hours(1), at(10)),
        any_age(),
        reset_mail(),
    )
    .await
    .unwrap();
    let id = user.id.get();
    with_conn(&db, move |c| {
        diesel::update(users::table.find(id))
            .set(users::is_active.eq(false))
            .execute(c)
    })
    .await;
    assert!(!repo.is_usable("h".into(), at(20)).await.unwrap());
    assert_eq!(
        repo.consume("h".into(), "x".into(), at(20)).await.unwrap(),
        None
    );
    assert_eq!(
        count(&db, "password_reset_tokens", "used_at IS NULL").await,
        1
    );
}

async fn racing_resets_with_one_token_succeed_once(test_db: TestDb) {
    let db = migrated_with(&test_db, 8);
    let repo = DieselResetTokenRepository::new(db.clone(), Outbox::new("intowork.test"));
    let user = DieselUserRepository::new(db.clone())
        .create_with_profile(new_user("race@example.com", Role::Candidate))
        .await
        .unwrap();
    repo.replace_unless_recent(
        issued(user.id, "h", at(10) + TimeDelta::hours(1), at(10)),
        any_age(),
        reset_mail(),
    )
    .await
    .unwrap();
    let attempts = (0..6).map(|i| {
        let repo = repo.clone();
        tokio::spawn(async move { repo.consume("h".into(), format!("hash-{i}"), at(20)).await })
    });
    let results = futures_util::future::join_all(attempts).await;
    let won = results
        .into_iter()
        .map(|r| r.unwrap().unwrap())
        .filter(Option::is_some)
        .count();
    assert_eq!(won, 1);
    assert_eq!(
        count(&db, "users", "token_version = 1").await,
        1,
        "the version moved exactly once"
    );
}

intowork_testkit::test_both_backends!(
    a_token_works_once_before_it_expires,
    an_inactive_account_cannot_use_its_token,
    racing_resets_with_one_token_succeed_once,
    a_new_password_or_email_deletes_the_reset_links,
    a_recent_usable_link_is_kept,
);

/// A reset link dies with a new password and with a new address, in the same transaction; the
/// sign-in rehash of the same password keeps it.
async fn a_new_password_or_email_deletes_the_reset_links(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselResetTokenRepository::new(db.clone(), Outbox::new("intowork.test"));
    let users_repo = DieselUserRepository::new(db.clone());
    let user = users_repo
        .create_with_profile(new_user("jane@example.com", Role::Candidate))
        .await
        .unwrap();
    let expires = at(10) + TimeDelta::hours(1);
    let link = |hash: &'static str| issued(user.id, hash, expires, at(10));

    repo.replace_unless_recent(link("h1"), any_age(), reset_mail())
        .await
        .unwrap();
    users_repo
        .set_password_hash(user.id, "rehash".into(), PasswordHashChange::Rehash, at(11))
        .await
        .unwrap();
    assert!(repo.is_usable("h1".into(), at(12)).await.unwrap(), "rehash");
    users_repo
        .set_password_hash(
            user.id,
            "new".into(),
            PasswordHashChange::NewPassword,
            at(13),
        )
        .await
        .unwrap();
    assert!(
        !repo.is_usable("h1".into(), at(14)).await.unwrap(),
        "new password"
    );

    repo.replace_unless_recent(link("h2"), any_age(), reset_mail())
        .await
        .unwrap();
    let moved = Email::parse("moved@example.com").unwrap();
    users_repo
        .update_email(user.id, moved, at(15))
        .await
        .unwrap();
    assert!(
        !repo.is_usable("h2".into(), at(16)).await.unwrap(),
        "new email"
    );
    assert_eq!(count(&db, "password_reset_tokens", "").await, 0);
}

/// A cutoff after every link these tests issue: no link counts as recent, so the replacement is
/// unconditional.
fn any_age() -> DateTime<Utc> {
    at(1_000_000)
}

/// A link younger than the cutoff is kept and nothing is written; an older one, or a used one,
/// is replaced.
async fn a_recent_usable_link_is_kept(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselResetTokenRepository::new(db.clone(), Outbox::new("intowork.test"));
    let user = DieselUserRepository::new(db.clone())
        .create_with_profile(new_user("recent@example.com", Role::Candidate))
        .await
        .unwrap();
    let link = |hash: &str, issued_at: i64| {
        issued(
            user.id,
            hash,
            at(issued_at) + TimeDelta::hours(1),
            at(issued_at),
        )
    };
    assert!(
        repo.replace_unless_recent(link("h1", 100), at(40), reset_mail())
            .await
            .unwrap()
    );
    // 30 s later, with a 60 s interval: kept.
    assert!(
        !repo
            .replace_unless_recent(link("h2", 130), at(70), reset_mail())
            .await
            .unwrap()
    );
    assert!(repo.is_usable("h1".into(), at(131)).await.unwrap());
    assert!(!repo.is_usable("h2".into(), at(131)).await.unwrap());
    // At exactly the interval: replaced.
    assert!(
        repo.replace_unless_recent(link("h3", 160), at(100), reset_mail())
            .await
            .unwrap()
    );
    assert!(!repo.is_usable("h1".into(), at(161)).await.unwrap());
    // A used link, however young, does not hold a new one back.
    repo.consume("h3".into(), "hash".into(), at(165))
        .await
        .unwrap()
        .unwrap();
    assert!(
        repo.replace_unless_recent(link("h4", 170), at(110), reset_mail())
            .await
            .unwrap()
    );
    assert_eq!(count(&db, "password_reset_tokens", "").await, 1);
    // One mail per stored link, none for the kept one.
    assert_eq!(
        count(&db, "mail_outbox", "kind = 'password_reset'").await,
        3
    );
}

fn reset_mail() -> OutgoingMail {
    OutgoingMail::text(
        MailKind::PASSWORD_RESET,
        "jane@example.com",
        "Réinitialisation",
        "https://front.test/reset-password?token=t",
    )
}

fn issued(
    user: UserId,
    token_hash: &str,
    expires_at: DateTime<Utc>,
    issued_at: DateTime<Utc>,
) -> IssuedResetToken {
    IssuedResetToken {
        user,
        token_hash: token_hash.to_owned(),
        issued_at,
        expires_at,
    }
}
