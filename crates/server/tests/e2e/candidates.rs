//! Candidate profile and CV flows through the real server, with the bodies the real frontend sends
//! (CONTRACT 4.1 calls 11–22), on SQLite and PostgreSQL.

use intowork_testkit::TestDb;
use serde_json::{Value, json};

use crate::both_backends;
use crate::support::*;

const BOUNDARY: &str = "----FrontendFormBoundary7MA4YWxk";

fn multipart(filename: &str, content_type: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn pdf(len: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    v.resize(len, b'0');
    v
}

async fn upload(app: &TestApp, token: &str, body: Vec<u8>) -> (u16, Value) {
    let res = app
        .client
        .post(app.url("/api/candidates/cv"))
        .bearer_auth(token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    into_parts(res).await
}

async fn download(
    app: &TestApp,
    path: &str,
    token: Option<&str>,
) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let mut req = app.client.get(app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    (status, headers, res.bytes().await.unwrap().to_vec())
}

async fn frontend_profile_and_cv_calls_work(db: TestDb) {
    use reqwest::Method;
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let token = token(&app, "cand@example.com", "candidate").await;
    let t = Some(token.as_str());

    // 11: the profile page loads.
    let (s, profile) = app.get("/api/candidates/profile", t).await;
    assert_eq!(s, 200, "{profile}");
    assert_eq!(profile["education"], json!([]));
    // 15–17 with the modals' bodies.
    let (s, _) = call(
        &app,
        Method::POST,
        "/api/candidates/profile/experiences",
        t,
        Some(json!({
            "title": "Développeuse", "company": "ACME", "location": "Lyon", "start_date": "2021-03",
            "end_date": "", "is_current": true, "description": "Rust et SQL"
        })),
    )
    .await;
    assert_eq!(s, 200);
    let (s, edu) = call(
        &app,
        Method::POST,
        "/api/candidates/profile/education",
        t,
        Some(json!({
            "degree": "Master", "institution": "INSA Lyon", "field_of_study": "Informatique",
            "start_date": "2016", "end_date": "2021", "is_current": false, "description": ""
        })),
    )
    .await;
    assert_eq!((s, edu["institution"].as_str()), (200, Some("INSA Lyon")));
    let (s, skill) = call(
        &app,
        Method::POST,
        "/api/candidates/profile/skills",
        t,
        Some(json!({"name": "Rust", "level": "expert", "category": "technique"})),
    )
    .await;
    assert_eq!(
        (s, skill["level"].as_i64(), skill["category"].as_str()),
        (200, Some(4), Some("technical"))
    );
    // 13: the profile page saves the whole object it holds, including server-managed fields.
    let (_, mut whole) = app.get("/api/candidates/profile", t).await;
    whole["summary"] = json!("Passionnée de systèmes distribués");
    whole["phone"] = json!("+33 6 12 34 56 78");
    whole["cv_url"] = json!("/etc/passwd");
    whole["github_url"] = json!("https://github.com/x");
    let (s, saved) = call(&app, Method::PUT, "/api/candidates/profile", t, Some(whole)).await;
    assert_eq!(s, 200, "{saved}");
    // Reads back the way the frontend reads it.
    let (_, p) = app.get("/api/candidates/profile", t).await;
    assert_eq!(p["summary"], "Passionnée de systèmes distribués");
    assert_eq!(p["education"][0]["institution"], "INSA Lyon");
    assert_eq!(p["experiences"][0]["company"], "ACME");
    assert_eq!(p["skills"][0]["name"], "Rust");
    assert_eq!(p["cv_url"], Value::Null, "cv_url is server-managed");

    // 18: upload (a hostile name is stored under a server key and shown sanitized).
    let (s, up) = upload(
        &app,
        &token,
        multipart(
            "../../etc/passwd.pdf",
            "application/pdf",
            &pdf(5 * 1024 * 1024),
        ),
    )
    .await;
    assert_eq!(s, 200, "{up}");
    assert_eq!(up["filename"], "passwd.pdf");
    assert_eq!(up["size"], 5 * 1024 * 1024);
    let cv_id = up["cv_id"].as_i64().unwrap();
    let stored: Vec<_> = walk(&dir.path().join("uploads"));
    assert_eq!(stored.len(), 1);
    assert!(!stored[0].contains("passwd"), "{stored:?}");
    // 19: list.
    let (s, list) = app.get("/api/candidates/cvs", t).await;
    assert_eq!((s, list[0]["id"].as_i64()), (200, Some(cv_id)));
    // 20 and 21: downloads.
    let (s, h, bytes) = download(&app, &format!("/api/candidates/cvs/{cv_id}/download"), t).await;
    assert_eq!((s, bytes.len()), (200, 5 * 1024 * 1024));
    assert_eq!(h["content-length"], (5 * 1024 * 1024).to_string().as_str());
    assert!(
        h["content-disposition"]
            .to_str()
            .unwrap()
            .contains("filename*=UTF-8''passwd.pdf")
    );
    let (s, _, bytes) = download(&app, "/api/candidates/cv/download", t).await;
    assert_eq!((s, bytes.len()), (200, 5 * 1024 * 1024));
    let (_, p) = app.get("/api/candidates/profile", t).await;
    let cv_url = p["cv_url"].as_str().unwrap().to_owned();
    let (s, _, _) = download(&app, &cv_url, t).await;
    assert_eq!(s, 200, "the profile's cv_url works for its owner");
    // 22: delete; the file goes with the row.
    let (s, body) = call(
        &app,
        Method::DELETE,
        &format!("/api/candidates/cvs/{cv_id}"),
        t,
        None,
    )
    .await;
    assert_eq!(
        (s, body),
        (200, json!({"message": "CV supprimé avec succès"}))
    );
    assert!(walk(&dir.path().join("uploads")).is_empty());
    let (s, _) = app.get("/api/candidates/cv/download", t).await;
    assert_eq!(s, 404, "no current CV after the delete");

    // 12 and 14: the settings page calls without a token.
    let (s, body) = app.get("/api/candidates/profile", None).await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (401, Some("Authentication required"))
    );
    let (s, body) = call(
        &app,
        Method::PUT,
        "/api/candidates/profile",
        None,
        Some(json!({"bio": "x"})),
    )
    .await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (401, Some("Authentication required"))
    );
    app.stop().await;
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p.display().to_string());
            }
        }
    }
    out
}

