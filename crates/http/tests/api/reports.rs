//! PDF report routes: the caller's role picks the route, the answer is an attachment named as
//! HEAD names it, and a missing profile is HEAD's 404.

use actix_web::test::{self, TestRequest};
use intowork_domain::admin::AdminStats;
use intowork_domain::dashboard::{
    CandidateFacts, EmployerDashboardFacts, EmployerFacts, FunnelFacts,
};
use intowork_domain::reports::{CandidateDetails, EmployerDetails, ReportKind};
use intowork_domain::user::Role;

use crate::support::*;

const CANDIDATE: &str = "valid-1-0";
const EMPLOYER: &str = "valid-2-0";
const ADMIN: &str = "valid-3-0";

fn mocks() -> Mocks {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(user(2, Role::Employer))
        .with_user(user(3, Role::Admin));
    m.renderer.expect_render().returning(|r| {
        let kind = match r.kind {
            ReportKind::Candidate => "candidate",
            ReportKind::Employer => "employer",
            ReportKind::Admin => "admin",
        };
        Ok(format!("%PDF-1.7 {kind} {}", r.subject).into_bytes())
    });
    m
}

async fn get_pdf<S, B>(app: &S, path: &str, token: &str) -> (u16, String, String, Vec<u8>)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let req = TestRequest::get()
        .uri(path)
        .insert_header(bearer(token))
        .to_request();
    let res = test::call_service(app, req).await;
    let header = |n: &str| {
        res.headers()
            .get(n)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let (status, ct, cd) = (
        res.status().as_u16(),
        header("content-type"),
        header("content-disposition"),
    );
    (status, ct, cd, test::read_body(res).await.to_vec())
}

#[actix_web::test]
async fn each_role_downloads_its_report_as_an_attachment() {
    let mut m = mocks();
    m.report_dashboards
        .expect_candidate_facts()
        .returning(|_| Ok(Some(CandidateFacts::default())));
    m.reports
        .expect_candidate_details()
        .returning(|_, _| Ok(Some(CandidateDetails::default())));
    m.report_dashboards.expect_employer_facts().returning(|_| {
        Ok(Some(EmployerDashboardFacts::WithCompany(
            EmployerFacts::default(),
        )))
    });
    m.report_dashboards
        .expect_funnel_facts()
        .returning(|_, _| Ok(Some(FunnelFacts::default())));
    m.reports.expect_employer_details().returning(|_, _| {
        Ok(Some(EmployerDetails {
            company_name: "Acmé".into(),
            ..EmployerDetails::default()
        }))
    });
    m.report_admin.expect_stats().returning(|_| {
        Ok(AdminStats {
            total_users: 3,
            total_candidates: 1,
            total_employers: 1,
            total_companies: 1,
            total_jobs: 0,
            total_applications: 0,
            total_notifications: 0,
            active_users: 3,
            inactive_users: 0,
            jobs_by_status: vec![],
            recent_signups: 3,
        })
    });
    let app = make_app(m).await;
    for (path, token, file, kind) in [
        (
            "/api/reports/candidate/pdf",
            CANDIDATE,
            "intowork_rapport_candidat_20261127.pdf",
            "candidate",
        ),
        (
            "/api/reports/employer/pdf",
            EMPLOYER,
            "intowork_rapport_recrutement_20261127.pdf",
            "employer",
        ),
        (
            "/api/reports/admin/pdf",
            ADMIN,
            "intowork_rapport_plateforme_20261127.pdf",
            "admin",
        ),
    ] {
        let (status, ct, cd, body) = get_pdf(&app, path, token).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(ct, "application/pdf");
        assert!(
            cd.starts_with(&format!("attachment; filename=\"{file}\"")),
            "{cd}"
        );
        assert!(body.starts_with(format!("%PDF-1.7 {kind}").as_bytes()));
    }
}

#[actix_web::test]
async fn other_roles_are_refused_with_heads_texts() {
    let mut m = mocks();
    m.renderer.checkpoint();
    m.renderer.expect_render().never();
    let app = make_app(m).await;
    for (path, token, detail) in [
        (
            "/api/reports/candidate/pdf",
            EMPLOYER,
            "Réservé aux candidats",
        ),
        (
            "/api/reports/employer/pdf",
            CANDIDATE,
            "Réservé aux employeurs",
        ),
        (
            "/api/reports/admin/pdf",
            EMPLOYER,
            "Réservé aux administrateurs",
        ),
        (
            "/api/reports/admin/pdf",
            CANDIDATE,
            "Réservé aux administrateurs",
        ),
    ] {
        let (status, _, body) = send(
            &app,
            TestRequest::get().uri(path).insert_header(bearer(token)),
        )
        .await;
        assert_eq!(
            (status, body["detail"].as_str()),
            (403, Some(detail)),
            "{path}"
        );
    }
    let (status, _, _) = send(&app, TestRequest::get().uri("/api/reports/admin/pdf")).await;
    assert_eq!(status, 401);
}

#[actix_web::test]
async fn missing_profiles_are_heads_404s() {
    let mut m = mocks();
    m.renderer.checkpoint();
    m.renderer.expect_render().never();
    m.report_dashboards
        .expect_candidate_facts()
        .returning(|_| Ok(None));
    m.reports
        .expect_candidate_details()
        .returning(|_, _| Ok(None));
    m.report_dashboards
        .expect_employer_facts()
        .returning(|_| Ok(Some(EmployerDashboardFacts::NoCompany)));
    let app = make_app(m).await;
    for (path, token, detail) in [
        (
            "/api/reports/candidate/pdf",
            CANDIDATE,
            "Profil candidat introuvable",
        ),
        (
            "/api/reports/employer/pdf",
            EMPLOYER,
            "Profil employeur introuvable",
        ),
    ] {
        let (status, _, body) = send(
            &app,
            TestRequest::get().uri(path).insert_header(bearer(token)),
        )
        .await;
        assert_eq!(
            (status, body["detail"].as_str()),
            (404, Some(detail)),
            "{path}"
        );
    }
}
