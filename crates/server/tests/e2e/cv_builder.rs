//! The CV builder through the real server, on SQLite and PostgreSQL (HEAD.md 10.18): HEAD's
//! autosave bodies reload as saved, a 3 MB photo round-trips through the file store, a private CV
//! is nobody else's to read or count, and views are counted once per `track-view` call only.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use intowork_testkit::TestDb;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::hiring::{account, delete};
use crate::support::*;

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/../http/tests/api/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

async fn save(app: &TestApp, token: &str, body: &Value) -> (u16, Value) {
    app.post("/api/cv-builder/save", body.clone(), Some(token))
        .await
}

/// The bytes and content type behind a photo link.
async fn fetch(app: &TestApp, link: &str) -> (u16, String, Vec<u8>) {
    let res = app.client.get(link).send().await.unwrap();
    let status = res.status().as_u16();
    let ct = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, ct, res.bytes().await.unwrap().to_vec())
}

async fn views(app: &TestApp, token: &str) -> i64 {
    let (_, cv) = app.get("/api/cv-builder/load", Some(token)).await;
    cv["views_count"].as_i64().unwrap()
}

async fn a_saved_cv_reloads_as_saved_and_its_photo_round_trips(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (awa, _) = account(&app, "awa@example.com", "candidate").await;
    assert_eq!(
        app.get("/api/cv-builder/load", Some(&awa)).await.1,
        Value::Null
    );

    // The first autosave of an empty form, then the filled form with a 3 MB photo.
    let (s, first) = save(&app, &awa, &fixture("cv_builder_first_save.json")).await;
    assert_eq!(s, 200, "{first}");
    let mut photo = vec![0xFF, 0xD8, 0xFF, 0xE0];
    photo.extend((0..3 * 1024 * 1024 - 4).map(|i| (i % 251) as u8));
    let mut body = fixture("cv_builder_save.json");
    body["cv_data"]["personalInfo"]["photo"] = json!(format!(
        "data:image/jpeg;base64,{}",
        STANDARD.encode(&photo)
    ));
    let (s, saved) = save(&app, &awa, &body).await;
    assert_eq!(s, 200);
    assert_eq!(
        saved["slug"], first["slug"],
        "the slug is fixed at creation"
    );
    let slug = saved["slug"].as_str().unwrap().to_owned();
    assert_eq!(slug.len(), 32);
    let link = saved["cv_data"]["personalInfo"]["photo"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        link.starts_with(&format!("{}/api/images/cv-photos/", app.base)),
        "{link}"
    );
    let (s, ct, bytes) = fetch(&app, &link).await;
    assert_eq!((s, ct.as_str()), (200, "image/jpeg"));
    assert!(bytes == photo, "the stored photo is the one sent");

    // Reload: the same document, the photo as its link.
    let (_, loaded) = app.get("/api/cv-builder/load", Some(&awa)).await;
    let mut expected = body["cv_data"].clone();
    expected["personalInfo"]["photo"] = json!(link);
    assert_eq!(loaded["cv_data"], expected);
    assert_eq!(loaded["template"], "creative");
    // The next autosave sends the loaded document back: the photo is kept, not stored again.
    let again = json!({"cv_data": loaded["cv_data"], "template": "bold", "is_public": false});
    let (s, kept) = save(&app, &awa, &again).await;
    assert_eq!(s, 200, "{kept}");
    assert_eq!(kept["cv_data"]["personalInfo"]["photo"], json!(link));
    // A new photo replaces the old one, whose file is removed.
    let mut png = again.clone();
    png["cv_data"]["personalInfo"]["photo"] = json!(
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
    );
    let (_, replaced) = save(&app, &awa, &png).await;
    let new_link = replaced["cv_data"]["personalInfo"]["photo"]
        .as_str()
        .unwrap();
    assert_ne!(new_link, link);
    assert_eq!(fetch(&app, new_link).await.1, "image/png");
    assert_eq!(fetch(&app, &link).await.0, 404);

    // An employer has no CV builder; delete takes the document and the photo.
    let (boss, _) = account(&app, "rh@example.com", "employer").await;
    assert_eq!(save(&app, &boss, &body).await.0, 403);
    let (s, gone) = delete(&app, "/api/cv-builder/delete", &awa).await;
    assert_eq!((s, gone["status"].as_str()), (200, Some("deleted")));
    assert_eq!(
        app.get("/api/cv-builder/load", Some(&awa)).await.1,
        Value::Null
    );
    assert_eq!(fetch(&app, new_link).await.0, 404);
    assert_eq!(
        app.get(&format!("/api/cv-builder/public/{slug}"), None)
            .await
            .0,
        404
    );
    app.stop().await;
}

