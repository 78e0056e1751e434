//! `/api/jobs` over HTTP, against mock repositories.

use actix_web::test::TestRequest;
use chrono::Duration;
use intowork_domain::job::{
    Job, JobCompany, JobFields, JobListing, JobPage, JobSections, JobStatus, JobType, LocationType,
};
use intowork_domain::ports::Commit;
use intowork_domain::user::Role;
use intowork_domain::{CompanyId, EmployerId, JobId, UserId};
use serde_json::json;

use crate::companies::employer_row;
use crate::support::*;

pub const EMPLOYER: i64 = 2;
pub const CANDIDATE: i64 = 3;
pub const RIVAL: i64 = 4;

pub fn tok(id: i64) -> (&'static str, String) {
    bearer(&format!("valid-{id}-0"))
}

pub fn mocks() -> Mocks {
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

pub fn listing(id: i64, description: &str) -> JobListing {
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
                sections: JobSections {
                    context: Some("Une équipe de 12".into()),
                    ..JobSections::default()
                },
                country: Some("SN".into()),
                zone: None,
                language: Some("fr".into()),
            },
            status: JobStatus::Published,
            is_featured: false,
            views_count: 3,
            applications_count: 2,
            posted_at: Some(now()),
            created_at: now() - Duration::days(1),
            updated_at: now(),
            image_key: None,
            linkedin_published_at: None,
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
                items: vec![listing(1, &"é".repeat(301)).summary()],
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
        ("/api/jobs?limit=101", "limit", "less_than_equal"),
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
                items: vec![listing(1, &"x".repeat(400)).summary()],
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
        .withf(|new| new.company_id.get() == EMPLOYER && new.fields.currency == "XOF")
        .returning(|_| Ok(listing(9, "full")));
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
    m.jobs.expect_record_view().returning(|_, _| Ok(Some(4)));
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

const NO_EMPLOYER_ROW: i64 = 5;
const NO_COMPANY: i64 = 6;

/// `mocks()` plus an employer account without an employer row and one without a company.
fn posting_mocks() -> Mocks {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(EMPLOYER, Role::Employer))
        .with_user(user(CANDIDATE, Role::Candidate))
        .with_user(user(RIVAL, Role::Employer))
        .with_user(user(NO_EMPLOYER_ROW, Role::Employer))
        .with_user(user(NO_COMPANY, Role::Employer));
    m.companies.expect_employer_by_user().returning(|u| {
        Ok(match u.get() {
            NO_EMPLOYER_ROW => None,
            NO_COMPANY => Some(employer_row(NO_COMPANY, None)),
            id => Some(employer_row(id, Some(id))),
        })
    });
    m
}

/// What the job-posts page of the first frontend sends.
fn first_frontend_job(location_type: &str, job_type: &str) -> serde_json::Value {
    json!({"title": "Comptable", "description": "Tenue des comptes", "location": "Dakar",
           "location_type": location_type, "job_type": job_type, "salary_min": 300000,
           "salary_max": 500000, "currency": "XOF"})
}

/// What HEAD's job form sends: the structured sections (ignored here) and `XAF`.
fn head_frontend_job(location_type: &str, job_type: &str) -> serde_json::Value {
    json!({"title": "Comptable", "description": "Tenue des comptes", "job_type": job_type,
           "location_type": location_type, "location": null, "salary_min": null, "salary_max": null,
           "currency": "XAF", "context": "Croissance", "mission_principale": "Comptes",
           "profil_formation": "BTS", "profil_experience": "2 ans", "profil_competences": "Sage",
           "profil_posture": "Rigueur", "profil_autre": null})
}

/// CONTRACT 3.6: role, employer row, company, and only then the enums (location type first).
/// The enums are parsed at the edge but a bad one is reported after the use case's checks.
#[actix_rt::test]
async fn create_reports_bad_enums_after_the_employer_and_company_checks() {
    let mut m = posting_mocks();
    m.jobs
        .expect_create()
        .withf(|new| {
            new.employer_id == EmployerId(EMPLOYER * 10)
                && new.company_id.get() == EMPLOYER
                && new.fields.location_type == LocationType::Hybrid
                && new.fields.job_type == JobType::Internship
        })
        .times(2)
        .returning(|new| {
            let mut l = listing(9, "full");
            l.job.fields = new.fields;
            Ok(l)
        });
    let app = make_app(m).await;
    let post = |who: i64, body: serde_json::Value| {
        TestRequest::post()
            .uri("/api/jobs/create")
            .insert_header(tok(who))
            .set_json(body)
    };
    let cases = [
        (
            CANDIDATE,
            "moon",
            "gig",
            403,
            "Seuls les employeurs peuvent créer une offre",
        ),
        (NO_EMPLOYER_ROW, "moon", "gig", 404, "Employeur introuvable"),
        (NO_COMPANY, "moon", "gig", 404, "Entreprise introuvable"),
        (EMPLOYER, "moon", "gig", 400, "Type de lieu invalide: moon"),
        (
            EMPLOYER,
            "remote",
            "gig",
            400,
            "Type de contrat invalide: gig",
        ),
        (
            EMPLOYER,
            "Remote",
            "full_time",
            400,
            "Type de lieu invalide: Remote",
        ),
        (EMPLOYER, "remote", "", 400, "Type de contrat invalide: "),
    ];
    for (who, lt, jt, status, detail) in cases {
        for body in [first_frontend_job(lt, jt), head_frontend_job(lt, jt)] {
            let (s, _, res) = send(&app, post(who, body)).await;
            assert_eq!(
                (s, res["detail"].as_str()),
                (status, Some(detail)),
                "{who} {lt} {jt}"
            );
        }
    }
    for body in [
        first_frontend_job("hybrid", "internship"),
        head_frontend_job("hybrid", "internship"),
    ] {
        let (s, _, res) = send(&app, post(EMPLOYER, body)).await;
        assert_eq!(s, 201, "{res}");
        assert_eq!(
            (res["location_type"].as_str(), res["job_type"].as_str()),
            (Some("hybrid"), Some("internship"))
        );
    }
}

