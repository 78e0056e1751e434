//! `/api/jobs` over HTTP, against mock repositories.

use actix_web::test::TestRequest;
use chrono::Duration;
use intowork_domain::job::{
    Job, JobCompany, JobFields, JobListing, JobPage, JobStatus, JobType, LocationType,
};
use intowork_domain::ports::Commit;
use intowork_domain::user::Role;
use intowork_domain::{CompanyId, EmployerId, JobId, UserId};
use serde_json::json;

use crate::companies::employer_row;
use crate::support::*;

const EMPLOYER: i64 = 2;
const CANDIDATE: i64 = 3;
const RIVAL: i64 = 4;

fn tok(id: i64) -> (&'static str, String) {
    bearer(&format!("valid-{id}-0"))
}

fn mocks() -> Mocks {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(EMPLOYER, Role::Employer))
        .with_user(user(CANDIDATE, Role::Candidate))
        .with_user(user(RIVAL, Role::Employer));
    m.companies
        .expect_employer_by_user()
        .returning(|u| Ok(Some(employer_row(u.get(), Some(u.get())))));
    m
}

fn listing(id: i64, description: &str) -> JobListing {
    JobListing {
        job: Job {
            id: JobId(id),
            employer_id: EmployerId(EMPLOYER * 10),
            company_id: CompanyId(EMPLOYER),
            fields: JobFields {
                title: "Développeur".into(),
                description: description.into(),
                requirements: Some("Rust".into()),
                responsibilities: None,
                benefits: None,
                job_type: JobType::FullTime,
                location_type: LocationType::Remote,
                location: Some("Dakar".into()),
                salary_min: Some(40_000),
                salary_max: Some(60_000),
                currency: "EUR".into(),
            },
            status: JobStatus::Published,
            is_featured: false,
            views_count: 3,
            applications_count: 2,
            posted_at: Some(now()),
            created_at: now() - Duration::days(1),
            updated_at: now(),
        },
        company: JobCompany {
            name: "Acme".into(),
            industry: Some("Tech".into()),
            ..JobCompany::default()
        },
        has_applied: false,
        owner_user_id: UserId(EMPLOYER),
        owner_active: true,
    }
}

#[actix_rt::test]
async fn list_answers_both_paths_with_truncated_descriptions() {
    let mut m = mocks();
    m.jobs
        .expect_list_public()
        .withf(|q| q.paging.limit == 12 && q.text.as_deref() == Some("developpeur"))
        .returning(|_| {
            Ok(JobPage {
                items: vec![listing(1, &"é".repeat(301))],
                total: 25,
            })
        });
    let app = make_app(m).await;
    for uri in [
        "/api/jobs?page=1&limit=12&search=D%C3%A9veloppeur&location=&job_type=&location_type=",
        "/api/jobs/?limit=12&search=d%C3%A9veloppeur",
    ] {
        let (status, headers, body) = send(&app, TestRequest::get().uri(uri)).await;
        assert_eq!(status, 200, "{uri}: {body}");
        assert!(headers.get("location").is_none());
        assert_eq!(body["total"], 25);
        assert_eq!(body["limit"], 12);
        assert_eq!(body["total_pages"], 3);
        let job = &body["jobs"][0];
        assert_eq!(job["description"], format!("{}...", "é".repeat(300)));
        assert_eq!(job["company_name"], "Acme");
        assert_eq!(job["applications_count"], 2);
        assert_eq!(job["posted_at"], "2026-11-27T10:00:00Z");
        assert_eq!(job["has_applied"], false);
    }
}

#[actix_rt::test]
async fn paging_bounds_are_422_in_the_query() {
    let app = make_app(mocks()).await;
    for (uri, field, kind) in [
        ("/api/jobs?limit=51", "limit", "less_than_equal"),
        ("/api/jobs?limit=0", "limit", "greater_than_equal"),
        ("/api/jobs?page=0", "page", "greater_than_equal"),
        ("/api/jobs?page=x", "page", "int_parsing"),
        ("/api/jobs/stats/recent?days=31", "days", "less_than_equal"),
    ] {
        let (status, _, body) = send(&app, TestRequest::get().uri(uri)).await;
        assert_eq!(status, 422, "{uri}");
        assert_eq!(body["detail"][0]["loc"], json!(["query", field]), "{uri}");
        assert_eq!(body["detail"][0]["type"], kind, "{uri}");
    }
    let (status, _, body) = send(&app, TestRequest::get().uri("/api/jobs/create")).await;
    assert_eq!(status, 422);
    assert_eq!(body["detail"][0]["loc"], json!(["path", "job_id"]));
}

