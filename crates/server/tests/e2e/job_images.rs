//! Job pictures and company logos end to end, on SQLite and PostgreSQL (HEAD.md 10.4): uploaded
//! as the current frontend does (multipart `image` / `logo`), served back byte for byte at their
//! absolute URL with their type, a year of caching and `nosniff`; SVG and non-images refused;
//! nobody but the owner can replace them; a replaced, released or deleted image is gone.

use intowork_testkit::TestDb;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

use crate::both_backends;
use crate::hiring::*;
use crate::job_form::current_create_body;
use crate::support::*;

/// A 1×1 PNG and a tiny JPEG header: recognised by their bytes.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\nIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82";
const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xd9";
const SVG: &[u8] = b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect/></svg>";

/// What `jobsAPI.uploadJobImage` and the settings page's logo upload send: one file part.
async fn upload(
    app: &TestApp,
    path: &str,
    token: &str,
    part: &str,
    content_type: &str,
    bytes: &[u8],
) -> (u16, Value) {
    let boundary = "----WebKitFormBoundaryJobImage";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{part}\"; filename=\"visuel.png\"\r\nContent-Type: {content_type}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let req = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body);
    into_parts(req.send().await.expect("request sent")).await
}

/// GET of an absolute image URL, without a token.
async fn fetch(app: &TestApp, url: &str) -> (u16, HeaderMap, Vec<u8>) {
    let res = app.client.get(url).send().await.expect("request sent");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    (status, headers, res.bytes().await.unwrap().to_vec())
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers.get(name).unwrap().to_str().unwrap()
}

/// The files under `dir`, recursively (names only).
fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_in(&path));
        } else {
            out.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    out
}

