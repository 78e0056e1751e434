//! The current frontend's application calls against mocks (HEAD.md 10.5, 10.8, 10.10): apply with
//! a chosen CV and a channel, the sources widget, the per-job pipeline page and the funnel, with
//! the bodies HEAD's UI sends and reads.

use actix_web::test::TestRequest;
use intowork_domain::application::{
    ApplicationStatus, ApplyTarget, CandidateApplication, CreateApplicationError,
    EmployerApplication, Page,
};
use intowork_domain::company::Employer;
use intowork_domain::dashboard::{FunnelFacts, JobTotal, ReachedGroup};
use intowork_domain::user::Role;
use intowork_domain::{ApplicationId, CandidateId, CompanyId, CvId, EmployerId, JobId, UserId};
use serde_json::{Value, json};

use crate::support::*;

const CANDIDATE: &str = "valid-1-0";
const EMPLOYER: &str = "valid-2-0";

fn mocks() -> Mocks {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(user(2, Role::Employer));
    m.candidates
        .expect_candidate_id()
        .returning(|u| Ok((u == UserId(1)).then_some(CandidateId(4))));
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

fn get(uri: &str, token: &str) -> TestRequest {
    TestRequest::get()
        .uri(uri)
        .insert_header(("Host", "api.intowork.test"))
        .insert_header(bearer(token))
}

#[actix_rt::test]
async fn apply_takes_heads_body_and_refuses_a_cv_that_is_not_an_active_one() {
    let mut m = mocks();
    m.applications.expect_apply_target().returning(|_| {
        Ok(Some(ApplyTarget {
            title: "Dev".into(),
            employer_user_id: UserId(2),
        }))
    });
    m.applications.expect_create().returning(|new, _| {
        if new.cv == Some(CvId(99)) {
            return Err(CreateApplicationError::InvalidCv);
        }
        // The frontend's `?ref=` channel: a plain name is kept, anything else becomes none.
        let expected = if new.cv == Some(CvId(7)) {
            Some("whatsapp")
        } else {
            None
        };
        assert_eq!(new.source_ref.as_deref(), expected, "{new:?}");
        Ok(CandidateApplication {
            id: ApplicationId(9),
            job_id: new.job_id,
            candidate_id: new.candidate_id,
            status: ApplicationStatus::Applied,
            applied_at: now(),
            job: None,
        })
    });
    let app = make_app(m).await;
    let post = |body: Value| {
        TestRequest::post()
            .uri("/api/applications/my/applications")
            .insert_header(bearer(CANDIDATE))
            .set_json(body)
    };
    // `dashboard/jobs/[id]/page.tsx`: {job_id, cover_letter, cv_id, source_ref}.
    let heads =
        json!({"job_id": 5, "cover_letter": "Bonjour", "cv_id": 7, "source_ref": "whatsapp"});
    let (s, _, body) = send(&app, post(heads)).await;
    assert_eq!((s, body["id"].as_i64()), (200, Some(9)), "{body}");
    for bad_channel in [
        json!("<script>"),
        json!(42),
        json!({"a": 1}),
        json!("x".repeat(101)),
    ] {
        let body = json!({"job_id": 5, "cv_id": 8, "source_ref": bad_channel});
        let (s, _, body) = send(&app, post(body)).await;
        assert_eq!(s, 200, "a bad channel is dropped, never refused: {body}");
    }
    let (s, _, body) = send(&app, post(json!({"job_id": 5, "cv_id": 99}))).await;
    assert_eq!(
        (s, body["detail"].as_str(), body["code"].as_str()),
        (400, Some("CV invalide ou introuvable"), Some("invalid_cv"))
    );
    let (s, _, body) = send(&app, post(json!({"job_id": 5, "cv_id": "seven"}))).await;
    assert_eq!(
        (s, &body["detail"][0]["loc"]),
        (422, &json!(["body", "cv_id"]))
    );
}

#[actix_rt::test]
async fn the_sources_widget_reads_heads_shape() {
    let mut m = mocks();
    m.applications
        .expect_source_counts()
        .withf(|e| *e == EmployerId(6))
        .returning(|_| {
            Ok(vec![
                (None, 1),
                (Some("linkedin".into()), 2),
                (Some("direct".into()), 1),
            ])
        });
    let app = make_app(m).await;
    let (s, _, body) = send(
        &app,
        get("/api/applications/employer/applications/sources", EMPLOYER),
    )
    .await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(
        body,
        json!({"sources": [
            {"source": "direct", "label": "Direct", "count": 2, "pct": 50.0, "color": "#7C3AED"},
            {"source": "linkedin", "label": "LinkedIn", "count": 2, "pct": 50.0, "color": "#0A66C2"}
        ], "total": 4})
    );
    let (s, _, body) = send(
        &app,
        get("/api/applications/employer/applications/sources", CANDIDATE),
    )
    .await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (403, Some("Accès réservé aux employeurs"))
    );
}

