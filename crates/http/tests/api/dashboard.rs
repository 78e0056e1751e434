//! Dashboard routes: the camelCase wire shape, the variant per stored role, the 404s the reference
//! turned into 500s, and a 500 that reveals nothing (CONTRACT 3.9).

use actix_web::test::TestRequest;
use chrono::Duration;
use intowork_domain::dashboard::{
    AdminCounts, CandidateFacts, EmployerDashboardFacts, EmployerFacts, Latest, ProfileFacts,
};
use intowork_domain::user::Role;
use intowork_domain::{RepoError, UserId};
use serde_json::json;

use crate::support::*;

const CANDIDATE: &str = "valid-1-0";
const EMPLOYER: &str = "valid-2-0";
const ADMIN: &str = "valid-3-0";

fn mocks() -> Mocks {
    Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(user(2, Role::Employer))
        .with_user(user(3, Role::Admin))
}

fn get(uri: &str, token: &str) -> TestRequest {
    TestRequest::get().uri(uri).insert_header(bearer(token))
}

fn profile() -> ProfileFacts {
    ProfileFacts {
        phone: Some("+221 77 000 00 00".into()),
        location: Some("Dakar".into()),
        has_skill: true,
        ..ProfileFacts::default()
    }
}

#[actix_web::test]
async fn candidate_dashboard_body() {
    let mut m = mocks();
    m.dashboards
        .expect_candidate_facts()
        .withf(|u| *u == UserId(1))
        .returning(|_| {
            Ok(Some(CandidateFacts {
                profile: profile(),
                applications: 2,
                published_jobs: 9,
                interviews: 1,
                latest_application: Some(Latest {
                    job_title: "Développeur Rust".into(),
                    at: now() - Duration::days(2),
                }),
            }))
        });
    let app = make_app(m).await;
    let (status, _, body) = send(&app, get("/api/dashboard", CANDIDATE)).await;
    assert_eq!(status, 200, "{body}");
    // 5 of 7 fields: round(42.86) = 43, plus 10 for the skill.
    assert_eq!(
        body,
        json!({
            "stats": [
                {"title": "Candidatures envoyées", "value": "2", "change": "+2", "changeType": "increase", "color": "blue"},
                {"title": "Offres disponibles", "value": "9", "change": "+9", "changeType": "increase", "color": "green"},
                {"title": "Entretiens prévus", "value": "1", "change": "+1", "changeType": "increase", "color": "purple"},
                {"title": "Profil complété", "value": "53%", "change": "53%", "changeType": "increase", "color": "orange"},
            ],
            "recentActivities": [
                {"id": 1, "action": "Candidature envoyée", "target": "Développeur Rust", "time": "Il y a 2 jours", "type": "application"},
                {"id": 2, "action": "Profil créé", "target": "Jane Doe", "time": "À l'instant", "type": "update"},
            ],
            "profileCompletion": 53,
        })
    );
}

#[actix_web::test]
async fn admin_and_employer_variants() {
    let mut m = mocks();
    m.dashboards.expect_admin_counts().returning(|| {
        Ok(AdminCounts {
            users: 40,
            jobs: 7,
            applications: 12,
        })
    });
    m.dashboards
        .expect_employer_facts()
        .withf(|u| *u == UserId(2))
        .returning(|_| {
            Ok(Some(EmployerDashboardFacts::WithCompany(EmployerFacts {
                published_jobs: 3,
                applications: 8,
                interviews: 0,
                responded: 1,
                ..EmployerFacts::default()
            })))
        });
    let app = make_app(m).await;
    let (status, _, body) = send(&app, get("/api/dashboard", ADMIN)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["stats"][1],
        json!({"title": "Utilisateurs", "value": "40", "change": "Total plateforme", "changeType": "neutral", "color": "blue"})
    );
    assert_eq!(body["recentActivities"][0]["target"], "Jane Doe");
    assert_eq!(body["profileCompletion"], 100);

    let (status, _, body) = send(&app, get("/api/dashboard", EMPLOYER)).await;
    assert_eq!(status, 200, "{body}");
    // 1 of 8 answered: 12.5 rounds half to even.
    assert_eq!(
        body["stats"][3],
        json!({"title": "Taux de réponse", "value": "12%", "change": "12%", "changeType": "increase", "color": "orange"})
    );
    assert_eq!(
        body["recentActivities"],
        json!([{"id": 0, "action": "Bienvenue sur votre dashboard employeur !", "target": "Jane Doe", "time": "À l'instant", "type": "welcome"}])
    );
}