async fn job_pictures(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (token, _) = employer(&app, "rh@logi.ga", "Logi Gabon").await;
    let (rival, _) = employer(&app, "rh@rival.cm", "Rival").await;
    let (cand, _) = account(&app, "awa@example.com", "candidate").await;
    // As the job-posts page does: create, then upload the picked image.
    let id = create_job(&app, &token, current_create_body("Chef d'entrepôt")).await;
    let path = format!("/api/jobs/{id}/image");
    let (status, job) = upload(&app, &path, &token, "image", "image/png", PNG).await;
    assert_eq!(status, 200, "{job}");
    let url = job["image_url"].as_str().unwrap().to_owned();
    assert!(
        url.starts_with(&format!("{}/api/images/jobs/", app.base)) && url.ends_with(".png"),
        "{url}"
    );
    assert_eq!(
        job["context"],
        current_create_body("x")["context"],
        "the detail's shape"
    );
    let (status, headers, bytes) = fetch(&app, &url).await;
    assert_eq!(status, 200);
    assert_eq!(bytes, PNG, "byte for byte");
    assert_eq!(header(&headers, "content-type"), "image/png");
    assert_eq!(
        header(&headers, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(header(&headers, "x-content-type-options"), "nosniff");
    // Every shape links it.
    let (_, detail) = app.get(&format!("/api/jobs/{id}"), None).await;
    let (_, mine) = app.get("/api/jobs/my-jobs", Some(&token)).await;
    let (_, list) = app.get("/api/jobs/", None).await;
    assert_eq!(detail["image_url"], url);
    assert_eq!(mine["jobs"][0]["image_url"], url);
    assert_eq!(list["jobs"][0]["image_url"], url);

    // Refused: SVG, a PDF declared as an image, another employer, a candidate, over 5 MiB.
    let (status, body) = upload(&app, &path, &token, "image", "image/svg+xml", SVG).await;
    assert_eq!(
        (status, &body["code"]),
        (400, &json!("svg_not_accepted")),
        "{body}"
    );
    assert!(body["detail"].as_str().unwrap().contains("SVG"));
    let (status, body) = upload(&app, &path, &token, "image", "image/png", b"%PDF-1.7").await;
    assert_eq!(
        (status, &body["detail"]),
        (
            400,
            &json!("Le fichier doit être une image PNG, JPEG ou WebP")
        )
    );
    let (status, body) = upload(&app, &path, &rival, "image", "image/png", PNG).await;
    assert_eq!(
        (status, &body["detail"]),
        (404, &json!("Offre introuvable"))
    );
    let (status, _) = upload(&app, &path, &cand, "image", "image/png", PNG).await;
    assert_eq!(status, 403);
    let mut big = PNG.to_vec();
    big.resize(5 * 1024 * 1024 + 1, 0);
    let (status, body) = upload(&app, &path, &token, "image", "image/png", &big).await;
    assert_eq!((status, &body["code"]), (413, &json!("file_too_large")));
    let (_, detail) = app.get(&format!("/api/jobs/{id}"), None).await;
    assert_eq!(
        detail["image_url"], url,
        "nothing refused changed the picture"
    );

    // A replacement gets a new URL; the old object is gone.
    let (status, job) = upload(&app, &path, &token, "image", "image/png", JPEG).await;
    assert_eq!(status, 200, "{job}");
    let new_url = job["image_url"].as_str().unwrap().to_owned();
    assert!(new_url.ends_with(".jpg") && new_url != url, "{new_url}");
    assert_eq!(fetch(&app, &url).await.0, 404);
    // On disk too: the one picture left is the new one.
    let stored = files_in(&dir.path().join("uploads/images/jobs"));
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert!(new_url.ends_with(&stored[0]), "{stored:?}");
    let (status, headers, bytes) = fetch(&app, &new_url).await;
    assert_eq!(
        (status, header(&headers, "content-type"), bytes.as_slice()),
        (200, "image/jpeg", JPEG)
    );
    // The public route serves images only: not the CV prefix, not a made-up key.
    for other in ["/api/images/cv/x.pdf", "/api/images/jobs/nothing.png"] {
        let (status, body) = app.get(other, None).await;
        assert_eq!(
            (status, &body["code"]),
            (404, &json!("image_not_found")),
            "{other}"
        );
    }
    // Deleting the job (nobody applied) removes its picture.
    let (status, _) = delete(&app, &format!("/api/jobs/{id}"), &token).await;
    assert_eq!(status, 204);
    assert_eq!(fetch(&app, &new_url).await.0, 404);
    // So does deleting an employer's account, with its jobs.
    let rival_job = create_job(&app, &rival, current_create_body("Poste du rival")).await;
    let rival_path = format!("/api/jobs/{rival_job}/image");
    let (_, job) = upload(&app, &rival_path, &rival, "image", "image/png", PNG).await;
    let rival_url = job["image_url"].as_str().unwrap().to_owned();
    assert_eq!(fetch(&app, &rival_url).await.0, 200);
    let (status, body) = delete(&app, "/api/auth/delete-account", &rival).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(fetch(&app, &rival_url).await.0, 404);
    assert!(files_in(&dir.path().join("uploads/images/jobs")).is_empty());
    app.stop().await;
}

async fn company_logos(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (token, _) = employer(&app, "rh@logi.ga", "Logi Gabon").await;
    let (rival, _) = employer(&app, "rh@rival.cm", "Rival").await;
    let (lonely, _) = account(&app, "seul@example.com", "employer").await;
    create_job(&app, &token, current_create_body("Chef d'entrepôt")).await;
    let logo_path = "/api/companies/my-company/logo";

    let (status, body) = upload(&app, logo_path, &token, "logo", "image/png", PNG).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["message"], "Logo téléchargé avec succès");
    let logo = body["logo_url"].as_str().unwrap().to_owned();
    assert!(
        logo.starts_with(&format!("{}/api/images/logos/", app.base)),
        "{logo}"
    );
    let (_, company) = app.get("/api/companies/my-company", Some(&token)).await;
    assert_eq!(company["logo_url"], logo);
    let (_, list) = app.get("/api/jobs/", None).await;
    assert_eq!(
        list["jobs"][0]["company_logo_url"], logo,
        "the cached page was evicted"
    );
    let (status, _, bytes) = fetch(&app, &logo).await;
    assert_eq!((status, bytes.as_slice()), (200, PNG));

    // The rival replaces only its own logo; an employer without a company is told so.
    let (status, body) = upload(&app, logo_path, &rival, "logo", "image/png", PNG).await;
    assert_eq!(status, 200, "{body}");
    assert_ne!(body["logo_url"], logo);
    let (_, company) = app.get("/api/companies/my-company", Some(&token)).await;
    assert_eq!(company["logo_url"], logo);
    assert_eq!(fetch(&app, &logo).await.0, 200);
    let (status, body) = upload(&app, logo_path, &lonely, "logo", "image/png", PNG).await;
    assert_eq!(
        (status, &body["detail"]),
        (404, &json!("Entreprise introuvable"))
    );
    let (status, body) = upload(&app, logo_path, &token, "logo", "image/svg+xml", SVG).await;
    assert_eq!((status, &body["code"]), (400, &json!("svg_not_accepted")));

    // The settings page saves the company with the same `logo_url`: the logo stays.
    let settings = json!({"name": "Logi Gabon", "description": "", "industry": "", "size": "",
        "website_url": "", "linkedin_url": "", "address": "", "city": "", "country": "",
        "logo_url": logo});
    let (status, saved) = put(&app, "/api/companies/my-company", settings.clone(), &token).await;
    assert_eq!((status, &saved["logo_url"]), (200, &json!(logo)));
    assert_eq!(fetch(&app, &logo).await.0, 200);
    // A new upload replaces it: new URL, old object gone.
    let (_, body) = upload(&app, logo_path, &token, "logo", "image/jpeg", JPEG).await;
    let second = body["logo_url"].as_str().unwrap().to_owned();
    assert_ne!(second, logo);
    assert_eq!(fetch(&app, &logo).await.0, 404);
    // A link typed by hand lets go of the uploaded logo.
    let mut typed = settings;
    typed["logo_url"] = json!("https://cdn.example.com/logo.png");
    let (status, saved) = put(&app, "/api/companies/my-company", typed, &token).await;
    assert_eq!(
        (status, &saved["logo_url"]),
        (200, &json!("https://cdn.example.com/logo.png"))
    );
    assert_eq!(fetch(&app, &second).await.0, 404);
    app.stop().await;
}

/// `PUBLIC_API_URL` is the origin of every image link, whatever the request's `Host`.
async fn links_use_the_public_api_url(db: TestDb) {
    let dir = data_dir();
    let public = [("PUBLIC_API_URL", "https://api.intowork.test")];
    let app = TestApp::spawn_with(db_url(&db), dir.path(), &public).await;
    let (token, _) = employer(&app, "rh@logi.ga", "Logi Gabon").await;
    let id = create_job(&app, &token, current_create_body("Chef d'entrepôt")).await;
    let path = format!("/api/jobs/{id}/image");
    let (status, job) = upload(&app, &path, &token, "image", "image/png", PNG).await;
    assert_eq!(status, 200, "{job}");
    let url = job["image_url"].as_str().unwrap();
    let rest = url
        .strip_prefix("https://api.intowork.test")
        .unwrap_or_else(|| panic!("{url}"));
    // Served by this server at the same path.
    let (status, _, bytes) = fetch(&app, &app.url(rest)).await;
    assert_eq!((status, bytes.as_slice()), (200, PNG));
    app.stop().await;
}

both_backends!(job_pictures, company_logos, links_use_the_public_api_url);

/// `STORAGE_BACKEND=s3`: pictures and logos go to the bucket (a real S3-compatible server started
/// by `scripts/test`) under `images/`, are served back from it, and a replaced one leaves it.
#[actix_web::test]
async fn images_go_to_s3_when_configured() {
    let endpoint =
        std::env::var("TEST_S3_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1:55900".into());
    let bucket = format!("e2e-images-{}", std::process::id());
    let created = reqwest::Client::new()
        .put(format!("{endpoint}/{bucket}"))
        .send()
        .await
        .unwrap_or_else(|e| {
            panic!("no S3-compatible server at {endpoint} (run scripts/test): {e}")
        });
    assert!(
        created.status().is_success(),
        "bucket: {}",
        created.status()
    );
    let listing = || async {
        reqwest::get(format!("{endpoint}/{bucket}?list-type=2"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    let db = TestDb::sqlite();
    let dir = data_dir();
    let s3 = [
        ("STORAGE_BACKEND", "s3"),
        ("S3_BUCKET", bucket.as_str()),
        ("S3_ENDPOINT", endpoint.as_str()),
        ("S3_ACCESS_KEY_ID", "test"),
        ("S3_SECRET_ACCESS_KEY", "test"),
        ("S3_FORCE_PATH_STYLE", "true"),
    ];
    let app = TestApp::spawn_with(db_url(&db), dir.path(), &s3).await;
    let (token, _) = employer(&app, "rh@logi.ga", "Logi Gabon").await;
    let id = create_job(&app, &token, current_create_body("Chef d'entrepôt")).await;
    let path = format!("/api/jobs/{id}/image");
    let (status, job) = upload(&app, &path, &token, "image", "image/png", PNG).await;
    assert_eq!(status, 200, "{job}");
    let first = job["image_url"].as_str().unwrap().to_owned();
    let (status, body) = upload(
        &app,
        "/api/companies/my-company/logo",
        &token,
        "logo",
        "image/png",
        PNG,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let keys = listing().await;
    assert!(
        keys.contains("<Key>images/jobs/") && keys.contains("<Key>images/logos/"),
        "{keys}"
    );
    assert!(
        files_in(&dir.path().join("uploads")).is_empty(),
        "nothing on local disk"
    );
    let (status, headers, bytes) = fetch(&app, &first).await;
    assert_eq!(
        (status, header(&headers, "content-type"), bytes.as_slice()),
        (200, "image/png", PNG)
    );
    let (_, job) = upload(&app, &path, &token, "image", "image/jpeg", JPEG).await;
    let second = job["image_url"].as_str().unwrap();
    let name = |url: &str| url.rsplit('/').next().unwrap().to_owned();
    let keys = listing().await;
    assert!(
        !keys.contains(&name(&first)) && keys.contains(&name(second)),
        "{keys}"
    );
    assert_eq!(fetch(&app, &first).await.0, 404);
    app.stop().await;
}