async fn cv_access_is_limited_to_owner_and_rejections_store_nothing(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let alice = token(&app, "alice@example.com", "candidate").await;
    let bob = token(&app, "bob@example.com", "candidate").await;
    let boss = token(&app, "boss@example.com", "employer").await;
    let (s, up) = upload(
        &app,
        &alice,
        multipart("alice.pdf", "application/pdf", &pdf(2048)),
    )
    .await;
    assert_eq!(s, 200);
    let cv_id = up["cv_id"].as_i64().unwrap();
    let candidate_id = up["candidate_id"].as_i64().unwrap();

    // Another candidate, by every route.
    for path in [
        format!("/api/candidates/cvs/{cv_id}/download"),
        format!("/api/candidates/{candidate_id}/cv"),
    ] {
        let (s, _, _) = download(&app, &path, Some(&bob)).await;
        assert_eq!(s, 404, "{path}");
    }
    let (s, _) = call(
        &app,
        reqwest::Method::DELETE,
        &format!("/api/candidates/cvs/{cv_id}"),
        Some(&bob),
        None,
    )
    .await;
    assert_eq!(s, 404);
    // An employer without an application from Alice.
    let (s, _, _) = download(
        &app,
        &format!("/api/candidates/{candidate_id}/cv"),
        Some(&boss),
    )
    .await;
    assert_eq!(s, 404);
    // An employer cannot upload.
    let (s, _) = upload(
        &app,
        &boss,
        multipart("cv.pdf", "application/pdf", &pdf(100)),
    )
    .await;
    assert_eq!(s, 403);

    // Rejections: a PNG renamed .pdf, a missing part, a 50 MiB body.
    let (s, body) = upload(
        &app,
        &bob,
        multipart("photo.pdf", "application/pdf", b"\x89PNG\r\n\x1a\nxxxx"),
    )
    .await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (400, Some("Seuls les fichiers PDF sont acceptés"))
    );
    let bad = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--{BOUNDARY}--\r\n"
    );
    let (s, body) = upload(&app, &bob, bad.into_bytes()).await;
    assert_eq!(
        (s, &body["detail"][0]["loc"]),
        (422, &json!(["body", "cv"]))
    );
    let (s, body) = upload(
        &app,
        &bob,
        multipart("huge.pdf", "application/pdf", &pdf(50 * 1024 * 1024)),
    )
    .await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (413, Some("Le fichier ne peut pas dépasser 5MB"))
    );
    let (_, list) = app.get("/api/candidates/cvs", Some(&bob)).await;
    assert_eq!(list, json!([]));
    assert_eq!(
        walk(&dir.path().join("uploads")).len(),
        1,
        "only Alice's file"
    );
    app.stop().await;
}

