//! Profile routes with the bodies the real frontend sends (CONTRACT 4.1 calls 11–17).

use actix_web::test::TestRequest;
use intowork_domain::candidate::{
    CandidateProfile, CurrentCv, Education, Experience, ItemKind, Period, Skill, SkillCategory,
    SkillLevel,
};
use intowork_domain::user::Role;
use intowork_domain::{CandidateId, CvId, UserId};
use serde_json::json;

use crate::support::*;

pub fn profile() -> CandidateProfile {
    CandidateProfile {
        id: CandidateId(4),
        user_id: UserId(1),
        phone: Some("+33 6".into()),
        location: None,
        linkedin_url: None,
        website_url: None,
        title: Some("Dev".into()),
        summary: Some("Rustacean".into()),
        years_experience: Some(3),
        salary_expectation_min: None,
        salary_expectation_max: None,
        current_cv: Some(CurrentCv {
            id: CvId(9),
            filename: "cv.pdf".into(),
            uploaded_at: now(),
        }),
        experiences: vec![Experience {
            id: 1,
            title: "Dev".into(),
            company: "ACME".into(),
            location: None,
            period: Period {
                start_date: "2020-01".into(),
                end_date: None,
                is_current: true,
            },
            description: None,
        }],
        educations: vec![Education {
            id: 2,
            degree: "MSc".into(),
            school: "EPFL".into(),
            field_of_study: Some("CS".into()),
            location: None,
            period: Period {
                start_date: "2015".into(),
                end_date: Some("".into()),
                is_current: false,
            },
            description: None,
        }],
        skills: vec![Skill {
            id: 3,
            name: "Rust".into(),
            level: SkillLevel::new(4).unwrap(),
            category: SkillCategory::Technical,
        }],
    }
}

pub fn candidate_mocks() -> Mocks {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(user(2, Role::Employer));
    m.candidates
        .expect_candidate_id()
        .returning(|u| Ok((u == UserId(1)).then_some(CandidateId(4))));
    m
}

pub const CANDIDATE: &str = "valid-1-0";
const EMPLOYER: &str = "valid-2-0";

#[actix_rt::test]
async fn profile_reads_the_way_the_frontend_reads_it() {
    let mut m = candidate_mocks();
    m.candidates
        .expect_load_or_create()
        .returning(|_, _| Ok(profile()));
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/candidates/profile")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["summary"], "Rustacean");
    assert_eq!(body["bio"], "Rustacean");
    assert_eq!(body["education"], body["educations"]);
    assert_eq!(body["education"][0]["institution"], "EPFL");
    assert_eq!(body["education"][0]["school"], "EPFL");
    assert_eq!(
        body["skills"][0],
        json!({"id": 3, "name": "Rust", "level": 4, "category": "technical"})
    );
    assert_eq!(body["cv_url"], "/api/candidates/4/cv");
    assert_eq!(body["cv_filename"], "cv.pdf");
    assert_eq!(body["cv_uploaded_at"], "2026-11-27T10:00:00Z");
    assert_eq!(body["experiences"][0]["is_current"], true);
}

#[actix_rt::test]
async fn other_roles_and_anonymous_callers_are_refused_without_creating_rows() {
    let mut m = candidate_mocks();
    m.candidates.expect_load_or_create().never();
    m.candidates.expect_update_profile().never();
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/candidates/profile")
            .insert_header(bearer(EMPLOYER)),
    )
    .await;
    assert_eq!(
        (status, body["detail"].as_str().unwrap()),
        (403, "Seuls les candidats peuvent accéder à cette ressource")
    );
    let (status, _, body) = send(
        &app,
        TestRequest::put()
            .uri("/api/candidates/profile")
            .insert_header(bearer(EMPLOYER))
            .set_json(json!({})),
    )
    .await;
    assert_eq!(
        (status, body["detail"].as_str().unwrap()),
        (403, "Seuls les candidats peuvent modifier leur profil")
    );
    // Calls 12 and 14: the settings page sends no token.
    let (status, _, body) = send(&app, TestRequest::get().uri("/api/candidates/profile")).await;
    assert_eq!(
        (status, body["detail"].as_str().unwrap()),
        (401, "Authentication required")
    );
    let (status, _, body) = send(
        &app,
        TestRequest::put()
            .uri("/api/candidates/profile")
            .set_json(json!({"bio": "x", "website": "y"})),
    )
    .await;
    assert_eq!(
        (status, body["detail"].as_str().unwrap()),
        (401, "Authentication required")
    );
}

