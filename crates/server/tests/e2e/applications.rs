//! The hiring workflow through the real server with the frontend's bodies (CONTRACT 4.1 calls
//! 29–36), on SQLite and PostgreSQL.

use intowork_testkit::TestDb;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::support::*;

/// Onboards an employer (calls 37, 38) and posts a job (call 26); returns the job id.
async fn employer_with_job(app: &TestApp, email: &str, title: &str) -> (String, i64) {
    let t = token(app, email, "employer").await;
    let (s, company) = call(
        app,
        Method::POST,
        "/api/companies",
        Some(&t),
        Some(json!({"name": format!("{email} SA")})),
    )
    .await;
    assert_eq!(s, 201, "{company}");
    let (s, _) = call(
        app,
        Method::PUT,
        "/api/employers/me",
        Some(&t),
        Some(json!({"company_id": company["id"], "position": "Recruteur", "phone": "+221 77"})),
    )
    .await;
    assert_eq!(s, 200);
    let (s, job) = call(app, Method::POST, "/api/jobs/create", Some(&t), Some(json!({
        "title": title, "description": "Une belle offre", "job_type": "full_time",
        "location_type": "remote", "location": "Dakar", "salary_min": 500000, "salary_max": 900000,
        "currency": "XOF"
    }))).await;
    assert_eq!(s, 201, "{job}");
    (t, job["id"].as_i64().unwrap())
}

async fn upload_cv(app: &TestApp, t: &str) -> i64 {
    let boundary = "b0undary";
    let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").into_bytes();
    body.extend_from_slice(b"%PDF-1.5\nhello cv\n");
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let res = app
        .client
        .post(app.url("/api/candidates/cv"))
        .bearer_auth(t)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    let (s, up) = into_parts(res).await;
    assert_eq!(s, 200, "{up}");
    up["cv_id"].as_i64().unwrap()
}

