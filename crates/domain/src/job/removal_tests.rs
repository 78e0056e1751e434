//! The decision of what removing a job does, and the delete use case that commits it.

use super::tests::{job, now, service, two_employers, user};
use super::*;
use crate::error::RepoError;
use crate::ids::{ApplicationId, JobId, UserId};
use crate::notification::NotificationKind;
use crate::ports::{Commit, DECISION_ATTEMPTS};
use crate::user::Role;

fn applicant(application: i64, user: i64) -> JobApplicant {
    JobApplicant {
        application: ApplicationId(application),
        user: UserId(user),
    }
}

/// Job 7 is employer 1's (user 10), published; job 8 is archived.
fn owned_jobs(jobs: &mut MockJobRepository) {
    jobs.expect_find().returning(|id| {
        let status = if id.get() == 8 {
            JobStatus::Archived
        } else {
            JobStatus::Published
        };
        Ok(Some(job(id.get(), 1, status)))
    });
}

#[test]
fn nobody_applied_means_delete_otherwise_archive_and_tell_each_applicant() {
    let published = job(7, 1, JobStatus::Published);
    assert_eq!(
        JobRemovalPlan::decide(&published, &[], now()),
        JobRemovalPlan::Delete(JobId(7))
    );
    let plan = JobRemovalPlan::decide(&published, &[applicant(12, 31), applicant(11, 30)], now());
    let JobRemovalPlan::Archive(work) = &plan else {
        panic!("expected an archive, got {plan:?}");
    };
    assert_eq!(
        work.applications,
        vec![ApplicationId(11), ApplicationId(12)]
    );
    assert_eq!(work.at, now());
    let first = &work.notifications[0];
    assert_eq!(
        (first.user_id, first.kind, first.title.as_str()),
        (UserId(30), NotificationKind::System, "Offre retirée")
    );
    assert_eq!(
        first.message,
        "L'offre « Développeur » a été retirée par le recruteur."
    );
    assert_eq!(
        (first.related_job_id, first.related_application_id),
        (Some(JobId(7)), Some(ApplicationId(11)))
    );
    assert_eq!(
        plan.outcome(),
        JobRemoval::Archived {
            notified: vec![
                (UserId(30), ApplicationId(11)),
                (UserId(31), ApplicationId(12))
            ]
        }
    );
}

#[tokio::test]
async fn a_job_nobody_applied_to_is_deleted_never_archived() {
    let mut jobs = MockJobRepository::new();
    owned_jobs(&mut jobs);
    jobs.expect_applicants().returning(|_| Ok(Vec::new()));
    jobs.expect_archive().never();
    jobs.expect_delete()
        .withf(|id| *id == JobId(7))
        .times(1)
        .returning(|_| Ok(Commit::Done(())));
    let removal = service(jobs, two_employers())
        .delete(&user(10, Role::Employer), JobId(7))
        .await
        .unwrap();
    assert_eq!(removal, JobRemoval::Deleted);
}

#[tokio::test]
async fn a_job_with_applications_is_archived_never_deleted() {
    let mut jobs = MockJobRepository::new();
    owned_jobs(&mut jobs);
    jobs.expect_applicants()
        .returning(|_| Ok(vec![applicant(3, 40), applicant(4, 41)]));
    jobs.expect_delete().never();
    jobs.expect_archive()
        .withf(|w| {
            w.job == JobId(7)
                && w.applications == vec![ApplicationId(3), ApplicationId(4)]
                && w.notifications.len() == 2
                && w.notifications
                    .iter()
                    .all(|n| n.message == "L'offre « Développeur » a été retirée par le recruteur.")
        })
        .times(1)
        .returning(|_| Ok(Commit::Done(())));
    let removal = service(jobs, two_employers())
        .delete(&user(10, Role::Employer), JobId(7))
        .await
        .unwrap();
    assert!(matches!(removal, JobRemoval::Archived { notified } if notified.len() == 2));
}

#[tokio::test]
async fn an_application_arriving_before_the_delete_turns_it_into_an_archive() {
    let mut jobs = MockJobRepository::new();
    owned_jobs(&mut jobs);
    let mut reads = 0;
    jobs.expect_applicants().times(2).returning(move |_| {
        reads += 1;
        Ok(if reads == 1 {
            Vec::new()
        } else {
            vec![applicant(5, 50)]
        })
    });
    jobs.expect_delete()
        .times(1)
        .returning(|_| Ok(Commit::Stale));
    jobs.expect_archive()
        .times(1)
        .returning(|_| Ok(Commit::Done(())));
    let removal = service(jobs, two_employers())
        .delete(&user(10, Role::Employer), JobId(7))
        .await
        .unwrap();
    assert_eq!(
        removal,
        JobRemoval::Archived {
            notified: vec![(UserId(50), ApplicationId(5))]
        }
    );
}

#[tokio::test]
async fn archived_or_vanished_jobs_are_not_found() {
    let mut jobs = MockJobRepository::new();
    owned_jobs(&mut jobs);
    jobs.expect_applicants()
        .withf(|id| *id == JobId(7))
        .returning(|_| Ok(Vec::new()));
    // Deleted by a concurrent request between the read and the commit.
    jobs.expect_delete().returning(|_| Ok(Commit::NotFound));
    jobs.expect_archive().never();
    let svc = service(jobs, two_employers());
    let owner = user(10, Role::Employer);
    assert!(matches!(
        svc.delete(&owner, JobId(8)).await.unwrap_err(),
        DeleteJobError::NotFound
    ));
    assert!(matches!(
        svc.delete(&owner, JobId(7)).await.unwrap_err(),
        DeleteJobError::NotFound
    ));
}

#[tokio::test]
async fn facts_that_never_settle_give_up_after_the_last_attempt() {
    let mut jobs = MockJobRepository::new();
    owned_jobs(&mut jobs);
    jobs.expect_applicants()
        .times(DECISION_ATTEMPTS)
        .returning(|_| Ok(Vec::new()));
    jobs.expect_delete()
        .times(DECISION_ATTEMPTS)
        .returning(|_| Ok(Commit::Stale));
    let err = service(jobs, two_employers())
        .delete(&user(10, Role::Employer), JobId(7))
        .await
        .unwrap_err();
    assert!(matches!(err, DeleteJobError::Repo(RepoError::Internal(_))));
}
