//! The current frontend's job form over HTTP (HEAD.md 10.3): the bodies its job-posts page sends,
//! the sections and codes in every shape, absent vs null on update, the list filters and `limit`.

use actix_web::test::TestRequest;
use intowork_domain::job::{JobPage, JobSections};
use intowork_http::HttpSettings;
use serde_json::{Value, json};

use crate::jobs::{CANDIDATE, EMPLOYER, listing, mocks, tok};
use crate::support::*;

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/api/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

const SECTIONS: [&str; 7] = [
    "context",
    "mission_principale",
    "profil_formation",
    "profil_experience",
    "profil_competences",
    "profil_posture",
    "profil_autre",
];

#[actix_rt::test]
async fn the_current_create_body_keeps_its_sections() {
    let sent = fixture("job_create_current.json");
    let mut m = mocks();
    m.jobs
        .expect_create()
        .withf(|new| {
            let f = &new.fields;
            f.currency == "XAF"
                && f.salary_min == Some(800_000)
                && f.sections.profil_autre.as_deref() == Some("Permis B exigé.")
                && f.sections
                    .context
                    .as_deref()
                    .is_some_and(|c| c.starts_with("PME"))
                && f.country.is_none()
        })
        .times(1)
        .returning(|new| {
            let mut l = listing(9, "d");
            l.job.fields = new.fields;
            l.job.image_key = Some("images/jobs/0a1b.png".into());
            Ok(l)
        });
    let app = make_app(m).await;
    let (status, _, res) = send(
        &app,
        TestRequest::post()
            .uri("/api/jobs/create")
            .insert_header(tok(EMPLOYER))
            .set_json(&sent),
    )
    .await;
    assert_eq!(status, 201, "{res}");
    for key in SECTIONS {
        assert_eq!(res[key], sent[key], "{key}");
    }
    assert_eq!(res["status"], "published");
    assert_eq!(res["currency"], "XAF");
    assert_eq!(res["country"], Value::Null);
    assert_eq!(res["linkedin_published_at"], Value::Null);
    assert_eq!(res["company_is_verified"], false);
    assert_eq!(
        res["image_url"],
        "http://localhost:8080/api/images/jobs/0a1b.png"
    );
}

#[actix_rt::test]
async fn an_update_keeps_absent_keys_and_clears_nulls() {
    let mut m = mocks();
    m.jobs.expect_find().returning(|id| {
        let mut job = listing(id.get(), "old").job;
        job.fields.sections = JobSections {
            context: Some("Ancien contexte".into()),
            profil_experience: Some("Ancienne expérience".into()),
            ..JobSections::default()
        };
        Ok(Some(job))
    });
    m.jobs
        .expect_update()
        .withf(|_, f, _| {
            // Absent: kept. `null`: cleared. A value: written.
            f.salary_min == Some(40_000)
                && f.requirements.as_deref() == Some("Rust")
                && f.country.as_deref() == Some("SN")
                && f.salary_max == Some(1_200_000)
                && f.sections.context.is_none()
                && f.sections.profil_experience.is_none()
                && f.sections.mission_principale.as_deref()
                    == Some("Piloter les flux de l'entrepôt.")
        })
        .times(1)
        .returning(|id, f, _| {
            let mut l = listing(id.get(), "x");
            l.job.fields = f;
            Ok(Some(l))
        });
    let app = make_app(m).await;
    let (status, _, res) = send(
        &app,
        TestRequest::put()
            .uri("/api/jobs/5")
            .insert_header(tok(EMPLOYER))
            .set_json(fixture("job_edit_current.json")),
    )
    .await;
    assert_eq!(status, 200, "{res}");
    assert_eq!(res["context"], Value::Null);
    assert_eq!(res["salary_min"], 40_000);
    assert_eq!(
        res["profil_formation"],
        "Bac+3 en logistique ou équivalent."
    );
}

#[actix_rt::test]
async fn salaries_and_codes_are_cleared_by_null() {
    let mut m = mocks();
    m.jobs
        .expect_find()
        .returning(|id| Ok(Some(listing(id.get(), "old").job)));
    m.jobs
        .expect_update()
        .withf(|_, f, _| {
            f.salary_min.is_none()
                && f.salary_max.is_none()
                && f.country.is_none()
                && f.language.as_deref() == Some("fr")
                && f.zone.as_deref() == Some("UEMOA")
        })
        .times(1)
        .returning(|id, f, _| {
            let mut l = listing(id.get(), "x");
            l.job.fields = f;
            Ok(Some(l))
        });
    let app = make_app(m).await;
    let body = json!({"title": "Dev", "description": "d", "location_type": "remote",
        "job_type": "full_time", "currency": "XOF", "salary_min": null, "salary_max": null,
        "country": null, "zone": "UEMOA"});
    let (status, _, res) = send(
        &app,
        TestRequest::put()
            .uri("/api/jobs/5")
            .insert_header(tok(EMPLOYER))
            .set_json(body),
    )
    .await;
    assert_eq!(status, 200, "{res}");
    assert_eq!(
        (&res["salary_min"], &res["salary_max"], &res["country"]),
        (&Value::Null, &Value::Null, &Value::Null)
    );
}

