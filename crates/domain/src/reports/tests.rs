use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::admin::{AdminStats, MockAdminRepository};
use crate::application::ApplicationStatus;
use crate::dashboard::{
    CandidateFacts, EmployerDashboardFacts, EmployerFacts, FunnelFacts, MockDashboardRepository,
    ReachedGroup,
};
use crate::ids::UserId;
use crate::job::JobStatus;
use crate::ports::MockClock;
use crate::user::{Role, User};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 9, 30, 0).unwrap()
}

fn elodie(role: Role) -> User {
    User {
        id: UserId(1),
        email: "elodie@example.com".into(),
        role,
        first_name: "Élodie".into(),
        last_name: "N'Diaye".into(),
        name: None,
        image: None,
        is_active: true,
        token_version: 0,
        password_hash: None,
        created_at: now(),
        updated_at: now(),
    }
}

/// Every text of the report, in order, as a reader would see it.
fn text(r: &Report) -> String {
    let mut out = vec![r.title.clone(), r.subject.clone(), r.generated_at.clone()];
    for s in &r.sections {
        out.push(s.title.clone());
        for b in &s.blocks {
            match b {
                Block::Fields(f) | Block::Figures(f) => {
                    out.extend(f.iter().flat_map(|(a, b)| [a.clone(), b.clone()]))
                }
                Block::Table(t) => {
                    out.extend(t.columns.clone());
                    out.extend(t.rows.iter().flatten().cloned());
                    if t.rows.is_empty() {
                        out.push(t.empty.clone());
                    }
                }
                Block::Note(n) => out.push(n.clone()),
            }
        }
    }
    out.join("\n")
}

fn details(applications: usize, total: i64) -> CandidateDetails {
    CandidateDetails {
        title: Some("Développeuse".into()),
        location: None,
        applications: (0..applications)
            .map(|i| ApplicationLine {
                job_title: format!("Poste {i}"),
                company: "Société Générale".into(),
                status: ApplicationStatus::Shortlisted,
                applied_at: now(),
            })
            .collect(),
        applications_total: total,
        ..CandidateDetails::default()
    }
}

#[test]
fn the_candidate_report_lists_profile_figures_and_applications_with_statuses() {
    let facts = CandidateFacts {
        applications: 3,
        interviews: 1,
        published_jobs: 42,
        ..CandidateFacts::default()
    };
    let r = candidate_report(&elodie(Role::Candidate), 55, &facts, &details(2, 3), now());
    let t = text(&r);
    assert_eq!(r.file_name, "intowork_rapport_candidat_20261207.pdf");
    assert_eq!(r.generated_at, "07/12/2026 à 09:30 (UTC)");
    for expected in [
        "Élodie N'Diaye",
        "Non renseigné",
        "Développeuse",
        "Candidatures (3)",
        "Poste 1\nSociété Générale\nPrésélectionné\n07/12/2026",
        "Les 2 plus récentes sur 3 candidatures.",
        "42\nOffres disponibles",
        "55 %",
        "Aucune compétence renseignée.",
    ] {
        assert!(t.contains(expected), "{expected:?} missing from\n{t}");
    }
}

fn employer_details() -> EmployerDetails {
    EmployerDetails {
        company_name: "Sénégal Numérique".into(),
        industry: Some("Télécoms".into()),
        size: None,
        jobs: vec![JobLine {
            title: "Ingénieur réseau".into(),
            status: JobStatus::Published,
            applications: 4,
            posted_at: Some(now()),
        }],
        jobs_total: 1,
        by_status: vec![
            (ApplicationStatus::Applied, 3),
            (ApplicationStatus::Interview, 1),
        ],
    }
}

#[test]
fn the_employer_report_has_statuses_the_funnel_and_the_jobs() {
    let funnel = crate::dashboard::employer_funnel(FunnelFacts {
        reached: vec![
            ReachedGroup {
                statuses: vec![ApplicationStatus::Applied],
                applications: 3,
            },
            ReachedGroup {
                statuses: vec![ApplicationStatus::Applied, ApplicationStatus::Interview],
                applications: 1,
            },
        ],
        interviewed: 1,
        seconds_to_interview: 2.5 * 86_400.0,
        top_jobs: vec![],
    });
    let facts = EmployerFacts {
        published_jobs: 1,
        applications: 4,
        interviews: 1,
        responded: 1,
        ..EmployerFacts::default()
    };
    let r = employer_report(
        &elodie(Role::Employer),
        &facts,
        &funnel,
        &employer_details(),
        now(),
    );
    let t = text(&r);
    for expected in [
        "Sénégal Numérique — Élodie N'Diaye",
        "Candidatures par statut (4)",
        "Candidaté\n3\n75 %",
        "Entretien\n1\n25 %",
        "Présélectionné\n1\n25 %",
        "Taux de conversion : 0 % · Délai moyen jusqu'à l'entretien : 2,5 jours",
        "Ingénieur réseau\nPubliée\n4\n07/12/2026",
        "25 %\nTaux de réponse",
    ] {
        assert!(t.contains(expected), "{expected:?} missing from\n{t}");
    }
}

