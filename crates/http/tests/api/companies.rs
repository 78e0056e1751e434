//! Employers, companies and onboarding over HTTP, against mock repositories.

use actix_web::test::TestRequest;
use intowork_domain::company::{
    Company, CompanyDetails, CompanyStats, Employer, RegisterEmployerError, SavedCompany,
};
use intowork_domain::user::Role;
use intowork_domain::{CompanyId, EmployerId, UserId};
use serde_json::json;

use crate::support::*;

pub const EMPLOYER: i64 = 2;
const CANDIDATE: i64 = 3;

pub fn employer_row(user: i64, company: Option<i64>) -> Employer {
    Employer {
        id: EmployerId(user * 10),
        user_id: UserId(user),
        company_id: company.map(CompanyId),
        position: Some("RH".into()),
        department: None,
        phone: None,
        can_create_jobs: true,
        can_manage_candidates: true,
        is_admin: false,
    }
}

pub fn company(id: i64) -> Company {
    Company {
        id: CompanyId(id),
        name: "Acme".into(),
        details: CompanyDetails {
            city: Some("Dakar".into()),
            ..CompanyDetails::default()
        },
    }
}

/// A save that released no logo.
pub fn saved(company: Company) -> SavedCompany {
    SavedCompany {
        company,
        released_logo_key: None,
    }
}

pub fn mocks() -> Mocks {
    Mocks::new()
        .with_tokens()
        .with_user(user(EMPLOYER, Role::Employer))
        .with_user(user(CANDIDATE, Role::Candidate))
}

pub fn tok(id: i64) -> (&'static str, String) {
    bearer(&format!("valid-{id}-0"))
}

#[actix_rt::test]
async fn every_companies_route_is_employer_only() {
    let app = make_app(mocks()).await;
    for req in [
        TestRequest::post()
            .uri("/api/companies")
            .set_json(json!({"name": "X"})),
        TestRequest::post()
            .uri("/api/companies/")
            .set_json(json!({"name": "X"})),
        TestRequest::get().uri("/api/companies/my-company"),
        TestRequest::put()
            .uri("/api/companies/my-company")
            .set_json(json!({})),
        TestRequest::get().uri("/api/companies/my-company/stats"),
    ] {
        let (status, _, body) = send(&app, req.insert_header(tok(CANDIDATE))).await;
        assert_eq!(status, 403);
        assert_eq!(body["detail"], "Accès réservé aux employeurs");
    }
}

#[actix_rt::test]
async fn create_answers_201_on_both_paths_and_400_for_a_second_company() {
    let mut m = mocks();
    let mut calls = 0;
    m.companies.expect_employer_by_user().returning(move |_| {
        calls += 1;
        Ok(Some(employer_row(EMPLOYER, (calls > 1).then_some(1))))
    });
    m.companies
        .expect_register_employer()
        .times(1)
        .returning(|_, _, _, _| Ok((employer_row(EMPLOYER, Some(1)), Some(company(1)))));
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/companies")
            .insert_header(tok(EMPLOYER))
            .set_json(json!({"name": "Acme"})),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(
        body,
        json!({"id": 1, "name": "Acme", "description": null, "industry": null, "size": null,
               "website_url": null, "linkedin_url": null, "address": null, "city": "Dakar",
               "country": null, "logo_url": null})
    );
    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/companies/")
            .insert_header(tok(EMPLOYER))
            .set_json(json!({"name": "Again"})),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["detail"], "Vous avez déjà une entreprise");
}

#[actix_rt::test]
async fn update_writes_present_keys_and_rejects_an_empty_name() {
    let mut m = mocks();
    m.companies
        .expect_employer_by_user()
        .returning(|_| Ok(Some(employer_row(EMPLOYER, Some(1)))));
    m.companies
        .expect_find_company()
        .returning(|id| Ok(Some(company(id.get()))));
    m.companies
        .expect_save_company()
        .withf(|c, _| {
            c.name == "Acme"
                && c.details.city.is_none()
                && c.details.website_url.as_deref() == Some("")
                && c.details.size.as_deref() == Some("1-10")
        })
        .times(1)
        .returning(|c, _| Ok(Some(saved(c))));
    let app = make_app(m).await;
    // The frontend sends the whole object back, id included.
    let (status, _, body) = send(
        &app,
        TestRequest::put()
            .uri("/api/companies/my-company")
            .insert_header(tok(EMPLOYER))
            .set_json(json!({"id": 1, "city": null, "website_url": "", "size": "1-10"})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["city"], serde_json::Value::Null);
    for name in [json!(null), json!(""), json!("   ")] {
        let (status, _, body) = send(
            &app,
            TestRequest::put()
                .uri("/api/companies/my-company")
                .insert_header(tok(EMPLOYER))
                .set_json(json!({ "name": name })),
        )
        .await;
        assert_eq!(status, 422, "{name}");
        assert_eq!(body["detail"][0]["loc"], json!(["body", "name"]));
    }
}

#[actix_rt::test]
async fn my_company_and_stats_404_texts() {
    let mut m = mocks();
    m.companies
        .expect_employer_by_user()
        .returning(|_| Ok(Some(employer_row(EMPLOYER, None))));
    let app = make_app(m).await;
    for uri in [
        "/api/companies/my-company",
        "/api/companies/my-company/stats",
    ] {
        let (status, _, body) = send(
            &app,
            TestRequest::get().uri(uri).insert_header(tok(EMPLOYER)),
        )
        .await;
        assert_eq!(status, 404);
        assert_eq!(body["detail"], "Entreprise introuvable");
    }
}

#[actix_rt::test]
async fn stats_shape() {
    let mut m = mocks();
    m.companies
        .expect_employer_by_user()
        .returning(|_| Ok(Some(employer_row(EMPLOYER, Some(1)))));
    m.companies.expect_company_stats().returning(|_| {
        Ok(CompanyStats {
            active_jobs: 1,
            total_jobs: 2,
            total_applications: 3,
            total_employers: 4,
        })
    });
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/companies/my-company/stats")
            .insert_header(tok(EMPLOYER)),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"active_jobs": 1, "total_jobs": 2, "total_applications": 3, "total_employers": 4})
    );
}

