//! Input limits through the real server: a `javascript:` website is refused and the stored one
//! kept; texts past their caps are refused whole; oversized `search` and `location` are refused before normalisation or any SQL (on SQLite
//! a 60,000-character pattern used to fail in `LIKE` with a 500).

use intowork_testkit::TestDb;
use serde_json::json;

use crate::both_backends;
use crate::hiring::{employer, job_body, put};
use crate::support::*;

async fn a_script_url_is_refused_and_the_stored_one_kept(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (token, _) = employer(&app, "rh@limits.sn", "Acme").await;
    let site = json!({"website_url": "https://acme.example"});
    let (status, _) = put(&app, "/api/companies/my-company", site, &token).await;
    assert_eq!(status, 200);

    for (field, url, kind) in [
        ("website_url", "javascript:alert(1)", "url_scheme"),
        (
            "logo_url",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "url_scheme",
        ),
        ("linkedin_url", "//evil.example/x", "url_parsing"),
    ] {
        let body = json!({ field: url });
        let (status, body) = put(&app, "/api/companies/my-company", body, &token).await;
        assert_eq!(status, 422, "{field}: {body}");
        assert_eq!(body["detail"][0]["loc"], json!(["body", field]));
        assert_eq!(body["detail"][0]["type"], kind, "{field}");
    }
    let body = json!({"website_url": "javascript:alert(1)"});
    let (_, body) = put(&app, "/api/companies/my-company", body, &token).await;
    assert_eq!(
        body["detail"][0]["msg"],
        "URL scheme should be 'http' or 'https'"
    );
    let (_, company) = app.get("/api/companies/my-company", Some(&token)).await;
    assert_eq!(company["website_url"], "https://acme.example");
    assert_eq!(company["logo_url"], json!(null));

    // A host typed without a scheme is taken as https.
    let bare = json!({"website_url": "www.acme.example"});
    let (status, saved) = put(&app, "/api/companies/my-company", bare, &token).await;
    assert_eq!(
        (status, &saved["website_url"]),
        (200, &json!("https://www.acme.example"))
    );

    // "" stays the forms' "no URL".
    let blank = json!({"website_url": "", "logo_url": null});
    let (status, saved) = put(&app, "/api/companies/my-company", blank, &token).await;
    assert_eq!((status, &saved["website_url"]), (200, &json!("")));
    app.stop().await;
}

async fn oversized_searches_are_422_before_any_query(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    // U+FDFA grows 18-fold under NFKD; percent-encoded here.
    let wide = "%EF%B7%BA".repeat(1_500);
    let cases = [
        (format!("search={wide}&location={wide}"), "search"),
        (format!("location={wide}"), "location"),
        (format!("search={}", "a".repeat(60_000)), "search"),
    ];
    for (query, name) in cases {
        let (status, body) = app.get(&format!("/api/jobs?{query}"), None).await;
        assert_eq!(status, 422, "{name}: {body}");
        assert_eq!(body["detail"][0]["type"], "string_too_long");
        assert_eq!(body["detail"][0]["loc"], json!(["query", name]));
        assert_eq!(body["detail"][0]["ctx"], json!({"max_length": 200}));
    }
    let at_cap = "%EF%B7%BA".repeat(200);
    let (status, body) = app
        .get(
            &format!("/api/jobs?search={at_cap}&location={at_cap}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    app.stop().await;
}

/// The texts behind the job list's memory: a megabyte of company description, and job texts past
/// their cap, are refused whole and store nothing.
async fn oversized_texts_are_refused_and_nothing_stored(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (token, _) = employer(&app, "rh@texts.sn", "Acme").await;
    let huge = json!({"description": "x".repeat(1_000_000)});
    let (status, body) = put(&app, "/api/companies/my-company", huge, &token).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["detail"][0]["type"], "string_too_long");
    assert_eq!(body["detail"][0]["loc"], json!(["body", "description"]));
    assert_eq!(body["detail"][0]["ctx"], json!({"max_length": 20_000}));
    let (_, company) = app.get("/api/companies/my-company", Some(&token)).await;
    assert_eq!(company["description"], json!(null));

    let mut job = job_body("Développeur Rust");
    job["requirements"] = json!("r".repeat(20_001));
    job["title"] = json!("t".repeat(201));
    let (status, body) = app.post("/api/jobs/create", job, Some(&token)).await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<_> = body["detail"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| (item["loc"][1].clone(), item["type"].clone()))
        .collect();
    assert!(
        fields.contains(&(json!("title"), json!("string_too_long")))
            && fields.contains(&(json!("requirements"), json!("string_too_long"))),
        "{body}"
    );
    let (_, mine) = app.get("/api/jobs/my-jobs", Some(&token)).await;
    assert_eq!(mine["total"], 0, "{mine}");

    // At the caps: accepted, and the public list shows the description cut.
    let mut job = job_body("t".repeat(200).as_str());
    job["description"] = json!("d".repeat(20_000));
    job["requirements"] = json!("r".repeat(20_000));
    let (status, body) = app.post("/api/jobs/create", job, Some(&token)).await;
    assert_eq!(status, 201, "{body}");
    let (_, list) = app.get("/api/jobs?page=1", None).await;
    let listed = list["jobs"][0]["description"].as_str().unwrap();
    assert_eq!(listed.chars().count(), 303, "300 characters and `...`");
    app.stop().await;
}

both_backends!(
    a_script_url_is_refused_and_the_stored_one_kept,
    oversized_searches_are_422_before_any_query,
    oversized_texts_are_refused_and_nothing_stored,
);
