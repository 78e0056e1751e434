//! The candidate's CV and channel on apply, the pipeline list of one job, and the sources widget.

use super::tests::{Mocks, candidate_user, created, now};
use super::*;
use crate::ids::{CandidateId, CvId, EmployerId, JobId, UserId};
use crate::job::Paging;

fn applicant() -> Mocks {
    let mut m = Mocks::default();
    m.candidates
        .expect_candidate_id()
        .returning(|_| Ok(Some(CandidateId(3))));
    m.apps.expect_apply_target().returning(|_| {
        Ok(Some(ApplyTarget {
            title: "Développeur Rust".into(),
            employer_user_id: UserId(101),
        }))
    });
    m
}

#[tokio::test]
async fn the_chosen_cv_and_a_plain_channel_reach_the_repository_with_the_clocks_time() {
    let mut m = applicant();
    m.apps
        .expect_create()
        .withf(|new, _| {
            new.cv == Some(CvId(8))
                && new.source_ref.as_deref() == Some("whatsapp")
                && new.actor == UserId(1)
                && new.now == now()
        })
        .times(1)
        .returning(|_, _| Ok(created()));
    let request = ApplyRequest {
        cover_letter: None,
        cv: Some(CvId(8)),
        source_ref: Some("whatsapp".into()),
    };
    m.service()
        .apply(&candidate_user(), JobId(5), request)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_bad_channel_is_dropped_and_the_request_still_applies() {
    for raw in ["<img src=x>", "", "a b", &"x".repeat(101)] {
        let mut m = applicant();
        m.apps
            .expect_create()
            .withf(|new, _| new.source_ref.is_none() && new.cv.is_none())
            .times(1)
            .returning(|_, _| Ok(created()));
        let request = ApplyRequest {
            source_ref: Some(raw.to_owned()),
            ..ApplyRequest::default()
        };
        m.service()
            .apply(&candidate_user(), JobId(5), request)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_cv_that_is_not_an_active_one_of_the_callers_is_refused() {
    let mut m = applicant();
    m.apps
        .expect_create()
        .returning(|_, _| Err(CreateApplicationError::InvalidCv));
    let request = ApplyRequest {
        cv: Some(CvId(99)),
        ..ApplyRequest::default()
    };
    assert!(matches!(
        m.service()
            .apply(&candidate_user(), JobId(5), request)
            .await,
        Err(ApplyError::InvalidCv)
    ));
}

fn own_job_mocks(job_owner: Option<i64>) -> Mocks {
    let mut m = Mocks::default().employer_side(1);
    m.apps
        .expect_job_employer()
        .returning(move |_| Ok(job_owner.map(EmployerId)));
    m
}

#[tokio::test]
async fn the_pipeline_lists_only_the_callers_own_job() {
    let paging = Paging { page: 2, limit: 20 };
    let mut m = own_job_mocks(Some(1));
    m.apps
        .expect_list_for_employer()
        .withf(move |e, s, j, p| {
            *e == EmployerId(1) && s.is_none() && *j == Some(JobId(5)) && *p == paging
        })
        .times(1)
        .returning(|_, _, _, _| {
            Ok(Page {
                items: vec![],
                total: 0,
            })
        });
    let page = m
        .service()
        .list_for_job(
            UserId(101),
            JobId(5),
            PipelineOrder::ScoreThenNewest,
            paging,
        )
        .await
        .unwrap();
    assert_eq!(page.total, 0);

    for owner in [Some(2), None] {
        let mut m = own_job_mocks(owner);
        m.apps.expect_list_for_employer().never();
        assert!(matches!(
            m.service()
                .list_for_job(
                    UserId(101),
                    JobId(5),
                    PipelineOrder::ScoreThenNewest,
                    paging
                )
                .await,
            Err(JobApplicationsError::JobNotFound)
        ));
    }
    let mut m = own_job_mocks(Some(1));
    m.apps.expect_job_employer().never();
    assert!(matches!(
        m.service()
            .list_for_job(UserId(55), JobId(5), PipelineOrder::Newest, paging)
            .await,
        Err(JobApplicationsError::EmployerMissing)
    ));
}

#[tokio::test]
async fn sources_are_the_callers_applications_by_channel() {
    let mut m = Mocks::default().employer_side(1);
    m.apps
        .expect_source_counts()
        .withf(|e| *e == EmployerId(1))
        .returning(|_| Ok(vec![(None, 1), (Some("email".into()), 3)]));
    let b = m.service().sources(UserId(101)).await.unwrap();
    assert_eq!(b.total, 4);
    assert_eq!(
        (b.sources[0].source.as_str(), b.sources[0].pct),
        ("email", 75.0)
    );
    assert_eq!(
        (b.sources[1].source.as_str(), b.sources[1].label.as_str()),
        ("direct", "Direct")
    );
    let mut m = Mocks::default().employer_side(1);
    m.apps.expect_source_counts().never();
    assert!(matches!(
        m.service().sources(UserId(55)).await,
        Err(EmployerApplicationError::EmployerMissing)
    ));
}
