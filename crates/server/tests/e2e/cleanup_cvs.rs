//! `intowork cleanup-cvs` (CONTRACT 9.4, 9.12) against CVs made through the real server: a dry
//! run changes nothing; a real run purges what may go, and storage and database agree afterwards.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::Utc;
use diesel::prelude::*;
use intowork_storage::schema::{candidate_cvs, job_applications};
use intowork_testkit::TestDb;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::command::{base_vars, intowork};
use crate::support::*;

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = app.client.request(method, app.url(path)).bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    into_parts(req.send().await.unwrap()).await
}

async fn job_of(app: &TestApp, boss: &str) -> i64 {
    let (s, company) = call(
        app,
        Method::POST,
        "/api/companies",
        boss,
        Some(json!({"name": "Acme"})),
    )
    .await;
    assert_eq!(s, 201, "{company}");
    let (s, job) = call(
        app,
        Method::POST,
        "/api/jobs/create",
        boss,
        Some(json!({
            "title": "Comptable", "description": "Tenir les comptes", "job_type": "full_time",
            "location_type": "on_site", "currency": "XOF"
        })),
    )
    .await;
    assert_eq!(s, 201, "{job}");
    job["id"].as_i64().unwrap()
}

async fn upload(app: &TestApp, token: &str) -> i64 {
    let b = "cleanupboundary";
    let mut body = format!("--{b}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").into_bytes();
    body.extend_from_slice(b"%PDF-1.4\nmy cv\n");
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    let res = app
        .client
        .post(app.url("/api/candidates/cv"))
        .bearer_auth(token)
        .header("content-type", format!("multipart/form-data; boundary={b}"))
        .body(body)
        .send()
        .await
        .unwrap();
    let (s, up) = into_parts(res).await;
    assert_eq!(s, 200, "{up}");
    up["cv_id"].as_i64().unwrap()
}

/// Applies with the current CV, then deletes it: it stays, inactive, for the application (9.4).
async fn apply_then_delete_cv(app: &TestApp, cand: &str, job: i64) -> (i64, i64) {
    let cv = upload(app, cand).await;
    let (s, applied) = call(
        app,
        Method::POST,
        "/api/applications/my/applications",
        cand,
        Some(json!({"job_id": job})),
    )
    .await;
    assert_eq!(s, 200, "{applied}");
    let (s, _) = call(
        app,
        Method::DELETE,
        &format!("/api/candidates/cvs/{cv}"),
        cand,
        None,
    )
    .await;
    assert_eq!(s, 200);
    (cv, applied["id"].as_i64().unwrap())
}

type Rows = (Vec<(i64, String, bool)>, Vec<(i64, Option<i64>, String)>);

fn rows(app: &TestApp) -> Rows {
    app.database
        .run_blocking(|conn| {
            let cvs = candidate_cvs::table
                .select((
                    candidate_cvs::id,
                    candidate_cvs::storage_key,
                    candidate_cvs::is_active,
                ))
                .order(candidate_cvs::id)
                .load(conn)
                .unwrap();
            let apps = job_applications::table
                .select((
                    job_applications::id,
                    job_applications::cv_id,
                    job_applications::status,
                ))
                .order(job_applications::id)
                .load(conn)
                .unwrap();
            Ok((cvs, apps))
        })
        .unwrap()
}

/// Every file under the upload folder, by key, with its bytes.
fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(root.join("cv")).unwrap() {
        let path = entry.unwrap().path();
        let key = format!("cv/{}", path.file_name().unwrap().to_str().unwrap());
        out.insert(key, fs::read(&path).unwrap());
    }
    out
}

fn backdate(app: &TestApp, days: i64) {
    let old = (Utc::now() - chrono::Duration::days(days)).naive_utc();
    app.database
        .run_blocking(move |conn| {
            diesel::update(candidate_cvs::table)
                .set((
                    candidate_cvs::created_at.eq(old),
                    candidate_cvs::updated_at.eq(old),
                ))
                .execute(conn)
                .unwrap();
            Ok(())
        })
        .unwrap();
}

