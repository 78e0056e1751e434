//! `DieselJobAlertRepository` against its port: scoping to the owner, criteria round-trips,
//! matching with the public search's folding, due alerts, and deliveries written with their mail
//! once (a stale or repeated delivery writes nothing).

use intowork_domain::UserId;
use intowork_domain::job::{JobType, LocationType};
use intowork_domain::job_alert::{
    AlertChanges, AlertCriteria, AlertDelivery, DueQuery, Frequency, JobAlertId,
    JobAlertRepository, NewJobAlert,
};
use intowork_domain::mail::{MailHeader, MailKind, OutgoingMail};
use intowork_storage::{DieselJobAlertRepository, Outbox};
use intowork_testkit::TestDb;

use crate::job_fixtures::{Repos, fields};
use crate::support::*;

fn new_alert(owner: UserId, criteria: AlertCriteria, frequency: Frequency) -> NewJobAlert {
    NewJobAlert {
        owner,
        name: "Dev".into(),
        criteria,
        frequency,
        now: at(5),
    }
}

fn dev_criteria() -> AlertCriteria {
    AlertCriteria {
        keywords: vec!["DÉVELOPPEUR".into(), "inexistant".into()],
        location: Some("dakar".into()),
        job_types: vec![JobType::FullTime],
        location_types: vec![LocationType::OnSite, LocationType::Remote],
        salary_min: Some(100),
        salary_max: None,
    }
}

async fn crud_is_scoped_to_the_owner(test_db: TestDb) {
    let db = migrated(&test_db);
    let r = Repos::new(db.clone());
    let (alice, _) = r.candidate("alice@example.com").await;
    let (bob, _) = r.candidate("bob@example.com").await;
    let repo = DieselJobAlertRepository::new(db.clone(), Outbox::new("intowork.test"));
    let a = repo
        .create(new_alert(alice, dev_criteria(), Frequency::Instant))
        .await
        .unwrap();
    assert_eq!(a.criteria, dev_criteria());
    assert_eq!(
        (a.frequency, a.is_active, a.jobs_sent_count),
        (Frequency::Instant, true, 0)
    );
    repo.create(new_alert(
        alice,
        AlertCriteria::default(),
        Frequency::Weekly,
    ))
    .await
    .unwrap();

    assert_eq!(repo.list(alice, None).await.unwrap().len(), 2);
    assert!(repo.list(bob, None).await.unwrap().is_empty());
    assert!(repo.get(bob, a.id).await.unwrap().is_none());
    assert!(
        repo.update(bob, a.id, AlertChanges::default(), at(6))
            .await
            .unwrap()
            .is_none()
    );
    assert!(repo.toggle(bob, a.id, at(6)).await.unwrap().is_none());
    assert!(!repo.delete(bob, a.id).await.unwrap());

    let changed = repo
        .update(
            alice,
            a.id,
            AlertChanges {
                frequency: Some(Frequency::Daily),
                name: Some("Renamed".into()),
                ..Default::default()
            },
            at(7),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (changed.name.as_str(), changed.frequency),
        ("Renamed", Frequency::Daily)
    );
    assert_eq!(changed.criteria, dev_criteria());
    assert_eq!(changed.updated_at, at(7));
    let off = repo.toggle(alice, a.id, at(8)).await.unwrap().unwrap();
    assert!(!off.is_active);
    assert_eq!(repo.list(alice, Some(false)).await.unwrap().len(), 1);
    let stats = repo.stats(alice).await.unwrap();
    assert_eq!(
        (
            stats.total_alerts,
            stats.active_alerts,
            stats.total_jobs_sent
        ),
        (2, 1, 0)
    );
    assert!(repo.delete(alice, a.id).await.unwrap());
    assert!(repo.get(alice, a.id).await.unwrap().is_none());
}

fn mail(to: &str) -> OutgoingMail {
    OutgoingMail::text(MailKind::JOB_ALERT, to, "Nouvelle offre", "texte")
        .with_header(MailHeader::new("List-Unsubscribe", "<http://api.test/u>").unwrap())
}