async fn private_cvs_are_nobody_elses_and_views_count_once_per_track_call(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (awa, _) = account(&app, "awa@example.com", "candidate").await;
    let (ben, _) = account(&app, "ben@example.com", "candidate").await;
    let (s, saved) = save(&app, &awa, &fixture("cv_builder_save.json")).await;
    assert_eq!(s, 200, "{saved}");
    let slug = saved["slug"].as_str().unwrap().to_owned();
    let public = format!("/api/cv-builder/public/{slug}");
    let track = format!("/api/cv-builder/track-view/{slug}");

    // Another candidate reads their own (absent) CV, never Awa's; her private slug is unknown.
    assert_eq!(
        app.get("/api/cv-builder/load", Some(&ben)).await.1,
        Value::Null
    );
    assert_eq!(
        app.get("/api/cv-builder/list", Some(&ben)).await.1,
        json!([])
    );
    let (s, body) = app.get(&public, Some(&ben)).await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (404, Some("CV not found or not public"))
    );
    assert_eq!(app.post(&track, json!({}), None).await.0, 404);
    assert_eq!(views(&app, &awa).await, 0, "a private CV counts nothing");

    let (_, shared) = call(
        &app,
        Method::PATCH,
        "/api/cv-builder/toggle-public",
        Some(&awa),
        None,
    )
    .await;
    assert_eq!(
        shared,
        json!({"is_public": true, "public_url": format!("/cv/{slug}")})
    );
    for _ in 0..5 {
        let (s, page) = app.get(&public, None).await;
        assert_eq!(s, 200);
        assert_eq!(page["cv_data"]["personalInfo"]["firstName"], "Élodie");
    }
    assert_eq!(
        views(&app, &awa).await,
        0,
        "reading the public page counts nothing"
    );
    for n in 1..=3 {
        let (s, body) = app.post(&track, json!({}), None).await;
        assert_eq!((s, body["views_count"].as_i64()), (200, Some(n)));
    }
    assert_eq!(views(&app, &awa).await, 3);
    assert_eq!(app.get(&public, None).await.1["views_count"], 3);
    let (_, stats) = app.get("/api/cv-builder/analytics", Some(&awa)).await;
    assert_eq!(stats["total_views"], 3);
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert_eq!(stats["views_by_date"], json!([{"date": today, "count": 3}]));
    let (_, list) = app.get("/api/cv-builder/list", Some(&awa)).await;
    assert_eq!(list[0]["views_count"], 3);

    // Private again: not found, and calls count nothing.
    let (_, hidden) = call(
        &app,
        Method::PATCH,
        "/api/cv-builder/toggle-public",
        Some(&awa),
        None,
    )
    .await;
    assert_eq!(hidden, json!({"is_public": false, "public_url": null}));
    assert_eq!(app.get(&public, None).await.0, 404);
    assert_eq!(app.post(&track, json!({}), None).await.0, 404);
    assert_eq!(views(&app, &awa).await, 3);
    app.stop().await;
}

both_backends!(
    a_saved_cv_reloads_as_saved_and_its_photo_round_trips,
    private_cvs_are_nobody_elses_and_views_count_once_per_track_call,
);