#[actix_rt::test]
async fn my_jobs_is_for_employers_with_full_descriptions() {
    let mut m = mocks();
    m.jobs
        .expect_list_for_employer()
        .withf(|q| q.employer == EmployerId(20) && q.status == Some(JobStatus::Archived))
        .returning(|_| {
            Ok(JobPage {
                items: vec![listing(1, &"x".repeat(400))],
                total: 1,
            })
        });
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/jobs/my-jobs")
            .insert_header(tok(CANDIDATE)),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(
        body["detail"],
        "Seuls les employeurs peuvent accéder à cette ressource"
    );
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/jobs/my-jobs?status_filter=archived&location=x")
            .insert_header(tok(EMPLOYER)),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["jobs"][0]["description"].as_str().unwrap().len(), 400);
}

#[actix_rt::test]
async fn create_checks_role_then_enums() {
    let mut m = mocks();
    m.jobs
        .expect_create()
        .withf(|_, c, f, _| c.get() == EMPLOYER && f.currency == "XOF")
        .returning(|_, _, _, _| Ok(listing(9, "full")));
    let app = make_app(m).await;
    let body = |lt: &str, jt: &str| {
        json!({"title": "Dev", "description": "full", "job_type": jt, "location_type": lt,
               "location": "Dakar", "salary_min": null, "salary_max": 100, "currency": "XOF"})
    };
    let post = |who: i64, b| {
        TestRequest::post()
            .uri("/api/jobs/create")
            .insert_header(tok(who))
            .set_json(b)
    };
    let (status, _, res) = send(&app, post(CANDIDATE, body("remote", "full_time"))).await;
    assert_eq!(
        (status, res["detail"].clone()),
        (403, json!("Seuls les employeurs peuvent créer une offre"))
    );
    let (status, _, res) = send(&app, post(EMPLOYER, body("moon", "gig"))).await;
    assert_eq!(
        (status, res["detail"].clone()),
        (400, json!("Type de lieu invalide: moon"))
    );
    let (status, _, res) = send(&app, post(EMPLOYER, body("remote", "gig"))).await;
    assert_eq!(
        (status, res["detail"].clone()),
        (400, json!("Type de contrat invalide: gig"))
    );
    let (status, _, res) = send(&app, post(EMPLOYER, body("remote", "full_time"))).await;
    assert_eq!(status, 201, "{res}");
    assert_eq!(res["id"], 9);
    assert_eq!(res["description"], "full");
}

#[actix_rt::test]
async fn create_lists_every_problem_of_the_body_at_once() {
    let app = make_app(mocks()).await;
    let (status, _, res) = send(
        &app,
        TestRequest::post()
            .uri("/api/jobs/create")
            .insert_header(tok(EMPLOYER))
            .set_json(json!({"title": "Dev", "salary_min": "lots", "job_type": "full_time"})),
    )
    .await;
    assert_eq!(status, 422, "{res}");
    let found: Vec<_> = res["detail"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["type"].clone(), i["loc"].clone(), i["msg"].clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                json!("missing"),
                json!(["body", "description"]),
                json!("Field required")
            ),
            (
                json!("missing"),
                json!(["body", "location_type"]),
                json!("Field required")
            ),
            (
                json!("int_type"),
                json!(["body", "salary_min"]),
                json!("Input should be a valid integer")
            ),
            (
                json!("missing"),
                json!(["body", "currency"]),
                json!("Field required")
            ),
        ]
    );
    // The same body type serves the update: the same list there.
    let (status, _, again) = send(
        &app,
        TestRequest::put()
            .uri("/api/jobs/9")
            .insert_header(tok(EMPLOYER))
            .set_json(json!({"title": "Dev", "salary_min": "lots", "job_type": "full_time"})),
    )
    .await;
    assert_eq!((status, &again["detail"]), (422, &res["detail"]));
}

