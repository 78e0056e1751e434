//! The mail outbox against the `MailOutbox` contract: queued only with its transaction, claims
//! with leases, outcomes only under the caller's claim, bodies gone once done, and a list that
//! never reads them.

use chrono::TimeDelta;
use diesel::prelude::*;
use intowork_domain::job::Paging;
use intowork_domain::mail::{
    AttemptOutcome, MailHeader, MailKind, MailOutbox, MailStatus, OutboxId, OutgoingMail,
};
use intowork_storage::schema::mail_outbox as outbox;
use intowork_storage::{Database, DieselMailOutbox, Outbox, write_tx};
use intowork_testkit::TestDb;

use crate::support::*;

pub(crate) fn mail(to: &str) -> OutgoingMail {
    OutgoingMail::text(
        MailKind::PASSWORD_RESET,
        to,
        "Réinitialisation",
        "Bonjour, https://front.test/reset-password?token=SECRET",
    )
}

pub(crate) fn repo(db: &Database) -> DieselMailOutbox {
    DieselMailOutbox::new(db.clone(), Outbox::new("intowork.test"))
}

/// `(status, text_body, html_body, headers)` of one row.
async fn stored(db: &Database, id: i64) -> (String, String, Option<String>, Option<String>) {
    with_conn(db, move |c| {
        outbox::table
            .find(id)
            .select((
                outbox::status,
                outbox::text_body,
                outbox::html_body,
                outbox::headers,
            ))
            .first(c)
    })
    .await
}

async fn a_mail_is_queued_only_with_its_transaction(test_db: TestDb) {
    let db = migrated(&test_db);
    let queue = Outbox::new("IntoWork.test");
    let q = queue.clone();
    let rolled_back = db
        .run(move |c| {
            write_tx(c, |c| {
                q.enqueue(c, &mail("a@example.com"), at(0))?;
                Err::<(), _>(diesel::result::Error::RollbackTransaction)
            })
            .map_err(|e| intowork_domain::RepoError::Internal(e.to_string()))
        })
        .await;
    assert!(rolled_back.is_err());
    assert_eq!(count(&db, "mail_outbox", "").await, 0);

    let q = queue.clone();
    let id = with_conn(&db, move |c| {
        write_tx(c, |c| q.enqueue(c, &mail("a@example.com"), at(0)))
    })
    .await;
    let text = id.as_str();
    assert!(
        text.starts_with('<') && text.ends_with("@IntoWork.test>"),
        "{text}"
    );
    assert_eq!(text.len(), "<@IntoWork.test>".len() + 32, "{text}");
    assert_eq!(
        count(
            &db,
            "mail_outbox",
            "status = 'queued' AND attempts = 0 AND kind = 'password_reset' \
             AND locked_until IS NULL AND sent_at IS NULL"
        )
        .await,
        1
    );
    // A domain that cannot be used in a Message-ID falls back to localhost.
    let q = Outbox::new("no domain here");
    let id = with_conn(&db, move |c| q.enqueue(c, &mail("b@example.com"), at(0))).await;
    assert!(id.as_str().ends_with("@localhost>"), "{id}");
}