#[actix_rt::test]
async fn employer_me_guards_company_id() {
    let mut m = mocks();
    m.companies
        .expect_employer_by_user()
        .returning(|u| Ok((u.get() == EMPLOYER).then(|| employer_row(EMPLOYER, Some(1)))));
    m.companies
        .expect_find_company()
        .returning(|id| Ok((id.get() == 5).then(|| company(5))));
    m.companies.expect_update_employer().returning(|_, u, _| {
        let mut e = employer_row(EMPLOYER, Some(1));
        e.position = u.position;
        Ok(Some(e))
    });
    let app = make_app(m).await;
    let put = |body: serde_json::Value| {
        TestRequest::put()
            .uri("/api/employers/me")
            .insert_header(tok(EMPLOYER))
            .set_json(body)
    };
    let (status, _, body) = send(&app, put(json!({"company_id": 5}))).await;
    assert_eq!(
        (status, body["detail"].clone()),
        (403, json!("Accès refusé à cette entreprise"))
    );
    let (status, _, body) = send(&app, put(json!({"company_id": 6}))).await;
    assert_eq!(
        (status, body["detail"].clone()),
        (404, json!("Entreprise introuvable"))
    );
    let (status, _, body) = send(
        &app,
        put(json!({"company_id": 1, "position": "CTO", "phone": null})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["message"], "Employer profile updated successfully");
    assert_eq!(
        body["employer"],
        json!({"id": 20, "company_id": 1, "position": "CTO", "department": null, "phone": null})
    );
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/employers/me")
            .insert_header(tok(EMPLOYER)),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["can_create_jobs"], true);
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/employers/me")
            .insert_header(tok(CANDIDATE)),
    )
    .await;
    assert_eq!(
        (status, body["detail"].clone()),
        (404, json!("Employer profile not found"))
    );
}

#[actix_rt::test]
async fn complete_registration_for_both_roles() {
    let mut m = mocks();
    m.companies
        .expect_employer_by_user()
        .returning(|_| Ok(Some(employer_row(EMPLOYER, None))));
    m.companies
        .expect_register_employer()
        .returning(|_, _, _, _| Err(RegisterEmployerError::AlreadyHasCompany));
    let app = make_app(m).await;
    let post = |who: i64, body: serde_json::Value| {
        TestRequest::post()
            .uri("/api/auth/complete-registration")
            .insert_header(tok(who))
            .set_json(body)
    };
    let (status, _, body) = send(&app, post(CANDIDATE, json!({"role": "employer"}))).await;
    assert_eq!(
        (status, body["detail"].clone()),
        (400, json!("Rôle incompatible"))
    );
    let (status, _, body) = send(
        &app,
        post(
            EMPLOYER,
            json!({"role": "employer", "company_name": "Acme"}),
        ),
    )
    .await;
    assert_eq!(
        (status, body["detail"].clone()),
        (400, json!("Vous avez déjà une entreprise"))
    );
    let (status, _, _) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/complete-registration")
            .set_json(json!({})),
    )
    .await;
    assert_eq!(status, 401);
}

/// The body's `role` is parsed at the edge in any letter case; a value that names no role gets the
/// mismatch's 400 before anything is written, and an absent or null one is no check.
#[actix_rt::test]
async fn complete_registration_parses_the_body_role() {
    let mut m = mocks();
    m.companies
        .expect_update_candidate_contact()
        .times(3)
        .returning(|u, contact, _| {
            Ok(Some(intowork_domain::company::CandidateContactProfile {
                id: intowork_domain::CandidateId(4),
                user_id: u,
                contact,
            }))
        });
    let app = make_app(m).await;
    let post = |body: serde_json::Value| {
        TestRequest::post()
            .uri("/api/auth/complete-registration")
            .insert_header(tok(CANDIDATE))
            .set_json(body)
    };
    for role in [json!("recruteur"), json!(""), json!("admin")] {
        let (status, _, body) = send(&app, post(json!({"role": role, "title": "Dev"}))).await;
        assert_eq!(
            (status, body["detail"].clone()),
            (400, json!("Rôle incompatible")),
            "{role}"
        );
    }
    // The onboarding page's body, with the role in another letter case, then without a role.
    for body in [
        json!({"role": " Candidate ", "phone": "0601", "location": "Thiès", "title": "Dev"}),
        json!({"role": null, "title": "Dev"}),
        json!({"title": "Dev"}),
    ] {
        let (status, _, res) = send(&app, post(body.clone())).await;
        assert_eq!(
            (status, res["role"].as_str()),
            (200, Some("candidate")),
            "{body}"
        );
        assert_eq!(res["profile"]["title"], "Dev");
    }
}
