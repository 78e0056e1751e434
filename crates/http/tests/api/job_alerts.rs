//! Job alert and contact routes with HEAD's UI bodies: uppercase enums, the trailing-slash POST,
//! scoping to the caller, route order, the unsubscribe link and the contact form.

use actix_web::test::TestRequest;
use intowork_domain::job::{JobType, LocationType};
use intowork_domain::job_alert::{
    AlertCriteria, AlertJob, AlertStats, Frequency, JobAlert, JobAlertId,
};
use intowork_domain::user::Role;
use intowork_domain::{JobId, UserId};
use serde_json::json;

use crate::support::*;

const CANDIDATE: &str = "valid-1-0";
const EMPLOYER: &str = "valid-2-0";

fn mocks() -> Mocks {
    Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(user(2, Role::Employer))
}

fn alert(id: i64, criteria: AlertCriteria, frequency: Frequency) -> JobAlert {
    JobAlert {
        id: JobAlertId(id),
        owner: UserId(1),
        name: "Dev à Dakar".into(),
        criteria,
        frequency,
        is_active: true,
        jobs_sent_count: 0,
        last_sent_at: None,
        last_matching_job_id: None,
        created_at: now(),
        updated_at: now(),
    }
}

fn as_candidate(req: TestRequest) -> TestRequest {
    req.insert_header(bearer(CANDIDATE))
}

#[actix_web::test]
async fn heads_create_body_with_uppercase_enums_is_accepted_on_the_slash_form() {
    let mut m = mocks();
    m.job_alerts
        .expect_create()
        .withf(|a| {
            a.owner == UserId(1)
                && a.name == "Dev à Dakar"
                && a.frequency == Frequency::Daily
                && a.criteria.keywords == ["développeur", "rust"]
                && a.criteria.job_types == [JobType::FullTime]
                && a.criteria.location_types == [LocationType::OnSite]
                && a.criteria.salary_min == Some(300_000)
                && a.now == now()
        })
        .times(1)
        .returning(|a| Ok(alert(5, a.criteria, a.frequency)));
    let app = make_app(m).await;
    // HEAD's page: `keywords.split(',').map(trim)`, undefined fields left out, `DAILY`.
    let body = json!({"name": "Dev à Dakar",
        "criteria": {"keywords": ["développeur", "rust"], "location": "Dakar",
                     "job_types": ["FULL_TIME"], "location_types": ["ON_SITE"],
                     "salary_min": 300000},
        "frequency": "DAILY"});
    let (status, _, out) = send(
        &app,
        as_candidate(TestRequest::post().uri("/api/job-alerts/").set_json(&body)),
    )
    .await;
    assert_eq!(status, 201, "{out}");
    assert_eq!(
        out,
        json!({"id": 5, "user_id": 1, "name": "Dev à Dakar",
               "criteria": {"keywords": ["développeur", "rust"], "location": "Dakar",
                            "job_types": ["full_time"], "location_types": ["on_site"],
                            "salary_min": 300000, "salary_max": null},
               "frequency": "daily", "is_active": true, "jobs_sent_count": 0,
               "last_sent_at": null, "last_matching_job_id": null,
               "created_at": "2026-11-27T10:00:00Z", "updated_at": "2026-11-27T10:00:00Z"})
    );
}

#[actix_web::test]
async fn unknown_enums_and_bad_criteria_are_422_and_nothing_is_stored() {
    let app = make_app(mocks()).await;
    let bad_type = json!({"name": "x", "criteria": {"job_types": ["FULL_TIME", "FREELANCE"]}, "frequency": "DAILY"});
    let (status, _, out) = send(
        &app,
        as_candidate(
            TestRequest::post()
                .uri("/api/job-alerts")
                .set_json(&bad_type),
        ),
    )
    .await;
    assert_eq!(status, 422, "{out}");
    assert_eq!(
        out["detail"][0]["loc"],
        json!(["body", "criteria", "job_types", 1])
    );
    let bad_freq = json!({"name": "x", "criteria": {}, "frequency": "MONTHLY"});
    let (status, _, out) = send(
        &app,
        as_candidate(
            TestRequest::post()
                .uri("/api/job-alerts")
                .set_json(&bad_freq),
        ),
    )
    .await;
    assert_eq!(status, 422, "{out}");
    assert_eq!(out["detail"][0]["loc"], json!(["body", "frequency"]));
    let inverted = json!({"name": "x", "criteria": {"salary_min": 10, "salary_max": 5}});
    let (status, _, out) = send(
        &app,
        as_candidate(
            TestRequest::post()
                .uri("/api/job-alerts")
                .set_json(&inverted),
        ),
    )
    .await;
    assert_eq!(status, 422, "{out}");
    assert_eq!(
        out["detail"][0]["loc"],
        json!(["body", "criteria", "salary_max"])
    );
    let too_many = json!({"name": "x", "criteria": {"keywords": (0..11).map(|i| format!("k{i}")).collect::<Vec<_>>()}});
    let (status, _, _) = send(
        &app,
        as_candidate(
            TestRequest::post()
                .uri("/api/job-alerts")
                .set_json(&too_many),
        ),
    )
    .await;
    assert_eq!(status, 422);
}

