//! Email-template routes with the bodies HEAD's page sends: shapes, both slash forms, route
//! order, employer only, another company's template not found, an unknown variable named.

use actix_web::test::TestRequest;
use intowork_domain::company::Employer;
use intowork_domain::email_template::{EmailTemplate, TemplateId, TemplateType, UsageStats};
use intowork_domain::user::Role;
use intowork_domain::{CompanyId, EmployerId, UserId};
use serde_json::json;

use crate::support::*;

const EMPLOYER: &str = "valid-2-0";
const CANDIDATE: &str = "valid-1-0";

fn mocks() -> Mocks {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(user(2, Role::Employer));
    m.companies.expect_employer_by_user().returning(|u| {
        Ok((u == UserId(2)).then_some(Employer {
            id: EmployerId(6),
            user_id: UserId(2),
            company_id: Some(CompanyId(1)),
            position: None,
            department: None,
            phone: None,
            can_create_jobs: true,
            can_manage_candidates: true,
            is_admin: false,
        }))
    });
    m
}

fn template(id: i64) -> EmailTemplate {
    EmailTemplate {
        id: TemplateId(id),
        company_id: CompanyId(1),
        created_by: Some(UserId(2)),
        name: "Invitation".into(),
        kind: TemplateType::InterviewInvitation,
        subject: "Entretien {job_title}".into(),
        body: "<p>Bonjour {candidate_name}</p>".into(),
        is_active: true,
        is_default: true,
        usage_count: 3,
        created_at: now(),
        updated_at: now(),
        last_used_at: None,
    }
}

/// What HEAD's form posts (`formData`).
fn form() -> serde_json::Value {
    json!({
        "name": "Invitation",
        "type": "interview_invitation",
        "subject": "Entretien {job_title}",
        "body": "<p>Bonjour {candidate_name}</p>",
        "is_default": true
    })
}

#[actix_web::test]
async fn the_list_answers_both_slash_forms_in_heads_shape() {
    let mut m = mocks();
    m.templates
        .expect_list()
        .withf(|c, k, a| *c == CompanyId(1) && k.is_none() && a.is_none())
        .times(2)
        .returning(|_, _, _| Ok(vec![template(4)]));
    let app = make_app(m).await;
    for uri in ["/api/email-templates", "/api/email-templates/"] {
        let req = TestRequest::get().uri(uri).insert_header(bearer(EMPLOYER));
        let (status, _, body) = send(&app, req).await;
        assert_eq!(status, 200, "{uri}");
        assert_eq!(
            body,
            json!([{
                "id": 4, "company_id": 1, "created_by_user_id": 2, "name": "Invitation",
                "type": "interview_invitation", "subject": "Entretien {job_title}",
                "body": "<p>Bonjour {candidate_name}</p>", "is_active": true, "is_default": true,
                "usage_count": 3, "created_at": "2026-11-27T10:00:00Z",
                "updated_at": "2026-11-27T10:00:00Z", "last_used_at": null
            }])
        );
    }
}

#[actix_web::test]
async fn creating_with_heads_form_is_201_and_reaches_the_company() {
    let mut m = mocks();
    m.templates
        .expect_create()
        .withf(|n| {
            n.company == CompanyId(1)
                && n.author == UserId(2)
                && n.draft.kind == TemplateType::InterviewInvitation
                && n.draft.is_default
        })
        .times(1)
        .returning(|_| Ok(template(7)));
    let app = make_app(m).await;
    for uri in ["/api/email-templates"] {
        let req = TestRequest::post()
            .uri(uri)
            .insert_header(bearer(EMPLOYER))
            .set_json(form());
        let (status, _, body) = send(&app, req).await;
        assert_eq!(status, 201);
        assert_eq!(body["id"], 7);
    }
}

#[actix_web::test]
async fn an_unknown_variable_is_a_400_naming_it_and_nothing_is_written() {
    let mut m = mocks();
    m.templates.expect_create().never();
    m.templates.expect_update().never();
    let app = make_app(m).await;
    let mut bad = form();
    bad["body"] = json!("<p>Bonjour {not_a_variable}</p>");
    let req = TestRequest::post()
        .uri("/api/email-templates/")
        .insert_header(bearer(EMPLOYER))
        .set_json(bad);
    let (status, _, body) = send(&app, req).await;
    assert_eq!(status, 400);
    assert_eq!(body["code"], "unknown_variable");
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("{not_a_variable}")
    );

    let req = TestRequest::patch()
        .uri("/api/email-templates/4")
        .insert_header(bearer(EMPLOYER))
        .set_json(json!({"subject": "Salut {prenom}"}));
    let (status, _, body) = send(&app, req).await;
    assert_eq!(status, 400);
    assert!(body["detail"].as_str().unwrap().contains("{prenom}"));
}