async fn the_hiring_workflow_works_end_to_end(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (boss, job) = employer_with_job(&app, "boss@example.com", "Développeur Rust").await;
    let (_, job2) = employer_with_job(&app, "boss2@example.com", "Data engineer").await;
    let cand = token(&app, "awa@example.com", "candidate").await;
    let cv_id = upload_cv(&app, &cand).await;

    // 31: apply, then again.
    let (s, applied) = call(
        &app,
        Method::POST,
        "/api/applications/my/applications",
        Some(&cand),
        Some(json!({"job_id": job, "cover_letter": "Bonjour, je suis motivée."})),
    )
    .await;
    assert_eq!(s, 200, "{applied}");
    let (s, dup) = call(
        &app,
        Method::POST,
        "/api/applications/my/applications",
        Some(&cand),
        Some(json!({"job_id": job})),
    )
    .await;
    assert_eq!(s, 400);
    assert!(dup["detail"].as_str().unwrap().contains("déjà postulé"));
    let app_id = applied["id"].as_i64().unwrap();
    // The job card shows the real count.
    let (_, detail) = app.get(&format!("/api/jobs/{job}"), Some(&cand)).await;
    assert_eq!(
        (
            detail["applications_count"].as_i64(),
            detail["has_applied"].as_bool()
        ),
        (Some(1), Some(true))
    );

    // 29, 30: the candidate's lists.
    let (s, mine) = app
        .get(
            "/api/applications/my/applications?page=1&limit=12",
            Some(&cand),
        )
        .await;
    assert_eq!((s, mine["total"].as_i64()), (200, Some(1)));
    assert_eq!(mine["applications"][0]["job"]["title"], "Développeur Rust");
    let (_, one) = app
        .get("/api/applications/my/applications?limit=1", Some(&cand))
        .await;
    assert_eq!(one["total"], 1);

    // 42: the employer was notified.
    let (_, notes) = app
        .get(
            "/api/notifications?limit=10&offset=0&unread_only=false",
            Some(&boss),
        )
        .await;
    assert_eq!(notes["unread_count"], 1);
    assert_eq!(
        notes["notifications"][0]["title"],
        "📝 Nouvelle candidature reçue"
    );
    assert_eq!(notes["notifications"][0]["related_application_id"], app_id);

    // 33: the employer's list with the frontend's `pending` filter, and a working CV link (36).
    let (s, list) = app
        .get(
            "/api/applications/employer/applications?page=1&limit=20&status=pending",
            Some(&boss),
        )
        .await;
    assert_eq!((s, list["total"].as_i64()), (200, Some(1)), "{list}");
    let row = &list["applications"][0];
    assert_eq!(row["cover_letter"], "Bonjour, je suis motivée.");
    let cv_url = row["cv_url"].as_str().unwrap().to_owned();
    // Absolute, so both frontends open it as is (HEAD.md 10.6).
    assert!(
        cv_url.starts_with(&format!("{}/api/files/cvs/{cv_id}?expires=", app.base)),
        "{cv_url}"
    );
    let res = app.client.get(&cv_url).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200, "a plain browser link, no token");
    assert!(res.bytes().await.unwrap().starts_with(b"%PDF-"));
    let tampered = cv_url.replace("signature=", "signature=00");
    assert_eq!(
        app.client
            .get(&tampered)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        403
    );

    // 34, 35: status and private notes.
    let base = format!("/api/applications/employer/applications/{app_id}");
    let (s, body) = call(
        &app,
        Method::PUT,
        &format!("{base}/status"),
        Some(&boss),
        Some(json!({"status": "interview"})),
    )
    .await;
    assert_eq!((s, body["new_status"].as_str()), (200, Some("interview")));
    let (s, _) = call(
        &app,
        Method::PUT,
        &format!("{base}/status"),
        Some(&boss),
        Some(json!({"status": "interview"})),
    )
    .await;
    assert_eq!(s, 200, "the same status again is fine and notifies no one");
    let (s, _) = call(
        &app,
        Method::PUT,
        &format!("{base}/notes"),
        Some(&boss),
        Some(json!({"notes": "Très bon profil"})),
    )
    .await;
    assert_eq!(s, 200);
    let (_, cand_notes) = app.get("/api/notifications/", Some(&cand)).await;
    assert_eq!(cand_notes["total"], 1, "{cand_notes}");
    assert_eq!(
        cand_notes["notifications"][0]["title"],
        "🎯 Vous êtes convoqué(e) en entretien"
    );
    // The candidate never sees the employer's notes; the employer does.
    let (_, mine) = app
        .get("/api/applications/my/applications", Some(&cand))
        .await;
    assert_eq!(
        (
            mine["applications"][0]["notes"].clone(),
            mine["applications"][0]["status"].as_str()
        ),
        (Value::Null, Some("interview"))
    );
    let (_, list) = app
        .get("/api/applications/employer/applications", Some(&boss))
        .await;
    assert_eq!(list["applications"][0]["notes"], "Très bon profil");

    // The candidate deletes the CV: it is kept for the application (9.4) and its link still works.
    let (s, _) = call(
        &app,
        Method::DELETE,
        &format!("/api/candidates/cvs/{cv_id}"),
        Some(&cand),
        None,
    )
    .await;
    assert_eq!(s, 200);
    let (_, cvs) = app.get("/api/candidates/cvs", Some(&cand)).await;
    assert_eq!(cvs, json!([]));
    let (_, list) = app
        .get("/api/applications/employer/applications", Some(&boss))
        .await;
    let fresh = list["applications"][0]["cv_url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        app.client
            .get(&fresh)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );

    // 32: withdraw works while `applied`, not after an interview was set.
    let (_, second) = call(
        &app,
        Method::POST,
        "/api/applications/my/applications",
        Some(&cand),
        Some(json!({"job_id": job2})),
    )
    .await;
    let (s, body) = call(
        &app,
        Method::DELETE,
        &format!("/api/applications/my/applications/{}", second["id"]),
        Some(&cand),
        None,
    )
    .await;
    assert_eq!(
        (s, body),
        (200, json!({"message": "Candidature retirée avec succès"}))
    );
    let (s, _) = call(
        &app,
        Method::DELETE,
        &format!("/api/applications/my/applications/{app_id}"),
        Some(&cand),
        None,
    )
    .await;
    assert_eq!(s, 404);
    app.stop().await;
}