#[actix_web::test]
async fn another_candidates_alert_is_404_and_employers_are_403() {
    let mut m = mocks();
    m.job_alerts.expect_get().returning(|_, _| Ok(None));
    m.job_alerts
        .expect_update()
        .returning(|_, _, _, _| Ok(None));
    m.job_alerts.expect_toggle().returning(|_, _, _| Ok(None));
    m.job_alerts.expect_delete().returning(|_, _| Ok(false));
    let app = make_app(m).await;
    for req in [
        TestRequest::get().uri("/api/job-alerts/9"),
        TestRequest::patch()
            .uri("/api/job-alerts/9")
            .set_json(json!({"is_active": true})),
        TestRequest::post().uri("/api/job-alerts/9/toggle"),
        TestRequest::delete().uri("/api/job-alerts/9"),
        TestRequest::get().uri("/api/job-alerts/9/preview?limit=10"),
    ] {
        let (status, _, out) = send(&app, as_candidate(req)).await;
        assert_eq!(status, 404, "{out}");
        assert_eq!(out["detail"], "Job alert not found");
    }
    let (status, _, _) = send(
        &app,
        TestRequest::get()
            .uri("/api/job-alerts")
            .insert_header(bearer(EMPLOYER)),
    )
    .await;
    assert_eq!(status, 403);
    let (status, _, _) = send(&app, TestRequest::get().uri("/api/job-alerts")).await;
    assert_eq!(status, 401);
}

#[actix_web::test]
async fn patch_preview_and_summary_in_heads_shapes() {
    let mut m = mocks();
    m.job_alerts
        .expect_update()
        .withf(|u, id, c, _| {
            *u == UserId(1)
                && *id == JobAlertId(5)
                && c.frequency == Some(Frequency::Weekly)
                && c.is_active == Some(true)
                && c.criteria
                    .as_ref()
                    .is_some_and(|c| c.location_types == [LocationType::Remote])
        })
        .times(1)
        .returning(|_, _, c, _| Ok(Some(alert(5, c.criteria.unwrap(), Frequency::Weekly))));
    m.job_alerts
        .expect_get()
        .returning(|_, _| Ok(Some(alert(5, AlertCriteria::default(), Frequency::Instant))));
    m.job_alerts
        .expect_matching_jobs()
        .withf(|_, limit| *limit == 10)
        .returning(|_, _| {
            Ok(vec![AlertJob {
                id: JobId(3),
                title: "Dev Rust".into(),
                company_name: "Acme".into(),
                location: Some("Dakar".into()),
                location_type: LocationType::Hybrid,
                job_type: JobType::Contract,
                salary_min: Some(100),
                salary_max: None,
                currency: "XOF".into(),
                posted_at: Some(now()),
                company_id: 4,
            }])
        });
    m.job_alerts.expect_stats().returning(|_| {
        Ok(AlertStats {
            total_alerts: 3,
            active_alerts: 2,
            total_jobs_sent: 7,
        })
    });
    let app = make_app(m).await;
    let body = json!({"name": "Dev", "criteria": {"location_types": ["REMOTE"]}, "frequency": "WEEKLY", "is_active": true});
    let (status, _, out) = send(
        &app,
        as_candidate(
            TestRequest::patch()
                .uri("/api/job-alerts/5")
                .set_json(&body),
        ),
    )
    .await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(out["frequency"], "weekly");
    let (status, _, out) = send(
        &app,
        as_candidate(TestRequest::get().uri("/api/job-alerts/5/preview?limit=10")),
    )
    .await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(
        out,
        json!({"alert_id": 5, "total_matches": 1, "matching_jobs": [
            {"id": 3, "title": "Dev Rust", "location": "Dakar", "location_type": "hybrid",
             "job_type": "contract", "salary_min": 100, "salary_max": null,
             "posted_at": "2026-11-27T10:00:00Z", "company_id": 4}]})
    );
    let (status, _, _) = send(
        &app,
        as_candidate(TestRequest::get().uri("/api/job-alerts/5/preview?limit=101")),
    )
    .await;
    assert_eq!(status, 422);
    // A fixed path, never taken for an id.
    let (status, _, out) = send(
        &app,
        as_candidate(TestRequest::get().uri("/api/job-alerts/stats/summary")),
    )
    .await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(
        out,
        json!({"total_alerts": 3, "active_alerts": 2, "inactive_alerts": 1, "total_jobs_sent": 7})
    );
}

