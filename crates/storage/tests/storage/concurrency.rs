//! Races decided by the database: the unique index on `email_norm`, and SQLite writers queueing
//! behind `BEGIN IMMEDIATE` instead of failing with `SQLITE_BUSY`.

use intowork_domain::ports::{AccountRemoval, Commit, CreateUserError, UserRepository};
use intowork_domain::user::Role;
use intowork_storage::DieselUserRepository;
use intowork_testkit::TestDb;

use crate::support::*;

/// The i-th spelling of the same address: letter case taken from the bits of `i`.
fn spelling(i: usize) -> String {
    let local: String = "concurrentuser"
        .chars()
        .enumerate()
        .map(|(bit, ch)| {
            if i >> bit & 1 == 1 {
                ch.to_ascii_uppercase()
            } else {
                ch
            }
        })
        .collect();
    format!("{local}@example.com")
}

async fn hundred_signups_with_one_email_make_one_user(test_db: TestDb) {
    let db = migrated_with(&test_db, 8);
    let repo = DieselUserRepository::new(db.clone());
    let tasks: Vec<_> = (0..100)
        .map(|i| {
            let repo = repo.clone();
            tokio::spawn(async move {
                repo.create_with_profile(new_user(&spelling(i), Role::Candidate))
                    .await
            })
        })
        .collect();
    let (mut ok, mut taken, mut other) = (0, 0, Vec::new());
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => ok += 1,
            Err(CreateUserError::EmailTaken) => taken += 1,
            Err(e) => other.push(e.to_string()),
        }
    }
    assert_eq!((ok, taken), (1, 99), "other errors: {other:?}");
    assert!(other.is_empty(), "{other:?}");
    assert_eq!(count(&db, "users", "").await, 1);
    assert_eq!(count(&db, "candidates", "").await, 1);
}

/// Deletions read before they write; with deferred transactions concurrent SQLite writers would
/// fail with SQLITE_BUSY on the lock upgrade. Mixed with sign-ups, every call must succeed.
async fn concurrent_deletes_and_signups_all_succeed(test_db: TestDb) {
    let db = migrated_with(&test_db, 8);
    let repo = DieselUserRepository::new(db.clone());
    let mut ids = Vec::new();
    for i in 0..20 {
        let user = repo
            .create_with_profile(new_user(&format!("emp{i}@example.com"), Role::Employer))
            .await
            .unwrap();
        let cand = repo
            .create_with_profile(new_user(&format!("cand{i}@example.com"), Role::Candidate))
            .await
            .unwrap();
        let (eu, cu) = (user.id.get(), cand.id.get());
        with_conn(&db, move |c| {
            let eid = employer_id(c, eu)?;
            let kid = candidate_id(c, cu)?;
            let company = company_for(c, eid, "Acme")?;
            let job = job(c, eid, company, "Offre")?;
            application(c, job, kid, None)?;
            Ok(())
        })
        .await;
        ids.push(user.id);
    }
    let mut tasks = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        let r = repo.clone();
        tasks.push(tokio::spawn(async move {
            let applicants = r.applicants_of(id).await.map_err(|e| e.to_string())?;
            r.delete_account(AccountRemoval::decide(id, &applicants, at(100)))
                .await
                .map(|d| matches!(d, Commit::Done(_)))
                .map_err(|e| e.to_string())
        }));
        let r = repo.clone();
        tasks.push(tokio::spawn(async move {
            r.create_with_profile(new_user(&format!("new{i}@example.com"), Role::Candidate))
                .await
                .map(|_| true)
                .map_err(|e| e.to_string())
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), Ok(true));
    }
    assert_eq!(count(&db, "employers", "").await, 0);
    assert_eq!(count(&db, "users", "").await, 40);
    assert_eq!(count(&db, "notifications", "type = 'system'").await, 20);
}

intowork_testkit::test_both_backends!(
    hundred_signups_with_one_email_make_one_user,
    concurrent_deletes_and_signups_all_succeed,
);