#[actix_web::test]
async fn an_unknown_type_or_empty_name_is_a_422() {
    let mut m = mocks();
    m.templates.expect_create().never();
    let app = make_app(m).await;
    let mut bad = form();
    bad["type"] = json!("OFFER");
    let req = TestRequest::post()
        .uri("/api/email-templates")
        .insert_header(bearer(EMPLOYER))
        .set_json(bad);
    let (status, _, body) = send(&app, req).await;
    assert_eq!(status, 422);
    assert_eq!(body["detail"][0]["loc"], json!(["body", "type"]));
    let mut bad = form();
    bad["name"] = json!("");
    let req = TestRequest::post()
        .uri("/api/email-templates")
        .insert_header(bearer(EMPLOYER))
        .set_json(bad);
    let (status, _, body) = send(&app, req).await;
    assert_eq!(status, 422);
    assert_eq!(body["detail"][0]["type"], "string_too_short");
}

#[actix_web::test]
async fn fixed_paths_are_not_taken_for_ids() {
    let mut m = mocks();
    m.templates.expect_find().never();
    m.templates
        .expect_types_in_use()
        .returning(|_| Ok(vec![TemplateType::OfferLetter]));
    m.templates.expect_usage().returning(|_| {
        Ok(UsageStats {
            total: 3,
            active: 2,
            total_usage: 9,
            most_used: Some((TemplateId(4), "Invitation".into(), 6)),
        })
    });
    let app = make_app(m).await;
    let get = |uri: &str| TestRequest::get().uri(uri).insert_header(bearer(EMPLOYER));

    let (status, _, body) = send(&app, get("/api/email-templates/variables")).await;
    assert_eq!(status, 200);
    assert_eq!(body["variables"].as_array().unwrap().len(), 15);
    assert_eq!(body["variables"][0], "{candidate_name}");
    assert_eq!(
        body["descriptions"]["{candidate_name}"],
        "Nom complet du candidat"
    );

    let (status, _, body) = send(&app, get("/api/email-templates/defaults")).await;
    assert_eq!(status, 200);
    let offer = body
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["type"] == "offer_letter")
        .unwrap();
    assert_eq!(offer["already_activated"], true);
    assert!(body[0]["body"].as_str().unwrap().contains("Bonjour"));

    let (status, _, body) = send(&app, get("/api/email-templates/stats/usage")).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({
            "total_templates": 3, "active_templates": 2, "inactive_templates": 1,
            "total_usage": 9,
            "most_used_template": {"id": 4, "name": "Invitation", "usage_count": 6}
        })
    );
}

#[actix_web::test]
async fn activate_duplicate_and_delete() {
    let mut m = mocks();
    m.templates
        .expect_create()
        .withf(|n| n.draft.kind == TemplateType::OfferLetter && n.draft.is_default)
        .times(1)
        .returning(|_| Ok(template(8)));
    m.templates
        .expect_find()
        .returning(|c, id| Ok((c == CompanyId(1) && id == TemplateId(4)).then(|| template(4))));
    m.templates
        .expect_create()
        .withf(|n| n.draft.name == "Invitation (Copie)" && !n.draft.is_default)
        .times(1)
        .returning(|_| Ok(template(9)));
    m.templates
        .expect_delete()
        .returning(|c, id| Ok(c == CompanyId(1) && id == TemplateId(4)));
    let app = make_app(m).await;
    let post = |uri: &str| TestRequest::post().uri(uri).insert_header(bearer(EMPLOYER));

    let req = post("/api/email-templates/defaults/offer_letter/activate");
    assert_eq!(send(&app, req).await.0, 201);
    let req = post("/api/email-templates/defaults/nope/activate");
    assert_eq!(send(&app, req).await.0, 422);
    let (status, _, body) = send(&app, post("/api/email-templates/4/duplicate")).await;
    assert_eq!((status, body["id"].clone()), (200, json!(9)));
    // Another company's template (or none) is not found.
    let (status, _, body) = send(&app, post("/api/email-templates/5/duplicate")).await;
    assert_eq!(
        (status, body["detail"].clone()),
        (404, json!("Template not found"))
    );
    let del = |uri: &str| {
        TestRequest::delete()
            .uri(uri)
            .insert_header(bearer(EMPLOYER))
    };
    assert_eq!(send(&app, del("/api/email-templates/4")).await.0, 204);
    assert_eq!(send(&app, del("/api/email-templates/5")).await.0, 404);
}

#[actix_web::test]
async fn a_candidate_is_refused() {
    let mut m = mocks();
    m.templates.expect_list().never();
    let app = make_app(m).await;
    let req = TestRequest::get()
        .uri("/api/email-templates")
        .insert_header(bearer(CANDIDATE));
    assert_eq!(send(&app, req).await.0, 403);
    let req = TestRequest::get().uri("/api/email-templates");
    assert_eq!(send(&app, req).await.0, 401);
}