#[actix_web::test]
async fn the_unsubscribe_link_needs_no_sign_in_and_refuses_forgeries() {
    let mut m = mocks();
    m.alert_signer
        .expect_verify()
        .returning(|msg, sig| msg == "job-alert-unsubscribe:5" && sig == "good");
    m.job_alerts
        .expect_deactivate()
        .withf(|id, _| *id == JobAlertId(5))
        .times(2)
        .returning(|_, _| Ok(true));
    let app = make_app(m).await;
    let (status, _, out) = send(
        &app,
        TestRequest::get().uri("/api/job-alerts/unsubscribe?token=5.good"),
    )
    .await;
    assert_eq!(status, 200, "{out}");
    assert!(out["detail"].as_str().unwrap().contains("désactivée"));
    // RFC 8058 one-click POST from the mail client.
    let (status, _, _) = send(
        &app,
        TestRequest::post()
            .uri("/api/job-alerts/unsubscribe?token=5.good")
            .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
            .set_payload("List-Unsubscribe=One-Click"),
    )
    .await;
    assert_eq!(status, 200);
    for uri in [
        "/api/job-alerts/unsubscribe?token=5.bad",
        "/api/job-alerts/unsubscribe?token=6.good",
        "/api/job-alerts/unsubscribe",
    ] {
        let (status, _, out) = send(&app, TestRequest::get().uri(uri)).await;
        assert_eq!(status, 400, "{uri}");
        assert_eq!(out["code"], "invalid_unsubscribe_link");
    }
}

#[actix_web::test]
async fn the_contact_form_queues_a_mail_and_is_limited_per_address() {
    let mut m = mocks();
    m.contact_outbox
        .expect_enqueue()
        .withf(|mail, _| mail.to == "contact@intowork.test" && mail.text.contains("Bonjour"))
        .returning(|_, _| Ok(intowork_domain::mail::MessageId::new("x", "y").unwrap()));
    let app = make_app(m).await;
    let body = json!({"name": "Léa", "email": "lea@example.com", "subject": "Partenariat", "message": "Bonjour"});
    let (status, _, out) = send(
        &app,
        TestRequest::post().uri("/api/contact").set_json(&body),
    )
    .await;
    assert_eq!(status, 200, "{out}");
    assert!(out["detail"].is_string());
    for bad in [
        json!({"name": "Léa", "email": "nope", "subject": "s", "message": "m"}),
        json!({"name": "Léa", "email": "lea@example.com", "subject": "s", "message": "   "}),
        json!({"name": "Léa", "email": "lea@example.com", "subject": "s", "message": "x".repeat(5001)}),
        json!({"email": "lea@example.com", "subject": "s", "message": "m"}),
    ] {
        let (status, _, out) = send(
            &app,
            TestRequest::post().uri("/api/contact/").set_json(&bad),
        )
        .await;
        assert_eq!(status, 422, "{bad}: {out}");
    }
    // The per-minute budget of one address (default 5) runs out.
    let mut last = 0;
    for _ in 0..10 {
        last = send(
            &app,
            TestRequest::post().uri("/api/contact").set_json(&body),
        )
        .await
        .0;
    }
    assert_eq!(last, 429);
}