async fn claims_lease_mails_and_outcomes_need_the_current_claim(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = repo(&db);
    let full = mail("one@example.com")
        .with_html("<p>SECRET</p>")
        .with_header(MailHeader::new("List-Unsubscribe", "<https://api.test/u?t=x>").unwrap());
    let first = repo.enqueue(full.clone(), at(0)).await.unwrap();
    repo.enqueue(mail("two@example.com"), at(1)).await.unwrap();
    repo.enqueue(mail("three@example.com"), at(2))
        .await
        .unwrap();
    repo.enqueue(mail("later@example.com"), at(100))
        .await
        .unwrap();
    let lease = at(10) + TimeDelta::minutes(5);

    // The longest due first, at most `limit`, one attempt counted, everything needed to send.
    let batch = repo.claim_due(at(10), lease, 2).await.unwrap();
    assert_eq!(batch.len(), 2);
    assert_eq!(batch[0].message_id, first);
    assert_eq!(batch[0].mail, full);
    assert_eq!((batch[0].attempts, batch[0].lease), (1, lease));
    assert_eq!(batch[1].mail.to, "two@example.com");
    // Claimed mails are not due again while the lease runs; the not-yet-due one waits.
    let rest = repo.claim_due(at(10), lease, 10).await.unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].mail.to, "three@example.com");
    assert!(repo.claim_due(at(20), lease, 10).await.unwrap().is_empty());

    // Sent: recorded once, under the current claim only; the body is gone.
    let (one, two, three) = (batch[0].id, batch[1].id, rest[0].id);
    assert!(
        !repo
            .finish(one, at(11), AttemptOutcome::Sent, at(30))
            .await
            .unwrap()
    );
    assert!(
        repo.finish(one, lease, AttemptOutcome::Sent, at(30))
            .await
            .unwrap()
    );
    assert!(
        !repo
            .finish(one, lease, AttemptOutcome::Sent, at(31))
            .await
            .unwrap()
    );
    assert_eq!(
        stored(&db, one.0).await,
        ("sent".into(), String::new(), None, None)
    );

    // Retry: queued again at the given time, with the error.
    let retry = AttemptOutcome::Retry {
        at: at(300),
        error: "connection refused".into(),
    };
    assert!(repo.finish(three, lease, retry, at(30)).await.unwrap());
    assert_eq!(stored(&db, three.0).await.0, "queued");

    // A claim that ran out (its instance died) is taken over; the old claim can no longer record.
    let later = at(10) + TimeDelta::minutes(6);
    let again = repo
        .claim_due(later, later + TimeDelta::minutes(5), 10)
        .await
        .unwrap();
    let ids: Vec<OutboxId> = again.iter().map(|c| c.id).collect();
    let tos: Vec<&str> = again.iter().map(|c| c.mail.to.as_str()).collect();
    assert_eq!(
        tos,
        ["two@example.com", "three@example.com", "later@example.com"]
    );
    assert!(ids.contains(&two));
    assert_eq!(again[0].attempts, 2, "the lost attempt counts");
    assert!(
        !repo
            .finish(two, lease, AttemptOutcome::Sent, later)
            .await
            .unwrap()
    );
    let failed = AttemptOutcome::Failed {
        error: "invalid: recipient".into(),
    };
    assert!(
        repo.finish(two, again[0].lease, failed, later)
            .await
            .unwrap()
    );
    assert_eq!(
        stored(&db, two.0).await,
        ("failed".into(), String::new(), None, None)
    );
}

async fn the_admin_list_pages_filters_and_reads_no_body(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = repo(&db);
    for i in 0..5 {
        repo.enqueue(mail(&format!("u{i}@example.com")), at(i))
            .await
            .unwrap();
    }
    let lease = at(10) + TimeDelta::minutes(5);
    let claimed = repo.claim_due(at(10), lease, 2).await.unwrap();
    let retry = AttemptOutcome::Retry {
        at: at(100),
        error: "421 try later".into(),
    };
    repo.finish(claimed[0].id, lease, AttemptOutcome::Sent, at(11))
        .await
        .unwrap();
    repo.finish(claimed[1].id, lease, retry, at(11))
        .await
        .unwrap();

    let page = |status, page, limit| repo.list(status, Paging { page, limit });
    let all = page(None, 1, 2).await.unwrap();
    assert_eq!(all.total, 5);
    let tos: Vec<&str> = all.items.iter().map(|e| e.to.as_str()).collect();
    assert_eq!(tos, ["u4@example.com", "u3@example.com"], "newest first");
    let second = page(None, 3, 2).await.unwrap();
    assert_eq!(second.items.len(), 1);
    let sent = page(Some(MailStatus::Sent), 1, 10).await.unwrap();
    assert_eq!((sent.total, sent.items.len()), (1, 1));
    let entry = &sent.items[0];
    assert_eq!((entry.status, entry.attempts), (MailStatus::Sent, 1));
    assert_eq!(entry.sent_at, Some(at(11)));
    assert_eq!(entry.kind, MailKind::PASSWORD_RESET);
    let queued = page(Some(MailStatus::Queued), 1, 10).await.unwrap();
    assert_eq!(queued.total, 4);
    let retried = queued.items.iter().find(|e| e.attempts == 1).unwrap();
    assert_eq!(retried.last_error.as_deref(), Some("421 try later"));
    assert_eq!(retried.next_attempt_at, at(100));
    assert!(
        page(Some(MailStatus::Failed), 1, 10)
            .await
            .unwrap()
            .items
            .is_empty()
    );

    // Two statements, however many rows.
    let before = db.statement_count();
    page(None, 1, 5).await.unwrap();
    let small = db.statement_count() - before;
    for i in 0..30 {
        repo.enqueue(mail(&format!("v{i}@example.com")), at(20))
            .await
            .unwrap();
    }
    let before = db.statement_count();
    assert_eq!(page(None, 1, 35).await.unwrap().items.len(), 35);
    assert_eq!(db.statement_count() - before, small);
    assert!(small <= 3, "{small}");
}

intowork_testkit::test_both_backends!(
    a_mail_is_queued_only_with_its_transaction,
    claims_lease_mails_and_outcomes_need_the_current_claim,
    the_admin_list_pages_filters_and_reads_no_body,
);