async fn cleanup_purges_only_what_may_go_and_a_dry_run_nothing(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(&db.url, dir.path()).await;
    let uploads = dir.path().join("uploads");
    let boss = token(&app, "boss@example.com", "employer").await;
    let job = job_of(&app, &boss).await;
    let awa = token(&app, "awa@example.com", "candidate").await;
    let bob = token(&app, "bob@example.com", "candidate").await;
    // Awa's application ends (rejected): her old, deleted CV may go. Bob's is still open: his stays.
    let (awa_cv, awa_app) = apply_then_delete_cv(&app, &awa, job).await;
    let (bob_cv, bob_app) = apply_then_delete_cv(&app, &bob, job).await;
    let current = upload(&app, &awa).await;
    let (s, _) = call(
        &app,
        Method::PUT,
        &format!("/api/applications/employer/applications/{awa_app}/status"),
        &boss,
        Some(json!({"status": "rejected"})),
    )
    .await;
    assert_eq!(s, 200);
    backdate(&app, 400);
    // Two files no row refers to: one left by a crash long ago, one an upload in progress.
    fs::write(uploads.join("cv/0ld0rphan.pdf"), b"%PDF-old").unwrap();
    let two_hours_ago = SystemTime::now() - Duration::from_secs(7200);
    fs::File::options()
        .write(true)
        .open(uploads.join("cv/0ld0rphan.pdf"))
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    fs::write(uploads.join("cv/n3w0rphan.pdf"), b"%PDF-new").unwrap();

    let data = dir.path().to_str().unwrap();
    let vars = base_vars(&db.url, data);
    let before = (rows(&app), files(&uploads));
    let dry = intowork(
        dir.path(),
        &["cleanup-cvs", "--inactive-older-than", "365d", "--dry-run"],
        &vars,
    );
    assert_eq!(dry.code, 0, "{}", dry.output());
    assert!(dry.stdout.contains("would purge 1"), "{}", dry.output());
    assert!(dry.stdout.contains("would remove 1"), "{}", dry.output());
    assert_eq!(
        (rows(&app), files(&uploads)),
        before,
        "a dry run changes nothing"
    );

    // Not old enough yet: nothing is purged (the orphan sweep does not depend on the age asked).
    let young = intowork(
        dir.path(),
        &["cleanup-cvs", "--inactive-older-than", "500d", "--dry-run"],
        &vars,
    );
    assert!(young.stdout.contains("would purge 0"), "{}", young.output());

    let real = intowork(
        dir.path(),
        &["cleanup-cvs", "--inactive-older-than", "365d"],
        &vars,
    );
    assert_eq!(real.code, 0, "{}", real.output());
    assert!(
        real.stdout.contains(&format!("CV #{awa_cv} ")),
        "{}",
        real.output()
    );
    let ((cvs, apps), after) = (rows(&app), files(&uploads));
    let ids: Vec<i64> = cvs.iter().map(|c| c.0).collect();
    assert_eq!(ids, [bob_cv, current], "only Awa's old CV is purged");
    let status_of = |id: i64| apps.iter().find(|a| a.0 == id).unwrap().clone();
    assert_eq!(
        status_of(awa_app),
        (awa_app, None, "rejected".to_owned()),
        "its link is cleared"
    );
    assert_eq!(
        status_of(bob_app),
        (bob_app, Some(bob_cv), "applied".to_owned()),
        "untouched"
    );

    // Storage and database agree: every row has its file, every file but the young one a row.
    let keys: Vec<&str> = cvs.iter().map(|c| c.1.as_str()).collect();
    for key in &keys {
        assert!(after.contains_key(*key), "{key} lost its file");
    }
    let mut unreferenced: Vec<&str> = after
        .keys()
        .map(String::as_str)
        .filter(|k| !keys.contains(k))
        .collect();
    unreferenced.sort();
    assert_eq!(unreferenced, ["cv/n3w0rphan.pdf"]);

    // Bob's employer still gets his CV through the application.
    let (_, list) = app
        .get("/api/applications/employer/applications", Some(&boss))
        .await;
    let bob_row = list["applications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == bob_app)
        .unwrap()
        .clone();
    let link = bob_row["cv_url"].as_str().unwrap();
    let res = app.client.get(link).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);

    // A second run finds nothing more to do.
    let again = intowork(
        dir.path(),
        &["cleanup-cvs", "--inactive-older-than", "365d"],
        &vars,
    );
    assert!(
        again.stdout.contains("purged 0") && again.stdout.contains("removed 0"),
        "{}",
        again.output()
    );
    app.stop().await;
}

both_backends!(cleanup_purges_only_what_may_go_and_a_dry_run_nothing);
