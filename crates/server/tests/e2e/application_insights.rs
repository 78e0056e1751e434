//! The current frontend's hiring calls through the real server, on SQLite and PostgreSQL
//! (HEAD.md 10.5, 10.6, 10.8-10.10): apply with a chosen CV and a channel, the employer's
//! absolute CV link to that CV, the sources widget, the pipeline page, the status history and
//! the funnel built from it.

use diesel::prelude::*;
use intowork_storage::schema::application_status_history as history;
use intowork_testkit::TestDb;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::hiring::{account, employer, put};
use crate::support::*;

/// A published job of `token`'s company, from HEAD's job form (the structured fields left out).
async fn post_job(app: &TestApp, token: &str, title: &str) -> i64 {
    let body = json!({"title": title, "description": "Une belle offre", "job_type": "full_time",
        "location_type": "on_site", "location": "Douala", "salary_min": 400000,
        "salary_max": 600000, "currency": "XAF"});
    let (s, job) = app.post("/api/jobs/create", body, Some(token)).await;
    assert_eq!(s, 201, "{job}");
    job["id"].as_i64().unwrap()
}

/// Uploads a PDF whose bytes name it; returns the CV id.
async fn upload(app: &TestApp, token: &str, content: &[u8]) -> i64 {
    let boundary = "insightsBoundary";
    let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let res = app
        .client
        .post(app.url("/api/candidates/cv"))
        .bearer_auth(token)
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

async fn apply(app: &TestApp, token: &str, body: Value) -> (u16, Value) {
    call(
        app,
        Method::POST,
        "/api/applications/my/applications",
        Some(token),
        Some(body),
    )
    .await
}

/// `(from, to, actor)` of an application's history, oldest first.
async fn history_of(app: &TestApp, application: i64) -> Vec<(Option<String>, String, Option<i64>)> {
    app.database
        .run(move |c| {
            history::table
                .filter(history::application_id.eq(application))
                .order(history::id)
                .select((
                    history::from_status,
                    history::to_status,
                    history::actor_user_id,
                ))
                .load(c)
                .map_err(|e| intowork_domain::RepoError::Internal(e.to_string()))
        })
        .await
        .unwrap()
}

async fn status(app: &TestApp, token: &str, application: i64, to: &str) {
    let path = format!("/api/applications/employer/applications/{application}/status");
    let (s, body) = put(app, &path, json!({ "status": to }), token).await;
    assert_eq!(s, 200, "{body}");
}

async fn the_chosen_cv_is_the_one_the_employer_downloads(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (boss, _) = employer(&app, "rh@acme.cm", "Acme").await;
    let (rival, _) = employer(&app, "rh@rival.cm", "Rival").await;
    let job = post_job(&app, &boss, "Comptable").await;
    let other_job = post_job(&app, &rival, "Auditeur").await;
    let (cand, cand_user) = account(&app, "awa@example.com", "candidate").await;
    let first = upload(&app, &cand, b"%PDF-1.4\nfirst cv of awa\n").await;
    let second_bytes = b"%PDF-1.4\nsecond cv of awa\n";
    let second = upload(&app, &cand, second_bytes).await;
    assert!(second > first);
    let (someone, _) = account(&app, "ben@example.com", "candidate").await;
    let bens = upload(&app, &someone, b"%PDF-1.4\nben\n").await;

    // Someone else's CV: refused, and nothing is written.
    let (s, body) = apply(&app, &cand, json!({"job_id": job, "cv_id": bens})).await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (400, Some("CV invalide ou introuvable")),
        "{body}"
    );
    let (_, list) = app
        .get("/api/applications/employer/applications", Some(&boss))
        .await;
    assert_eq!(list["total"], 0);

    // HEAD's body, from a link shared on WhatsApp, with the older of the two CVs picked.
    let body =
        json!({"job_id": job, "cover_letter": "Bonjour", "cv_id": first, "source_ref": "whatsapp"});
    let (s, applied) = apply(&app, &cand, body).await;
    assert_eq!(s, 200, "{applied}");
    let app_id = applied["id"].as_i64().unwrap();
    // The rival's job, with the second CV and a channel that is not a plain name (dropped).
    let body = json!({"job_id": other_job, "cv_id": second, "source_ref": "<b>linkedin</b>"});
    let (s, theirs) = apply(&app, &cand, body).await;
    assert_eq!(s, 200, "{theirs}");
    // A newer CV later changes nothing for the applications already made.
    upload(&app, &cand, b"%PDF-1.4\nthird cv of awa\n").await;

    let (_, list) = app
        .get(
            "/api/applications/employer/applications?page=1&limit=20",
            Some(&boss),
        )
        .await;
    let link = list["applications"][0]["cv_url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        link.starts_with(&format!("{}/api/files/cvs/{first}?", app.base)),
        "{link}"
    );
    let res = app.client.get(&link).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200, "a plain link, no token");
    assert_eq!(
        &res.bytes().await.unwrap()[..],
        b"%PDF-1.4\nfirst cv of awa\n"
    );
    let (_, list) = app
        .get("/api/applications/employer/applications", Some(&rival))
        .await;
    let link = list["applications"][0]["cv_url"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = app.client.get(&link).send().await.unwrap();
    assert_eq!(
        &res.bytes().await.unwrap()[..],
        second_bytes,
        "the CV applied with, not the newest"
    );

    // Sources: each employer sees their own applications only.
    let (s, sources) = app
        .get(
            "/api/applications/employer/applications/sources",
            Some(&boss),
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(
        sources,
        json!({"sources": [{"source": "whatsapp", "label": "WhatsApp", "count": 1, "pct": 100.0,
            "color": "#25D366"}], "total": 1})
    );
    let (_, sources) = app
        .get(
            "/api/applications/employer/applications/sources",
            Some(&rival),
        )
        .await;
    assert_eq!(sources["sources"][0]["source"], "direct");

    // The history: the candidate applied; the employer's changes, not a repeated one.
    status(&app, &boss, app_id, "viewed").await;
    status(&app, &boss, app_id, "viewed").await;
    let boss_user = app.get("/api/auth/me", Some(&boss)).await.1["id"].as_i64();
    assert_eq!(
        history_of(&app, app_id).await,
        [
            (None, "applied".to_owned(), Some(cand_user)),
            (Some("applied".to_owned()), "viewed".to_owned(), boss_user),
        ]
    );
    app.stop().await;
}

async fn the_pipeline_and_the_funnel_follow_the_history(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (boss, _) = employer(&app, "rh@acme.cm", "Acme").await;
    let (rival, _) = employer(&app, "rh@rival.cm", "Rival").await;
    let job = post_job(&app, &boss, "Comptable").await;
    let mut ids = Vec::new();
    for name in ["awa", "ben", "cyr"] {
        let (cand, _) = account(&app, &format!("{name}@example.com"), "candidate").await;
        let (s, a) = apply(&app, &cand, json!({"job_id": job})).await;
        assert_eq!(s, 200, "{a}");
        ids.push(a["id"].as_i64().unwrap());
    }
    // Awa: interview, then accepted. Ben: rejected. Cyr: still applied.
    status(&app, &boss, ids[0], "interview").await;
    status(&app, &boss, ids[0], "accepted").await;
    status(&app, &boss, ids[1], "rejected").await;

    let (s, funnel) = app.get("/api/dashboard/employer-funnel", Some(&boss)).await;
    assert_eq!(s, 200, "{funnel}");
    let counts: Vec<(&str, i64)> = funnel["funnel"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["status"].as_str().unwrap(), s["count"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        counts,
        [
            ("applied", 3),
            ("viewed", 1),
            ("shortlisted", 1),
            ("interview", 1),
            ("accepted", 1)
        ]
    );
    assert_eq!(funnel["conversion_rate"], 33.3);
    // Minutes apart in a test: zero days, not "unknown".
    assert_eq!(funnel["avg_days_to_interview"], 0.0);
    assert_eq!(
        funnel["by_job"],
        json!([{"job_id": job, "title": "Comptable", "total": 3}])
    );

    // The pipeline page: newest first, AI fields null; another employer gets 404.
    let uri =
        format!("/api/ai-scoring/scored-applications/{job}?page=1&limit=20&sort_by_score=true");
    let (s, page) = app.get(&uri, Some(&boss)).await;
    assert_eq!((s, page["total"].as_i64()), (200, Some(3)), "{page}");
    let listed: Vec<i64> = page["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert_eq!(listed, [ids[2], ids[1], ids[0]]);
    let first = &page["applications"][2];
    assert_eq!(
        (first["status"].as_str(), &first["ai_score"]),
        (Some("accepted"), &Value::Null)
    );
    let (s, body) = app.get(&uri, Some(&rival)).await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (404, Some("Offre introuvable ou non autorisée"))
    );
    app.stop().await;
}

both_backends!(
    the_chosen_cv_is_the_one_the_employer_downloads,
    the_pipeline_and_the_funnel_follow_the_history,
);
