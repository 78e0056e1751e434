//! The current frontend's calls to outside services this server is not connected to: after the
//! route's own checks, 501 `not_configured` with a French `detail`, whatever the body (the bodies
//! are those HEAD's pages send).

use actix_web::test::TestRequest;
use intowork_domain::user::Role;
use serde_json::json;

use crate::support::{Mocks, bearer, make_app, send, user};

#[actix_rt::test]
async fn integration_and_ai_calls_answer_not_configured_to_their_role() {
    let mocks = Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(user(2, Role::Employer));
    let app = make_app(mocks).await;
    let employer = bearer("valid-2-0");
    let candidate = bearer("valid-1-0");

    // ScheduleInterviewModal's event, as the candidates page posts it.
    let event = json!({"application_id": 7, "title": "Entretien", "description": "",
        "start_time": "2026-12-08T10:00:00", "end_time": "2026-12-08T11:00:00",
        "attendees": ["a@example.com"], "create_meeting_link": true, "timezone": "Africa/Dakar"});
    let req = TestRequest::post()
        .uri("/api/integrations/google-calendar/create-event")
        .insert_header(employer.clone())
        .set_json(event);
    let (status, _, body) = send(&app, req).await;
    assert_eq!(status, 501, "{body}");
    assert_eq!(body["code"], "not_configured");
    assert_eq!(
        body["detail"],
        "Le service Google Agenda n'est pas encore disponible sur ce serveur."
    );

    let req = TestRequest::get()
        .uri("/api/integrations/status")
        .insert_header(candidate.clone());
    let (status, _, body) = send(&app, req).await;
    assert_eq!((status, &body["code"]), (403, &json!("forbidden")));

    let req = TestRequest::get()
        .uri("/api/ai-scoring/candidate/job-matches?limit=5")
        .insert_header(candidate);
    let (status, _, body) = send(&app, req).await;
    assert_eq!((status, &body["code"]), (501, &json!("not_configured")));

    let req = TestRequest::post()
        .uri("/api/ai-scoring/interview-prep")
        .insert_header(employer)
        .set_json(json!({"job_id": 3}));
    let (status, _, _) = send(&app, req).await;
    assert_eq!(status, 403);

    let req = TestRequest::get().uri("/api/integrations/api-key");
    let (status, _, _) = send(&app, req).await;
    assert_eq!(status, 401);
}

#[actix_rt::test]
async fn google_sign_in_answers_not_configured_and_signs_nobody_in() {
    let app = make_app(Mocks::new()).await;
    // What NextAuth's jwt callback posts for a Google account.
    let body = json!({"provider": "google", "provider_account_id": "1234",
        "email": "victim@example.com", "name": "Ada", "image": null, "id_token": "x.y.z"});
    let req = TestRequest::post()
        .uri("/api/auth/oauth/signin")
        .set_json(body);
    let (status, _, body) = send(&app, req).await;
    assert_eq!(status, 501, "{body}");
    assert_eq!(body["code"], "not_configured");
    assert!(body.get("access_token").is_none());
}
