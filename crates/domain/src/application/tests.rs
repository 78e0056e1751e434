use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::candidate::MockCandidateRepository;
use crate::company::{Employer, MockCompanyRepository};
use crate::email_template::TemplateType;
use crate::ids::{ApplicationId, CandidateId, CompanyId, EmployerId, JobId, UserId};
use crate::notification::NotificationKind;
use crate::ports::MockClock;
use crate::user::{Role, User};

pub(super) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

pub(super) fn candidate_user() -> User {
    User {
        id: UserId(1),
        email: "c@example.com".into(),
        role: Role::Candidate,
        first_name: "Awa".into(),
        last_name: "Diallo".into(),
        name: None,
        image: None,
        is_active: true,
        token_version: 0,
        password_hash: None,
        created_at: now(),
        updated_at: now(),
    }
}

pub(super) fn employer(id: i64) -> Employer {
    Employer {
        id: EmployerId(id),
        user_id: UserId(100 + id),
        company_id: Some(CompanyId(1)),
        position: None,
        department: None,
        phone: None,
        can_create_jobs: true,
        can_manage_candidates: true,
        is_admin: false,
    }
}

pub(super) fn created() -> CandidateApplication {
    CandidateApplication {
        id: ApplicationId(9),
        job_id: JobId(5),
        candidate_id: CandidateId(3),
        status: ApplicationStatus::Applied,
        applied_at: now(),
        job: None,
    }
}

#[derive(Default)]
pub(super) struct Mocks {
    pub(super) apps: MockApplicationRepository,
    pub(super) candidates: MockCandidateRepository,
    pub(super) companies: MockCompanyRepository,
}

impl Mocks {
    pub(super) fn service(self) -> ApplicationService {
        let mut clock = MockClock::new();
        clock.expect_now().returning(now);
        ApplicationService::new(
            Arc::new(self.apps),
            Arc::new(self.candidates),
            Arc::new(self.companies),
            Arc::new(clock),
        )
    }

    /// User 101 is employer 1; the application 9 is to employer `owner`'s job 5.
    pub(super) fn employer_side(mut self, owner: i64) -> Self {
        self.companies
            .expect_employer_by_user()
            .returning(|u| Ok((u == UserId(101)).then(|| employer(1))));
        self.apps.expect_owner_of().returning(move |id| {
            Ok((id == ApplicationId(9)).then(|| ApplicationOwner {
                employer_id: EmployerId(owner),
                job_id: JobId(5),
                job_title: "Développeur Rust".into(),
                candidate_user_id: UserId(1),
            }))
        });
        self
    }
}

#[test]
fn statuses_parse_exact_api_values_only() {
    for status in ApplicationStatus::ALL {
        assert_eq!(ApplicationStatus::parse(status.as_str()), Some(status));
    }
    assert_eq!(ApplicationStatus::parse("pending"), None);
    assert_eq!(ApplicationStatus::parse(" viewed"), None);
    assert_eq!(ApplicationStatus::parse("ACCEPTED"), None);
    assert!(ApplicationStatus::Rejected.is_final() && !ApplicationStatus::Interview.is_final());
}