/// A storage write that fails leaves no row (the upload directory is a file, so writes fail).
async fn a_failing_storage_write_leaves_no_row(db: TestDb) {
    let dir = data_dir();
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, b"x").unwrap();
    let app = TestApp::spawn_with(
        db_url(&db),
        dir.path(),
        &[("UPLOAD_DIR", blocker.to_str().unwrap())],
    )
    .await;
    let token = token(&app, "carol@example.com", "candidate").await;
    let (s, body) = upload(
        &app,
        &token,
        multipart("cv.pdf", "application/pdf", &pdf(1000)),
    )
    .await;
    assert_eq!(s, 503, "{body}");
    let (_, list) = app.get("/api/candidates/cvs", Some(&token)).await;
    assert_eq!(list, json!([]));
    let (s, ready) = app.get("/health/ready", None).await;
    assert_eq!((s, ready["storage"].as_str()), (503, Some("unavailable")));
    app.stop().await;
}

both_backends!(
    frontend_profile_and_cv_calls_work,
    cv_access_is_limited_to_owner_and_rejections_store_nothing,
    a_failing_storage_write_leaves_no_row,
);

/// `STORAGE_BACKEND=s3` puts CVs in the bucket (a real S3-compatible server started by
/// `scripts/test`), and downloads read them back from there.
#[actix_web::test]
async fn cvs_go_to_s3_when_configured() {
    let endpoint =
        std::env::var("TEST_S3_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1:55900".into());
    let bucket = format!("e2e-{}", std::process::id());
    let created = reqwest::Client::new()
        .put(format!("{endpoint}/{bucket}"))
        .send()
        .await
        .unwrap_or_else(|e| {
            panic!("no S3-compatible server at {endpoint} (run scripts/test): {e}")
        });
    assert!(
        created.status().is_success(),
        "bucket creation: {}",
        created.status()
    );
    let db = intowork_testkit::TestDb::sqlite();
    let dir = data_dir();
    let app = TestApp::spawn_with(
        db_url(&db),
        dir.path(),
        &[
            ("STORAGE_BACKEND", "s3"),
            ("S3_BUCKET", bucket.as_str()),
            ("S3_ENDPOINT", endpoint.as_str()),
            ("S3_ACCESS_KEY_ID", "test"),
            ("S3_SECRET_ACCESS_KEY", "test"),
            ("S3_FORCE_PATH_STYLE", "true"),
        ],
    )
    .await;
    let token = token(&app, "s3@example.com", "candidate").await;
    let (s, up) = upload(
        &app,
        &token,
        multipart("cv.pdf", "application/pdf", &pdf(4096)),
    )
    .await;
    assert_eq!(s, 200, "{up}");
    let listing = reqwest::get(format!("{endpoint}/{bucket}?list-type=2"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(listing.contains("<Key>cv/"), "{listing}");
    assert!(
        walk(&dir.path().join("uploads")).is_empty(),
        "nothing on local disk"
    );
    let (s, _, bytes) = download(&app, "/api/candidates/cv/download", Some(&token)).await;
    assert_eq!((s, bytes.len()), (200, 4096));
    let (s, ready) = app.get("/health/ready", None).await;
    assert_eq!((s, ready["storage"].as_str()), (200, Some("ok")));
    app.stop().await;
}
