use std::sync::Arc;

use super::*;
use crate::application::ApplicationStatus;
use crate::dashboard::tests::{full_profile, now, user};
use crate::dashboard::{
    AdminCounts, CandidateFacts, EmployerFacts, EmployerFunnel, FunnelFacts,
    MockDashboardRepository, ReachedGroup,
};
use crate::ids::UserId;
use crate::ports::MockClock;

fn service(repo: MockDashboardRepository) -> DashboardService {
    let mut clock = MockClock::new();
    clock.expect_now().returning(now);
    DashboardService::new(Arc::new(repo), Arc::new(clock))
}

#[tokio::test]
async fn the_stored_role_picks_the_variant() {
    let mut repo = MockDashboardRepository::new();
    repo.expect_admin_counts()
        .times(1)
        .returning(|| Ok(AdminCounts::default()));
    repo.expect_employer_facts().never();
    repo.expect_candidate_facts().never();
    let d = service(repo).dashboard(&user(Role::Admin)).await.unwrap();
    assert_eq!(d.stats[0].title, "Accès Admin");

    let mut repo = MockDashboardRepository::new();
    repo.expect_admin_counts().never();
    repo.expect_employer_facts()
        .withf(|u| *u == UserId(7))
        .returning(|_| Ok(Some(EmployerDashboardFacts::NoCompany)));
    let d = service(repo)
        .dashboard(&user(Role::Employer))
        .await
        .unwrap();
    assert_eq!(d.profile_completion, 30);

    let mut repo = MockDashboardRepository::new();
    repo.expect_employer_facts().returning(|_| {
        Ok(Some(EmployerDashboardFacts::WithCompany(
            EmployerFacts::default(),
        )))
    });
    let d = service(repo)
        .dashboard(&user(Role::Employer))
        .await
        .unwrap();
    assert_eq!(d.stats[0].title, "Offres actives");
    assert_eq!(d.stats[1].title, "Candidatures reçues");

    let mut repo = MockDashboardRepository::new();
    repo.expect_candidate_facts()
        .withf(|u| *u == UserId(7))
        .returning(|_| Ok(Some(CandidateFacts::default())));
    let d = service(repo)
        .dashboard(&user(Role::Candidate))
        .await
        .unwrap();
    assert_eq!(d.stats[0].title, "Candidatures envoyées");
}

#[tokio::test]
async fn missing_profile_rows_are_not_found() {
    let mut repo = MockDashboardRepository::new();
    repo.expect_employer_facts().returning(|_| Ok(None));
    let err = service(repo).dashboard(&user(Role::Employer)).await;
    assert!(matches!(err, Err(DashboardError::EmployerNotFound)));

    let mut repo = MockDashboardRepository::new();
    repo.expect_candidate_facts().returning(|_| Ok(None));
    let err = service(repo).dashboard(&user(Role::Candidate)).await;
    assert!(matches!(err, Err(DashboardError::CandidateNotFound)));

    let mut repo = MockDashboardRepository::new();
    repo.expect_candidate_facts()
        .returning(|_| Err(RepoError::Internal("boom".into())));
    let err = service(repo).dashboard(&user(Role::Candidate)).await;
    assert!(matches!(err, Err(DashboardError::Repo(_))));
}

#[tokio::test]
async fn activities_add_the_score_only_with_a_candidate_row() {
    let mut repo = MockDashboardRepository::new();
    repo.expect_profile_facts().returning(|_| Ok(None));
    let list = service(repo)
        .activities(&user(Role::Employer))
        .await
        .unwrap();
    assert_eq!(list.len(), 2);

    let mut repo = MockDashboardRepository::new();
    repo.expect_profile_facts()
        .returning(|_| Ok(Some(full_profile())));
    let list = service(repo)
        .activities(&user(Role::Candidate))
        .await
        .unwrap();
    assert_eq!(list[2].target, "100% complété");
}

#[tokio::test]
async fn the_funnel_asks_for_the_top_jobs_and_is_empty_without_a_company() {
    let mut repo = MockDashboardRepository::new();
    repo.expect_funnel_facts()
        .withf(|u, top| *u == UserId(7) && *top == TOP_JOBS)
        .times(1)
        .returning(|_, _| Ok(None));
    let f = service(repo).employer_funnel(UserId(7)).await.unwrap();
    assert_eq!(f, EmployerFunnel::empty());

    // Applied, then interview three days later, then accepted: counted at every stage up to
    // accepted, interview included.
    let mut repo = MockDashboardRepository::new();
    repo.expect_funnel_facts().returning(|_, _| {
        Ok(Some(FunnelFacts {
            reached: vec![ReachedGroup {
                statuses: vec![
                    ApplicationStatus::Applied,
                    ApplicationStatus::Interview,
                    ApplicationStatus::Accepted,
                ],
                applications: 1,
            }],
            interviewed: 1,
            seconds_to_interview: 3.0 * 86_400.0,
            top_jobs: vec![],
        }))
    });
    let f = service(repo).employer_funnel(UserId(7)).await.unwrap();
    let counts: Vec<i64> = f.funnel.iter().map(|s| s.count).collect();
    assert_eq!(counts, [1, 1, 1, 1, 1]);
    assert_eq!(
        (f.conversion_rate, f.avg_days_to_interview),
        (100.0, Some(3.0))
    );
}