fn stats() -> AdminStats {
    AdminStats {
        total_users: 8,
        total_candidates: 5,
        total_employers: 2,
        total_companies: 2,
        total_jobs: 3,
        total_applications: 9,
        total_notifications: 0,
        active_users: 7,
        inactive_users: 1,
        jobs_by_status: vec![(JobStatus::Published, 2), (JobStatus::Draft, 1)],
        recent_signups: 4,
    }
}

#[test]
fn the_admin_report_has_the_platform_figures() {
    let t = text(&admin_report(&elodie(Role::Admin), &stats(), now()));
    for expected in [
        "Candidats\n5\n62,5 %",
        "Inactifs\n1\n12,5 %",
        "Brouillon\n1",
        "4\nInscriptions (7 j)",
    ] {
        assert!(t.contains(expected), "{expected:?} missing from\n{t}");
    }
}

#[derive(Default)]
struct Mocks {
    repo: MockReportRepository,
    dashboards: MockDashboardRepository,
    admin: MockAdminRepository,
    renderer: MockReportRenderer,
}

impl Mocks {
    fn service(self) -> ReportService {
        let mut clock = MockClock::new();
        clock.expect_now().returning(now);
        ReportService::new(
            Arc::new(self.repo),
            Arc::new(self.dashboards),
            Arc::new(self.admin),
            Arc::new(self.renderer),
            Arc::new(clock),
        )
    }
}

#[tokio::test]
async fn reports_are_rendered_under_heads_file_names() {
    let mut m = Mocks::default();
    m.dashboards
        .expect_candidate_facts()
        .returning(|_| Ok(Some(CandidateFacts::default())));
    m.repo
        .expect_candidate_details()
        .withf(|_, max| *max == MAX_ROWS)
        .returning(|_, _| Ok(Some(details(0, 0))));
    m.admin.expect_stats().returning(|_| Ok(stats()));
    m.renderer
        .expect_render()
        .returning(|r| Ok(format!("%PDF-{}", r.title).into_bytes()));
    let s = m.service();
    let out = s.candidate(&elodie(Role::Candidate)).await.unwrap();
    assert_eq!(out.file_name, "intowork_rapport_candidat_20261207.pdf");
    assert_eq!(out.bytes, b"%PDF-Rapport candidat");
    let out = s.admin(&elodie(Role::Admin)).await.unwrap();
    assert_eq!(out.file_name, "intowork_rapport_plateforme_20261207.pdf");
}

#[tokio::test]
async fn missing_profiles_render_nothing() {
    let mut m = Mocks::default();
    m.dashboards
        .expect_candidate_facts()
        .returning(|_| Ok(None));
    m.repo.expect_candidate_details().returning(|_, _| Ok(None));
    m.dashboards
        .expect_employer_facts()
        .returning(|_| Ok(Some(EmployerDashboardFacts::NoCompany)));
    m.dashboards.expect_funnel_facts().never();
    m.renderer.expect_render().never();
    let s = m.service();
    assert!(matches!(
        s.candidate(&elodie(Role::Candidate)).await,
        Err(ReportError::CandidateNotFound)
    ));
    assert!(matches!(
        s.employer(&elodie(Role::Employer)).await,
        Err(ReportError::EmployerNotFound)
    ));
}

#[tokio::test]
async fn the_employer_report_uses_the_dashboards_funnel() {
    let mut m = Mocks::default();
    m.dashboards.expect_employer_facts().returning(|_| {
        Ok(Some(EmployerDashboardFacts::WithCompany(
            EmployerFacts::default(),
        )))
    });
    m.dashboards
        .expect_funnel_facts()
        .returning(|_, _| Ok(Some(FunnelFacts::default())));
    m.repo
        .expect_employer_details()
        .returning(|_, _| Ok(Some(employer_details())));
    m.renderer
        .expect_render()
        .withf(|r| r.kind == ReportKind::Employer && r.sections.len() == 5)
        .returning(|_| Ok(b"%PDF-".to_vec()));
    let out = m.service().employer(&elodie(Role::Employer)).await.unwrap();
    assert_eq!(out.file_name, "intowork_rapport_recrutement_20261207.pdf");
}