fn listed(id: i64, cv: Option<i64>) -> EmployerApplication {
    EmployerApplication {
        id: ApplicationId(id),
        job_id: JobId(5),
        job_title: "Dev".into(),
        candidate_id: CandidateId(4),
        candidate_first_name: "Awa".into(),
        candidate_last_name: "Diallo".into(),
        candidate_email: "a@x.com".into(),
        candidate_phone: None,
        status: ApplicationStatus::Shortlisted,
        applied_at: now(),
        cover_letter: None,
        notes: Some("privé".into()),
        cv_id: cv.map(CvId),
    }
}

#[actix_rt::test]
async fn the_pipeline_page_lists_the_owners_job_with_null_scores() {
    let mut m = mocks();
    m.signer
        .expect_sign()
        .returning(|msg| format!("sig[{msg}]"));
    m.applications
        .expect_job_employer()
        .returning(|j| Ok(Some(EmployerId(if j == JobId(5) { 6 } else { 7 }))));
    m.applications
        .expect_list_for_employer()
        .withf(|e, s, j, p| {
            *e == EmployerId(6) && s.is_none() && *j == Some(JobId(5)) && p.limit == 20
        })
        .returning(|_, _, _, _| {
            Ok(Page {
                items: vec![listed(9, Some(3)), listed(8, None)],
                total: 2,
            })
        });
    let app = make_app(m).await;
    // `lib/api/ai-scoring.ts`: `?page=1&limit=20&sort_by_score=true`.
    let uri = "/api/ai-scoring/scored-applications/5?page=1&limit=20&sort_by_score=true";
    let (s, _, body) = send(&app, get(uri, EMPLOYER)).await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(
        (body["total"].as_i64(), body["total_pages"].as_i64()),
        (Some(2), Some(1))
    );
    let first = &body["applications"][0];
    let expires = now().timestamp() + 15 * 60;
    assert_eq!(
        first,
        &json!({"id": 9, "job_id": 5, "candidate_id": 4, "candidate_name": "Awa Diallo",
            "candidate_email": "a@x.com", "status": "shortlisted",
            "applied_at": "2026-11-27T10:00:00Z", "ai_score": null, "ai_score_details": null,
            "ai_analyzed_at": null,
            "cv_url": format!("http://api.intowork.test/api/files/cvs/3?expires={expires}&signature=sig[cv-link:v1:3:{expires}]")})
    );
    assert_eq!(body["applications"][1]["cv_url"], Value::Null);
    // Another employer's job is not found, as a missing one; a candidate is refused.
    let (s, _, body) = send(&app, get("/api/ai-scoring/scored-applications/6", EMPLOYER)).await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (404, Some("Offre introuvable ou non autorisée"))
    );
    let (s, _, _) = send(
        &app,
        get("/api/ai-scoring/scored-applications/5", CANDIDATE),
    )
    .await;
    assert_eq!(s, 403);
    for q in ["?limit=101", "?page=0", "?sort_by_score=maybe"] {
        let uri = format!("/api/ai-scoring/scored-applications/5{q}");
        let (s, _, _) = send(&app, get(&uri, EMPLOYER)).await;
        assert_eq!(s, 422, "{q}");
    }
}

#[actix_rt::test]
async fn the_funnel_reads_heads_shape_and_is_empty_without_a_company() {
    let mut m = mocks().with_user(user(3, Role::Employer));
    m.dashboards.expect_funnel_facts().returning(|u, _| {
        Ok((u == UserId(2)).then(|| FunnelFacts {
            reached: vec![
                ReachedGroup {
                    statuses: vec![
                        ApplicationStatus::Applied,
                        ApplicationStatus::Interview,
                        ApplicationStatus::Accepted,
                    ],
                    applications: 1,
                },
                ReachedGroup {
                    statuses: vec![ApplicationStatus::Applied],
                    applications: 3,
                },
            ],
            interviewed: 1,
            seconds_to_interview: 2.5 * 86_400.0,
            top_jobs: vec![JobTotal {
                job_id: JobId(5),
                title: "Dev".into(),
                total: 4,
            }],
        }))
    });
    let app = make_app(m).await;
    let (s, _, body) = send(&app, get("/api/dashboard/employer-funnel", EMPLOYER)).await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(
        body,
        json!({"funnel": [
            {"status": "applied", "label": "Candidaté", "count": 4, "pct": 100.0},
            {"status": "viewed", "label": "Vue", "count": 1, "pct": 25.0},
            {"status": "shortlisted", "label": "Présélectionné", "count": 1, "pct": 25.0},
            {"status": "interview", "label": "Entretien", "count": 1, "pct": 25.0},
            {"status": "accepted", "label": "Accepté", "count": 1, "pct": 25.0}
        ], "by_job": [{"job_id": 5, "title": "Dev", "total": 4}],
        "conversion_rate": 25.0, "avg_days_to_interview": 2.5})
    );
    // HEAD's answer without a company: the widget hides itself.
    let (s, _, body) = send(&app, get("/api/dashboard/employer-funnel", "valid-3-0")).await;
    assert_eq!(s, 200);
    assert_eq!(
        body,
        json!({"funnel": [], "by_job": [], "conversion_rate": 0.0, "avg_days_to_interview": null})
    );
    let (s, _, body) = send(&app, get("/api/dashboard/employer-funnel", CANDIDATE)).await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (403, Some("Accès réservé aux employeurs"))
    );
}