/// CONTRACT 3.6 (PUT): role, job exists, caller owns it (hidden as 404, A6), and only then the
/// enums. An employer without an employer row owns nothing.
#[actix_rt::test]
async fn update_reports_bad_enums_after_the_job_and_owner_checks() {
    let mut m = posting_mocks();
    m.jobs
        .expect_find()
        .returning(|id| Ok((id.get() == 5).then(|| listing(5, "old").job)));
    m.jobs
        .expect_update()
        .withf(|id, f, _| {
            id.get() == 5
                && f.location_type == LocationType::OnSite
                && f.job_type == JobType::Temporary
        })
        .times(2)
        .returning(|id, f, _| {
            let mut l = listing(id.get(), "x");
            l.job.fields = f;
            Ok(Some(l))
        });
    let app = make_app(m).await;
    let put = |who: i64, job: i64, body: serde_json::Value| {
        TestRequest::put()
            .uri(&format!("/api/jobs/{job}"))
            .insert_header(tok(who))
            .set_json(body)
    };
    let cases = [
        (
            CANDIDATE,
            5,
            "moon",
            "gig",
            403,
            "Seuls les employeurs peuvent mettre à jour une offre",
        ),
        (EMPLOYER, 6, "moon", "gig", 404, "Offre introuvable"),
        (RIVAL, 5, "moon", "gig", 404, "Offre introuvable"),
        (NO_EMPLOYER_ROW, 5, "moon", "gig", 404, "Offre introuvable"),
        (
            EMPLOYER,
            5,
            "moon",
            "gig",
            400,
            "Type de lieu invalide: moon",
        ),
        (
            EMPLOYER,
            5,
            "on_site",
            "freelance",
            400,
            "Type de contrat invalide: freelance",
        ),
    ];
    for (who, job, lt, jt, status, detail) in cases {
        for body in [first_frontend_job(lt, jt), head_frontend_job(lt, jt)] {
            let (s, _, res) = send(&app, put(who, job, body)).await;
            assert_eq!(
                (s, res["detail"].as_str()),
                (status, Some(detail)),
                "{who} {job} {lt} {jt}"
            );
        }
    }
    for body in [
        first_frontend_job("on_site", "temporary"),
        head_frontend_job("on_site", "temporary"),
    ] {
        let (s, _, res) = send(&app, put(EMPLOYER, 5, body)).await;
        assert_eq!(s, 200, "{res}");
        assert_eq!(res["job_type"], "temporary");
    }
}

/// The list filters are parsed at the edge: exact values filter, anything else (another letter
/// case, an empty select, a value of another frontend) is no filter and no error.
#[actix_rt::test]
async fn list_filters_take_exact_enum_values_and_ignore_the_rest() {
    use std::sync::{Arc, Mutex};
    type Seen = Vec<(Option<JobType>, Option<LocationType>, Option<i32>)>;
    let seen: Arc<Mutex<Seen>> = Arc::default();
    let statuses: Arc<Mutex<Vec<Option<JobStatus>>>> = Arc::default();
    let mut m = mocks();
    let record = seen.clone();
    m.jobs.expect_list_public().returning(move |q| {
        record
            .lock()
            .unwrap()
            .push((q.job_type, q.location_type, q.salary_min));
        Ok(JobPage::default())
    });
    let record = statuses.clone();
    m.jobs.expect_list_for_employer().returning(move |q| {
        record.lock().unwrap().push(q.status);
        Ok(JobPage::default())
    });
    let app = make_app(m).await;
    for uri in [
        "/api/jobs?job_type=full_time&location_type=remote&salary_min=100",
        "/api/jobs?job_type=FULL_TIME&location_type=moon",
        "/api/jobs?page=1&limit=10&search=&location=&job_type=&location_type=",
        "/api/jobs?page=1&limit=10&job_type=internship&location_type=hybrid&salary_min=0&country=SN&currency=XAF&language=fr",
    ] {
        let (status, _, body) = send(&app, TestRequest::get().uri(uri)).await;
        assert_eq!(status, 200, "{uri}: {body}");
    }
    assert_eq!(
        *seen.lock().unwrap(),
        [
            (
                Some(JobType::FullTime),
                Some(LocationType::Remote),
                Some(100)
            ),
            (None, None, None),
            (None, None, None),
            (Some(JobType::Internship), Some(LocationType::Hybrid), None),
        ]
    );
    for uri in [
        "/api/jobs/my-jobs?status_filter=draft",
        "/api/jobs/my-jobs?status_filter=DRAFT",
        "/api/jobs/my-jobs?status_filter=pending&location=x&job_type=y&location_type=z",
        "/api/jobs/my-jobs?status_filter=",
    ] {
        let req = TestRequest::get().uri(uri).insert_header(tok(EMPLOYER));
        let (status, _, body) = send(&app, req).await;
        assert_eq!(status, 200, "{uri}: {body}");
    }
    assert_eq!(
        *statuses.lock().unwrap(),
        [Some(JobStatus::Draft), None, None, None]
    );
}