#[tokio::test]
async fn apply_notifies_the_employer_in_the_same_write() {
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
    m.apps
        .expect_create()
        .withf(|new, n| {
            new.candidate_id == CandidateId(3)
                && new.cover_letter.as_deref() == Some("Bonjour")
                && new.candidate_mail == Some(TemplateType::ApplicationReceived)
                && n.user_id == UserId(101)
                && n.kind == NotificationKind::NewApplication
                && n.title == "📝 Nouvelle candidature reçue"
                && n.message == "Awa Diallo a postulé pour le poste de Développeur Rust"
                && n.related_job_id == Some(JobId(5))
        })
        .times(1)
        .returning(|_, _| Ok(created()));
    let app = m
        .service()
        .apply(
            &candidate_user(),
            JobId(5),
            ApplyRequest {
                cover_letter: Some("Bonjour".into()),
                ..ApplyRequest::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(app.id, ApplicationId(9));
}

#[tokio::test]
async fn apply_to_a_closed_job_or_twice_is_refused() {
    let mut m = Mocks::default();
    m.candidates
        .expect_candidate_id()
        .returning(|_| Ok(Some(CandidateId(3))));
    m.apps.expect_apply_target().returning(|_| Ok(None));
    m.apps.expect_create().never();
    assert!(matches!(
        m.service()
            .apply(&candidate_user(), JobId(5), ApplyRequest::default())
            .await,
        Err(ApplyError::JobNotFound)
    ));

    let mut m = Mocks::default();
    m.candidates
        .expect_candidate_id()
        .returning(|_| Ok(Some(CandidateId(3))));
    m.apps.expect_apply_target().returning(|_| {
        Ok(Some(ApplyTarget {
            title: "t".into(),
            employer_user_id: UserId(101),
        }))
    });
    m.apps
        .expect_create()
        .returning(|_, _| Err(CreateApplicationError::AlreadyApplied));
    assert!(matches!(
        m.service()
            .apply(&candidate_user(), JobId(5), ApplyRequest::default())
            .await,
        Err(ApplyError::AlreadyApplied)
    ));

    let mut m = Mocks::default();
    m.candidates.expect_candidate_id().returning(|_| Ok(None));
    m.apps.expect_apply_target().never();
    assert!(matches!(
        m.service()
            .apply(&candidate_user(), JobId(5), ApplyRequest::default())
            .await,
        Err(ApplyError::ProfileMissing)
    ));
}

#[tokio::test]
async fn status_changes_check_employer_application_and_ownership_in_order() {
    let mut m = Mocks::default().employer_side(2);
    m.apps.expect_change_status().never();
    let svc = m.service();
    assert!(matches!(
        svc.change_status(UserId(101), ApplicationId(9), ApplicationStatus::Viewed)
            .await,
        Err(EmployerApplicationError::NotOwner)
    ));
    assert!(matches!(
        svc.change_status(UserId(101), ApplicationId(8), ApplicationStatus::Viewed)
            .await,
        Err(EmployerApplicationError::NotFound)
    ));
    assert!(matches!(
        svc.change_status(UserId(55), ApplicationId(9), ApplicationStatus::Viewed)
            .await,
        Err(EmployerApplicationError::EmployerMissing)
    ));
    assert!(matches!(
        svc.set_notes(UserId(101), ApplicationId(9), "x".into())
            .await,
        Err(EmployerApplicationError::NotOwner)
    ));
}

/// What the edge runs before reporting a status it could not parse (CONTRACT 3.7 steps 2-4).
#[tokio::test]
async fn the_review_checks_alone_write_nothing() {
    let mut m = Mocks::default().employer_side(2);
    m.apps.expect_change_status().never();
    m.apps.expect_set_notes().never();
    let svc = m.service();
    assert!(matches!(
        svc.check_reviewable(UserId(55), ApplicationId(9)).await,
        Err(EmployerApplicationError::EmployerMissing)
    ));
    assert!(matches!(
        svc.check_reviewable(UserId(101), ApplicationId(8)).await,
        Err(EmployerApplicationError::NotFound)
    ));
    assert!(matches!(
        svc.check_reviewable(UserId(101), ApplicationId(9)).await,
        Err(EmployerApplicationError::NotOwner)
    ));

    let mut m = Mocks::default().employer_side(1);
    m.apps.expect_change_status().never();
    m.service()
        .check_reviewable(UserId(101), ApplicationId(9))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_status_change_notifies_the_candidate_with_the_statuss_text() {
    for status in ApplicationStatus::ALL {
        let mut m = Mocks::default().employer_side(1);
        m.apps
            .expect_change_status()
            .withf(move |id, u, n| {
                *id == ApplicationId(9)
                    && *u
                        == StatusUpdate {
                            status,
                            actor: UserId(101),
                            at: now(),
                            candidate_mail: TemplateType::for_status(status),
                        }
                    && n.user_id == UserId(1)
                    && n.kind == NotificationKind::StatusChange
                    && n.title == status.notification_title()
                    && n.message
                        == format!(
                            "Votre candidature pour le poste de Développeur Rust a été mise à jour: {}",
                            status.as_str()
                        )
                    && n.related_application_id == Some(ApplicationId(9))
            })
            .times(1)
            .returning(|_, _, _| Ok(Some(true)));
        let change = m
            .service()
            .change_status(UserId(101), ApplicationId(9), status)
            .await
            .unwrap();
        assert_eq!(
            change,
            StatusChange {
                status,
                changed: true
            }
        );
    }
}

#[tokio::test]
async fn withdraw_and_reads_are_limited_to_the_callers_candidate_id() {
    let mut m = Mocks::default();
    // User 1 is candidate 3; the repository is always asked with candidate 3, never user 1 (A2).
    m.candidates
        .expect_candidate_id()
        .returning(|_| Ok(Some(CandidateId(3))));
    m.apps
        .expect_withdraw()
        .withf(|c, _| *c == CandidateId(3))
        .returning(|_, id| Ok(id == ApplicationId(9)));
    m.apps
        .expect_find_for_candidate()
        .withf(|c, _| *c == CandidateId(3))
        .returning(|_, _| Ok(None));
    let svc = m.service();
    svc.withdraw(UserId(1), ApplicationId(9)).await.unwrap();
    assert!(matches!(
        svc.withdraw(UserId(1), ApplicationId(1)).await,
        Err(CandidateApplicationError::NotFound)
    ));
    assert!(matches!(
        svc.get_mine(UserId(1), ApplicationId(1)).await,
        Err(CandidateApplicationError::NotFound)
    ));
}

#[tokio::test]
async fn a_vanished_application_is_not_found_not_a_false_success() {
    let mut m = Mocks::default().employer_side(1);
    m.apps.expect_change_status().returning(|_, _, _| Ok(None));
    m.apps.expect_set_notes().returning(|_, _, _| Ok(false));
    let svc = m.service();
    assert!(matches!(
        svc.change_status(UserId(101), ApplicationId(9), ApplicationStatus::Viewed)
            .await,
        Err(EmployerApplicationError::NotFound)
    ));
    assert!(matches!(
        svc.set_notes(UserId(101), ApplicationId(9), "x".into())
            .await,
        Err(EmployerApplicationError::NotFound)
    ));
}