#[actix_rt::test]
async fn saving_the_whole_profile_object_ignores_server_managed_fields() {
    let mut m = candidate_mocks();
    m.candidates
        .expect_update_profile()
        .withf(|u, upd, _| {
            *u == UserId(1)
                && upd.summary == Some(Some("Rustacean".into()))
                && upd.phone == Some(None)
                && upd.location.is_none()
                && upd.years_experience == Some(Some(4))
        })
        .times(1)
        .returning(|_, _, _| Ok(profile()));
    let app = make_app(m).await;
    // Call 13: the profile page sends back what it read, with its own extras.
    let (status, _, _) = send(
        &app,
        TestRequest::put().uri("/api/candidates/profile").insert_header(bearer(CANDIDATE)).set_json(json!({
            "id": 4, "user_id": 1, "phone": null, "title": "Dev", "summary": "Rustacean",
            "years_experience": 4, "cv_url": "/etc/passwd", "cv_filename": "x", "cv_uploaded_at": "2020-01-01T00:00:00Z",
            "website": "https://x", "github_url": "https://github.com/x", "experiences": [], "education": [], "skills": []
        })),
    )
    .await;
    assert_eq!(status, 200);
}

#[actix_rt::test]
async fn bio_is_an_alias_of_summary() {
    let mut m = candidate_mocks();
    m.candidates
        .expect_update_profile()
        .withf(|_, upd, _| upd.summary == Some(Some("From settings".into())))
        .times(1)
        .returning(|_, _, _| Ok(profile()));
    let app = make_app(m).await;
    let (status, _, _) = send(
        &app,
        TestRequest::put()
            .uri("/api/candidates/profile")
            .insert_header(bearer(CANDIDATE))
            .set_json(json!({"bio": "From settings", "first_name": "ignored"})),
    )
    .await;
    assert_eq!(status, 200);
}

#[actix_rt::test]
async fn items_accept_the_frontends_bodies() {
    let mut m = candidate_mocks();
    m.candidates
        .expect_add_experience()
        .withf(|c, f, _| {
            *c == CandidateId(4)
                && f.period.end_date == Some(Some(String::new()))
                && f.period.is_current == Some(true)
        })
        .returning(|_, _, _| Ok(profile().experiences[0].clone()));
    m.candidates
        .expect_add_education()
        .withf(|_, f, _| {
            f.school == "EPFL"
                && f.field_of_study == Some(Some("CS".into()))
                && f.period.is_current == Some(false)
        })
        .returning(|_, _, _| Ok(profile().educations[0].clone()));
    m.candidates
        .expect_add_skill()
        .withf(|_, f, _| f.level.get() == 3 && f.category == SkillCategory::Technical)
        .returning(|_, _, _| Ok(profile().skills[0].clone()));
    let app = make_app(m).await;
    let post = |uri: &str, body: serde_json::Value| {
        TestRequest::post()
            .uri(uri)
            .insert_header(bearer(CANDIDATE))
            .set_json(body)
    };
    // Call 15.
    let (status, _, _) = send(&app, post("/api/candidates/profile/experiences", json!({
        "title": "Dev", "company": "ACME", "location": "", "start_date": "2020-01", "end_date": "",
        "is_current": true, "description": ""
    }))).await;
    assert_eq!(status, 200);
    // Call 16: `institution`, `field_of_study`, `is_current`.
    let (status, _, body) = send(&app, post("/api/candidates/profile/education", json!({
        "degree": "MSc", "institution": "EPFL", "field_of_study": "CS", "start_date": "2015",
        "end_date": "", "is_current": false, "description": ""
    }))).await;
    assert_eq!((status, body["institution"].as_str()), (200, Some("EPFL")));
    // Call 17: word levels and French categories.
    let (status, _, _) = send(
        &app,
        post(
            "/api/candidates/profile/skills",
            json!({
                "name": "Rust", "level": "advanced", "category": "technique"
            }),
        ),
    )
    .await;
    assert_eq!(status, 200);
}