async fn nobody_sees_someone_elses_applications(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (boss, job) = employer_with_job(&app, "boss@example.com", "Dev").await;
    let (other_boss, _) = employer_with_job(&app, "rival@example.com", "Ops").await;
    let cand = token(&app, "awa@example.com", "candidate").await;
    let other = token(&app, "moussa@example.com", "candidate").await;
    let (_, applied) = call(
        &app,
        Method::POST,
        "/api/applications/my/applications",
        Some(&cand),
        Some(json!({"job_id": job})),
    )
    .await;
    let id = applied["id"].as_i64().unwrap();

    let (s, _) = app
        .get(
            &format!("/api/applications/my/applications/{id}"),
            Some(&other),
        )
        .await;
    assert_eq!(s, 404);
    let (_, theirs) = app
        .get("/api/applications/my/applications", Some(&other))
        .await;
    assert_eq!(theirs["total"], 0);
    let (s, _) = call(
        &app,
        Method::DELETE,
        &format!("/api/applications/my/applications/{id}"),
        Some(&other),
        None,
    )
    .await;
    assert_eq!(s, 404);
    let (_, rival) = app
        .get("/api/applications/employer/applications", Some(&other_boss))
        .await;
    assert_eq!(rival["total"], 0);
    let base = format!("/api/applications/employer/applications/{id}");
    let (s, _) = call(
        &app,
        Method::PUT,
        &format!("{base}/status"),
        Some(&other_boss),
        Some(json!({"status": "rejected"})),
    )
    .await;
    assert_eq!(s, 403);
    let (s, _) = call(
        &app,
        Method::PUT,
        &format!("{base}/notes"),
        Some(&other_boss),
        Some(json!({"notes": "x"})),
    )
    .await;
    assert_eq!(s, 403);
    let (_, list) = app
        .get("/api/applications/employer/applications", Some(&boss))
        .await;
    assert_eq!(
        list["applications"][0]["status"], "applied",
        "the rival changed nothing"
    );
    app.stop().await;
}

async fn concurrent_applies_through_http_create_one(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (boss, job) = employer_with_job(&app, "boss@example.com", "Dev").await;
    let cand = token(&app, "awa@example.com", "candidate").await;
    let results = futures_util::future::join_all((0..50).map(|_| {
        call(
            &app,
            Method::POST,
            "/api/applications/my/applications",
            Some(&cand),
            Some(json!({"job_id": job})),
        )
    }))
    .await;
    let ok = results.iter().filter(|(s, _)| *s == 200).count();
    let dup = results
        .iter()
        .filter(|(s, b)| *s == 400 && b["detail"].as_str().unwrap_or("").contains("déjà postulé"))
        .count();
    assert_eq!(
        (ok, dup),
        (1, 49),
        "{:?}",
        results.iter().map(|r| r.0).collect::<Vec<_>>()
    );
    let (_, notes) = app.get("/api/notifications", Some(&boss)).await;
    assert_eq!(notes["total"], 1);
    app.stop().await;
}

both_backends!(
    the_hiring_workflow_works_end_to_end,
    nobody_sees_someone_elses_applications,
    concurrent_applies_through_http_create_one,
);

/// The application lists cost the same number of statements for 1 application and for 30
/// (one count, one page query: never one query per row).
async fn application_list_statements_do_not_grow_with_rows(db: TestDb) {
    use crate::hiring::{account, create_job, employer, job_body, statements_for};
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (boss, _) = employer(&app, "boss@example.com", "ACME").await;
    let (cand, _) = account(&app, "awa@example.com", "candidate").await;
    let mut counts = Vec::new();
    let mut applied = 0;
    for target in [1, 30] {
        while applied < target {
            let job = create_job(&app, &boss, job_body(&format!("Poste {applied}"))).await;
            let (s, _) = call(
                &app,
                Method::POST,
                "/api/applications/my/applications",
                Some(&cand),
                Some(json!({"job_id": job})),
            )
            .await;
            assert_eq!(s, 200);
            applied += 1;
        }
        let mine = statements_for(
            &app,
            "/api/applications/my/applications?limit=50",
            Some(&cand),
        )
        .await;
        let theirs = statements_for(
            &app,
            "/api/applications/employer/applications?limit=100",
            Some(&boss),
        )
        .await;
        counts.push((mine, theirs));
    }
    assert_eq!(
        counts[0], counts[1],
        "statements for 1 vs 30 applications: {counts:?}"
    );
    app.stop().await;
}

both_backends!(application_list_statements_do_not_grow_with_rows);