#[actix_rt::test]
async fn update_keeps_absent_fields_and_hides_other_employers_jobs() {
    let mut m = mocks();
    m.jobs
        .expect_find()
        .returning(|id| Ok(Some(listing(id.get(), "old").job)));
    m.jobs
        .expect_update()
        .withf(|_, f, _| {
            f.requirements.as_deref() == Some("Rust") && f.location.is_none() && f.title == "New"
        })
        .times(1)
        .returning(|id, f, _| {
            let mut l = listing(id.get(), "x");
            l.job.fields = f;
            Ok(Some(l))
        });
    let app = make_app(m).await;
    // What the job-posts page sends: no requirements, responsibilities or benefits.
    let body = json!({"title": "New", "description": "d", "location": null, "location_type": "remote",
                      "job_type": "full_time", "salary_min": 1, "salary_max": 2, "currency": "EUR"});
    let put = |who: i64| {
        TestRequest::put()
            .uri("/api/jobs/5")
            .insert_header(tok(who))
            .set_json(body.clone())
    };
    let (status, _, res) = send(&app, put(RIVAL)).await;
    assert_eq!(
        (status, res["detail"].clone()),
        (404, json!("Offre introuvable"))
    );
    let (status, _, res) = send(&app, put(EMPLOYER)).await;
    assert_eq!(status, 200, "{res}");
    assert_eq!(res["title"], "New");
    assert_eq!(res["location"], serde_json::Value::Null);
}

#[actix_rt::test]
async fn delete_is_204_and_404_for_others() {
    let mut m = mocks();
    m.jobs
        .expect_find()
        .returning(|id| Ok(Some(listing(id.get(), "old").job)));
    m.jobs.expect_applicants().returning(|_| Ok(Vec::new()));
    m.jobs
        .expect_delete()
        .times(1)
        .returning(|_| Ok(Commit::Done(())));
    let app = make_app(m).await;
    let del = |who: i64| {
        TestRequest::delete()
            .uri("/api/jobs/5")
            .insert_header(tok(who))
    };
    let (status, _, body) = send(&app, del(RIVAL)).await;
    assert_eq!(
        (status, body["detail"].clone()),
        (404, json!("Offre introuvable"))
    );
    let (status, _, body) = send(&app, del(CANDIDATE)).await;
    assert_eq!(
        (status, body["detail"].clone()),
        (
            403,
            json!("Seuls les employeurs peuvent supprimer une offre")
        )
    );
    let (status, _, body) = send(&app, del(EMPLOYER)).await;
    assert_eq!(status, 204);
    assert_eq!(body, serde_json::Value::Null);
}

#[actix_rt::test]
async fn detail_shape_and_visibility() {
    let mut m = mocks();
    m.jobs.expect_find_listing().returning(|id, viewer| {
        let mut l = listing(id.get(), "full");
        if id.get() == 2 {
            l.job.status = JobStatus::Draft;
        }
        l.has_applied = viewer == Some(UserId(CANDIDATE));
        Ok(Some(l))
    });
    m.jobs.expect_record_view().returning(|_| Ok(Some(4)));
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/jobs/1")
            .insert_header(tok(CANDIDATE)),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["views_count"], 4);
    assert_eq!(body["has_applied"], true);
    assert_eq!(body["salary_range"], "40,000 - 60,000 EUR");
    assert_eq!(body["employment_type"], "full_time");
    assert_eq!(body["status"], "published");
    assert_eq!(body["company_industry"], "Tech");
    assert_eq!(body["created_at"], "2026-11-26T10:00:00Z");
    let (status, _, body) = send(&app, TestRequest::get().uri("/api/jobs/2")).await;
    assert_eq!(
        (status, body["detail"].clone()),
        (404, json!("Job not found"))
    );
    let (status, _, _) = send(
        &app,
        TestRequest::get()
            .uri("/api/jobs/2")
            .insert_header(tok(EMPLOYER)),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _, _) = send(
        &app,
        TestRequest::get()
            .uri("/api/jobs/1")
            .insert_header(bearer("bogus")),
    )
    .await;
    assert_eq!(status, 401);
}