async fn deliveries_are_written_once_with_their_mail(test_db: TestDb) {
    let db = migrated(&test_db);
    let r = Repos::new(db.clone());
    let e = r.employer("boss@acme.sn", "Acme").await;
    let mut dev = fields("Développeur Rust senior");
    dev.location = Some("Dakar, Sénégal".into());
    dev.salary_max = Some(500);
    let mut other = fields("Comptable");
    other.location = Some("Dakar".into());
    let mut part_time = fields("Développeur PHP");
    part_time.location = Some("Dakar".into());
    part_time.job_type = JobType::PartTime;
    let dev = r.job(e, dev).await.job.id;
    r.job(e, other).await;
    r.job(e, part_time).await;
    let (alice, _) = r.candidate("alice@example.com").await;
    let repo = DieselJobAlertRepository::new(db.clone(), Outbox::new("intowork.test"));
    let a = repo
        .create(new_alert(alice, dev_criteria(), Frequency::Instant))
        .await
        .unwrap();

    // Accent- and case-insensitive keywords, any of which matches; the other criteria all apply.
    let matching = repo.matching_jobs(dev_criteria(), 10).await.unwrap();
    assert_eq!(matching.iter().map(|j| j.id).collect::<Vec<_>>(), [dev]);
    assert_eq!(matching[0].company_name, "Acme");
    assert_eq!(
        repo.matching_jobs(AlertCriteria::default(), 10)
            .await
            .unwrap()
            .len(),
        3
    );

    let due = repo
        .due(DueQuery {
            daily_sent_before: at(0),
            weekly_sent_before: at(0),
            after: None,
            limit: 10,
        })
        .await
        .unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].email, "alice@example.com");
    // Jobs posted at 10: a window from 11 finds nothing.
    assert!(
        repo.unsent_jobs(a.id, dev_criteria(), at(11), 20)
            .await
            .unwrap()
            .is_empty()
    );
    let unsent = repo
        .unsent_jobs(a.id, dev_criteria(), at(5), 20)
        .await
        .unwrap();
    assert_eq!(unsent.len(), 1);

    let delivery = AlertDelivery {
        alert: a.id,
        expected_sent_count: 0,
        jobs: vec![dev],
        mail: mail("alice@example.com"),
        now: at(20),
    };
    assert!(repo.record_delivery(delivery.clone()).await.unwrap());
    let after = repo.get(alice, a.id).await.unwrap().unwrap();
    assert_eq!(
        (after.jobs_sent_count, after.last_sent_at),
        (1, Some(at(20)))
    );
    assert_eq!(after.last_matching_job_id, Some(dev));
    assert_eq!(count(&db, "mail_outbox", "kind = 'job_alert'").await, 1);
    assert_eq!(count(&db, "job_alert_sent_jobs", "1 = 1").await, 1);
    // Sent: never found again.
    assert!(
        repo.unsent_jobs(a.id, dev_criteria(), at(5), 20)
            .await
            .unwrap()
            .is_empty()
    );

    // A second delivery read before the first (stale count) writes nothing, mail included.
    assert!(!repo.record_delivery(delivery.clone()).await.unwrap());
    // The same job again with a fresh count: the sent-job key refuses it, and nothing is written.
    let again = AlertDelivery {
        expected_sent_count: 1,
        ..delivery
    };
    assert!(!repo.record_delivery(again).await.unwrap());
    assert_eq!(count(&db, "mail_outbox", "kind = 'job_alert'").await, 1);
    assert_eq!(
        repo.get(alice, a.id)
            .await
            .unwrap()
            .unwrap()
            .jobs_sent_count,
        1
    );

    // Unsubscribed: off, and no longer due.
    assert!(repo.deactivate(a.id, at(30)).await.unwrap());
    assert!(
        !repo
            .deactivate(JobAlertId(a.id.get() + 1000), at(30))
            .await
            .unwrap()
    );
    let due = repo
        .due(DueQuery {
            daily_sent_before: at(0),
            weekly_sent_before: at(0),
            after: None,
            limit: 10,
        })
        .await
        .unwrap();
    assert!(due.is_empty());
}

async fn daily_alerts_are_due_once_their_day_has_passed(test_db: TestDb) {
    let db = migrated(&test_db);
    let r = Repos::new(db.clone());
    let e = r.employer("boss@acme.sn", "Acme").await;
    let job = r.job(e, fields("Dev")).await.job.id;
    let (alice, _) = r.candidate("alice@example.com").await;
    let repo = DieselJobAlertRepository::new(db.clone(), Outbox::new("intowork.test"));
    let daily = repo
        .create(new_alert(alice, AlertCriteria::default(), Frequency::Daily))
        .await
        .unwrap();
    let q = |before: i64| DueQuery {
        daily_sent_before: at(before),
        weekly_sent_before: at(0),
        after: None,
        limit: 10,
    };
    // Never sent: due.
    assert_eq!(repo.due(q(0)).await.unwrap().len(), 1);
    let delivery = AlertDelivery {
        alert: daily.id,
        expected_sent_count: 0,
        jobs: vec![job],
        mail: mail("alice@example.com"),
        now: at(100),
    };
    assert!(repo.record_delivery(delivery).await.unwrap());
    assert!(repo.due(q(99)).await.unwrap().is_empty());
    assert_eq!(repo.due(q(100)).await.unwrap().len(), 1);
}

intowork_testkit::test_both_backends!(
    crud_is_scoped_to_the_owner,
    deliveries_are_written_once_with_their_mail,
    daily_alerts_are_due_once_their_day_has_passed,
);