#[actix_rt::test]
async fn item_validation_errors_are_422() {
    let app = make_app(candidate_mocks()).await;
    let post = |uri: &str, body: serde_json::Value| {
        TestRequest::post()
            .uri(uri)
            .insert_header(bearer(CANDIDATE))
            .set_json(body)
    };
    let (status, _, body) = send(
        &app,
        post(
            "/api/candidates/profile/education",
            json!({"degree": "MSc", "start_date": "2015"}),
        ),
    )
    .await;
    assert_eq!(
        (status, &body["detail"][0]["loc"]),
        (422, &json!(["body", "school"]))
    );
    for (level, kind) in [
        (json!(7), "less_than_equal"),
        (json!(0), "greater_than_equal"),
        (json!("guru"), "enum"),
        (json!(null), "enum"),
    ] {
        let (status, _, body) = send(
            &app,
            post(
                "/api/candidates/profile/skills",
                json!({"name": "Rust", "level": level, "category": "soft"}),
            ),
        )
        .await;
        assert_eq!(
            (status, body["detail"][0]["type"].as_str().unwrap()),
            (422, kind)
        );
        assert_eq!(body["detail"][0]["loc"], json!(["body", "level"]));
    }
    let (status, _, body) = send(
        &app,
        post(
            "/api/candidates/profile/skills",
            json!({"name": "Rust", "level": 2, "category": "cooking"}),
        ),
    )
    .await;
    assert_eq!(
        (status, body["detail"][0]["type"].as_str().unwrap()),
        (422, "enum")
    );
    let (status, _, body) = send(
        &app,
        TestRequest::delete()
            .uri("/api/candidates/profile/skills/abc")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["detail"][0]["loc"], json!(["path", "skill_id"]));
    assert_eq!(body["detail"][0]["type"], "int_parsing");
}

#[actix_rt::test]
async fn items_of_others_are_not_found_and_skills_can_be_deleted() {
    let mut m = candidate_mocks();
    m.candidates
        .expect_delete_item()
        .returning(|c, kind, id| Ok(c == CandidateId(4) && kind == ItemKind::Skill && id == 3));
    m.candidates
        .expect_update_experience()
        .returning(|_, _, _, _| Ok(None));
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::delete()
            .uri("/api/candidates/profile/skills/3")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!(
        (status, body),
        (200, json!({"message": "Compétence supprimée avec succès"}))
    );
    let (status, _, _) = send(
        &app,
        TestRequest::delete()
            .uri("/api/candidates/profile/skills/4")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _, _) = send(
        &app,
        TestRequest::delete()
            .uri("/api/candidates/profile/education/3")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _, _) = send(
        &app,
        TestRequest::put()
            .uri("/api/candidates/profile/experiences/77")
            .insert_header(bearer(CANDIDATE))
            .set_json(json!({"title": "t", "company": "c", "start_date": "s"})),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _, body) = send(
        &app,
        TestRequest::delete()
            .uri("/api/candidates/profile/skills/3")
            .insert_header(bearer(EMPLOYER)),
    )
    .await;
    assert_eq!((status, body["detail"].as_str()), (403, Some("Forbidden")));
}