#[actix_web::test]
async fn employer_without_company() {
    let mut m = mocks();
    m.dashboards
        .expect_employer_facts()
        .returning(|_| Ok(Some(EmployerDashboardFacts::NoCompany)));
    let app = make_app(m).await;
    let (status, _, body) = send(&app, get("/api/dashboard", EMPLOYER)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["stats"][0],
        json!({"title": "Entreprise", "value": "Non configurée", "change": "Créez votre entreprise", "changeType": "neutral", "color": "gray"})
    );
    assert_eq!(body["profileCompletion"], 30);
}

#[actix_web::test]
async fn missing_profile_rows_are_404() {
    let mut m = mocks();
    m.dashboards.expect_employer_facts().returning(|_| Ok(None));
    m.dashboards
        .expect_candidate_facts()
        .returning(|_| Ok(None));
    let app = make_app(m).await;
    let (status, _, body) = send(&app, get("/api/dashboard", EMPLOYER)).await;
    assert_eq!(
        (status, body),
        (
            404,
            json!({"detail": "Employeur non trouvé", "code": "employer_not_found"})
        )
    );
    let (status, _, body) = send(&app, get("/api/dashboard", CANDIDATE)).await;
    assert_eq!(
        (status, body),
        (
            404,
            json!({"detail": "Candidat non trouvé", "code": "candidate_not_found"})
        )
    );
}

#[actix_web::test]
async fn a_failure_reveals_nothing() {
    let mut m = mocks();
    m.dashboards.expect_candidate_facts().returning(|_| {
        Err(RepoError::Internal(
            "relation \"jobs\" does not exist".into(),
        ))
    });
    m.dashboards
        .expect_profile_facts()
        .returning(|_| Err(RepoError::Unavailable("pool timed out".into())));
    let app = make_app(m).await;
    let (status, _, body) = send(&app, get("/api/dashboard", CANDIDATE)).await;
    assert_eq!(
        (status, body),
        (
            500,
            json!({"detail": "Internal Server Error", "code": "internal_error"})
        )
    );
    let (status, _, body) = send(&app, get("/api/dashboard/activities", CANDIDATE)).await;
    assert_eq!(
        (status, body["code"].clone()),
        (503, json!("service_unavailable"))
    );
}

#[actix_web::test]
async fn activities_body() {
    let mut m = mocks();
    m.dashboards
        .expect_profile_facts()
        .returning(|u| Ok((u == UserId(1)).then(profile)));
    let app = make_app(m).await;
    let fixed = json!([
        {"id": 1, "action": "Profil créé avec succès", "target": "Jane Doe", "time": "Aujourd'hui", "type": "update"},
        {"id": 2, "action": "Connexion à la plateforme", "target": "Nouvelle session", "time": "Il y a quelques instants", "type": "view"},
    ]);
    let (status, _, body) = send(&app, get("/api/dashboard/activities", EMPLOYER)).await;
    assert_eq!((status, body), (200, fixed.clone()));
    let (status, _, body) = send(&app, get("/api/dashboard/activities", CANDIDATE)).await;
    assert_eq!(status, 200);
    let mut with_score = fixed.as_array().unwrap().clone();
    with_score.push(json!({"id": 3, "action": "Profil en cours de complétion", "target": "53% complété", "time": "En cours", "type": "update"}));
    assert_eq!(body, json!(with_score));
}

#[actix_web::test]
async fn both_routes_need_a_token() {
    let app = make_app(mocks()).await;
    for uri in ["/api/dashboard", "/api/dashboard/activities"] {
        let (status, _, body) = send(&app, TestRequest::get().uri(uri)).await;
        assert_eq!(
            (status, body["code"].clone()),
            (401, json!("authentication_required"))
        );
    }
    let req = TestRequest::post()
        .uri("/api/dashboard")
        .insert_header(bearer(ADMIN));
    let (status, _, _) = send(&app, req).await;
    assert_eq!(status, 405);
}