#[actix_rt::test]
async fn sections_have_the_long_text_cap() {
    let app = make_app(mocks()).await;
    let mut body = fixture("job_create_current.json");
    body["profil_competences"] = json!("x".repeat(20_001));
    body["country"] = json!("y".repeat(201));
    let (status, _, res) = send(
        &app,
        TestRequest::post()
            .uri("/api/jobs/create")
            .insert_header(tok(EMPLOYER))
            .set_json(body),
    )
    .await;
    assert_eq!(status, 422, "{res}");
    let locs: Vec<_> = res["detail"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["type"].clone(), i["loc"].clone()))
        .collect();
    assert_eq!(
        locs,
        [
            (
                json!("string_too_long"),
                json!(["body", "profil_competences"])
            ),
            (json!("string_too_long"), json!(["body", "country"])),
        ]
    );
}

#[actix_rt::test]
async fn my_jobs_rows_carry_the_sections_and_absolute_images() {
    let mut m = mocks();
    m.jobs
        .expect_list_for_employer()
        .withf(|q| {
            q.paging.limit == 100
                && q.codes.country.as_deref() == Some("ga")
                && q.codes.currency.as_deref() == Some("xaf")
                && q.codes.language.as_deref() == Some("fr")
        })
        .times(1)
        .returning(|_| {
            let mut l = listing(1, "full");
            l.job.image_key = Some("images/jobs/ab.webp".into());
            l.company.is_verified = true;
            Ok(JobPage {
                items: vec![l.summary()],
                total: 1,
            })
        });
    let settings = HttpSettings {
        public_origin: Some("https://api.intowork.test".into()),
        ..HttpSettings::default()
    };
    let app = app_with_settings(m, settings).await;
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/jobs/my-jobs?limit=100&country=GA&currency=XAF&language=fr")
            .insert_header(tok(EMPLOYER)),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let job = &body["jobs"][0];
    assert_eq!(job["context"], "Une équipe de 12");
    assert_eq!(job["profil_autre"], Value::Null);
    assert_eq!(job["status"], "published");
    assert_eq!(job["country"], "SN");
    assert_eq!(job["company_is_verified"], true);
    assert_eq!(
        job["image_url"],
        "https://api.intowork.test/api/images/jobs/ab.webp"
    );
}

#[actix_rt::test]
async fn public_rows_leave_the_sections_out_and_pass_the_filters_on() {
    let mut m = mocks();
    m.jobs
        .expect_list_public()
        .withf(|q| q.paging.limit == 100 && q.codes.country.as_deref() == Some("cm"))
        .times(1)
        .returning(|_| {
            let mut row = listing(1, "d").summary();
            row.sections = None;
            Ok(JobPage {
                items: vec![row],
                total: 1,
            })
        });
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::get().uri("/api/jobs/?page=1&limit=100&country=CM&currency=&language="),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let job = body["jobs"][0].as_object().unwrap();
    for key in SECTIONS {
        assert!(!job.contains_key(key), "{key} in a public row");
    }
    for key in [
        "status",
        "country",
        "zone",
        "language",
        "image_url",
        "linkedin_published_at",
        "company_is_verified",
    ] {
        assert!(job.contains_key(key), "{key} missing");
    }
    let (status, _, body) = send(&app, TestRequest::get().uri("/api/jobs?limit=101")).await;
    assert_eq!(
        (status, &body["detail"][0]["type"]),
        (422, &json!("less_than_equal"))
    );
}

#[actix_rt::test]
async fn the_detail_has_sections_status_and_codes() {
    let mut m = mocks();
    m.jobs
        .expect_find_listing()
        .returning(|id, _| Ok(Some(listing(id.get(), "d"))));
    m.jobs.expect_record_view().returning(|_, _| Ok(Some(4)));
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/jobs/7")
            .insert_header(tok(CANDIDATE)),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let job = body.as_object().unwrap();
    for key in SECTIONS {
        assert!(job.contains_key(key), "{key}");
    }
    assert_eq!(body["context"], "Une équipe de 12");
    assert_eq!(body["status"], "published");
    assert_eq!(body["language"], "fr");
    assert_eq!(body["image_url"], Value::Null);
    assert_eq!(body["requirements"], "Rust");
}
