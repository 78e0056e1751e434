//! The pipeline page's quick message with the body HEAD's `QuickMessageModal` sends.

use actix_web::test::TestRequest;
use intowork_domain::application::{ApplicationOwner, ApplicationStatus};
use intowork_domain::company::Employer;
use intowork_domain::limits::RateBudgets;
use intowork_domain::user::Role;
use intowork_domain::{ApplicationId, CompanyId, EmployerId, JobId, UserId};
use intowork_http::HttpSettings;
use serde_json::json;

use crate::support::*;

const EMPLOYER: &str = "valid-2-0";
const URI: &str = "/api/applications/employer/applications/9/quick-message";

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
    m.applications.expect_owner_of().returning(|id| {
        Ok(match id.get() {
            9 => Some(ApplicationOwner {
                employer_id: EmployerId(6),
                job_id: JobId(5),
                job_title: "Dev".into(),
                candidate_user_id: UserId(1),
            }),
            8 => Some(ApplicationOwner {
                employer_id: EmployerId(99),
                job_id: JobId(8),
                job_title: "Other".into(),
                candidate_user_id: UserId(1),
            }),
            _ => None,
        })
    });
    m
}

fn heads_body() -> serde_json::Value {
    json!({
        "status": "interview",
        "subject": "Invitation à un entretien — Dev",
        "message": "Bonjour Awa,\n\n<script>alert(1)</script>"
    })
}

fn post(uri: &str, body: serde_json::Value) -> TestRequest {
    TestRequest::post()
        .uri(uri)
        .insert_header(bearer(EMPLOYER))
        .set_json(body)
}

#[actix_web::test]
async fn the_owner_changes_the_status_and_queues_a_plain_text_mail() {
    let mut m = mocks();
    m.applications
        .expect_quick_message()
        .withf(|id, u, _, msg| {
            *id == ApplicationId(9)
                && u.status == ApplicationStatus::Interview
                && u.candidate_mail.is_none()
                && msg
                    .text
                    .starts_with("Bonjour Awa,\n\n<script>alert(1)</script>")
                && msg.mail("c@x.test").html.is_none()
        })
        .times(1)
        .returning(|_, _, _, _| Ok(Some(true)));
    let app = make_app(m).await;
    let (s, _, body) = send(&app, post(URI, heads_body())).await;
    assert_eq!(
        (s, body),
        (
            200,
            json!({
                "message": "Statut mis à jour et email envoyé", "application_id": 9,
                "new_status": "interview", "email_sent": true
            })
        )
    );
}

#[actix_web::test]
async fn refusals_write_nothing() {
    let mut m = mocks();
    m.applications.expect_quick_message().never();
    let app = make_app(m).await;
    let other = "/api/applications/employer/applications/8/quick-message";
    assert_eq!(send(&app, post(other, heads_body())).await.0, 403);
    let gone = "/api/applications/employer/applications/7/quick-message";
    assert_eq!(send(&app, post(gone, heads_body())).await.0, 404);
    let mut bad = heads_body();
    bad["status"] = json!("pending");
    let (s, _, body) = send(&app, post(URI, bad)).await;
    assert_eq!((s, body["code"].as_str()), (400, Some("invalid_status")));
    let mut blank = heads_body();
    blank["message"] = json!("  ");
    assert_eq!(send(&app, post(URI, blank)).await.0, 422);
    let candidate = TestRequest::post()
        .uri(URI)
        .insert_header(bearer("valid-1-0"))
        .set_json(heads_body());
    assert_eq!(send(&app, candidate).await.0, 403);
}

#[actix_web::test]
async fn quick_messages_are_rate_limited_per_employer() {
    let mut m = mocks();
    m.applications
        .expect_quick_message()
        .times(2)
        .returning(|_, _, _, _| Ok(Some(false)));
    let app = app_with_limits(m, HttpSettings::default(), RateBudgets::new(10, 2)).await;
    for _ in 0..2 {
        let (s, _, body) = send(&app, post(URI, heads_body())).await;
        assert_eq!((s, body["message"].as_str()), (200, Some("Email envoyé")));
    }
    assert_eq!(send(&app, post(URI, heads_body())).await.0, 429);
}
