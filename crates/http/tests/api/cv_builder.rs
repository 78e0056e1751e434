//! CV builder routes with HEAD's bodies: the save's shape and caps, the photo as a data URL stored
//! as a file and given back as a link, the public page that counts nothing, and the view counter.

use actix_web::test::TestRequest;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use intowork_domain::cv_builder::{CvSave, CvTemplate, SavedCv, SavedVersion, Visibility};
use intowork_domain::files::FileKey;
use intowork_domain::image::{ImageFormat, ImageKind};
use intowork_domain::user::Role;
use intowork_domain::{CvDocumentId, UserId};
use serde_json::{Value, json};

use crate::support::*;

const CANDIDATE: &str = "valid-1-0";
const EMPLOYER: &str = "valid-2-0";
pub(crate) const LINK: &str = "http://localhost:8080/api/images/cv-photos/";

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/api/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub(crate) fn mocks() -> Mocks {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(user(2, Role::Employer));
    m.cv_names.expect_slug().returning(|| "f".repeat(32));
    m
}

pub(crate) fn stored(s: &CvSave) -> SavedCv {
    SavedCv {
        id: CvDocumentId(5),
        user: s.user,
        slug: "f".repeat(32),
        title: Some(s.title.clone().unwrap_or(s.default_title.clone())),
        template: s.template,
        is_public: s.is_public,
        document: s.document.clone(),
        photo: s.photo.clone(),
        views_count: 0,
        downloads_count: 0,
        created_at: now(),
        updated_at: now(),
    }
}

/// Saves answer what was saved; a new photo gets the key `images/cv-photos/new.<ext>`.
fn saving(mut m: Mocks) -> Mocks {
    m.image_keys.expect_new_key().returning(|kind, f| {
        assert_eq!(kind, ImageKind::CvPhoto);
        FileKey::parse(&format!("images/cv-photos/new.{}", f.extension())).unwrap()
    });
    m.files.expect_put().returning(|_, _| Ok(()));
    m.cv_documents.expect_save().returning(|s| {
        Ok(SavedVersion {
            cv: stored(&s),
            replaced_photo: None,
        })
    });
    m
}

fn save_req(token: &str, body: &Value) -> TestRequest {
    TestRequest::post()
        .uri("/api/cv-builder/save")
        .insert_header(bearer(token))
        .set_json(body)
}

#[actix_web::test]
async fn heads_save_bodies_are_saved_and_answered_in_heads_shape() {
    let app = make_app(saving(mocks())).await;
    let (status, _, body) = send(&app, save_req(CANDIDATE, &fixture("cv_builder_save.json"))).await;
    assert_eq!(status, 200, "{body}");
    let sent = fixture("cv_builder_save.json")["cv_data"].clone();
    assert_eq!(
        body["cv_data"]["personalInfo"]["photo"],
        format!("{LINK}new.png")
    );
    // Everything else comes back as sent.
    let mut expected = sent;
    expected["personalInfo"]["photo"] = json!(format!("{LINK}new.png"));
    assert_eq!(body["cv_data"], expected);
    assert_eq!(body["template"], "creative");
    assert_eq!(body["slug"], "f".repeat(32));
    assert_eq!(body["title"], "CV de Élodie N'Diaye");
    assert_eq!(
        (body["is_public"].clone(), body["public_url"].clone()),
        (json!(false), Value::Null)
    );
    assert_eq!(body["views_count"], 0);

    let (status, _, body) = send(
        &app,
        save_req(CANDIDATE, &fixture("cv_builder_first_save.json")),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["cv_data"]["personalInfo"]["photo"], Value::Null);
    assert_eq!(body["title"], "CV de");
}

#[actix_web::test]
async fn the_link_given_back_keeps_the_photo_and_unknown_templates_are_elegance() {
    let mut m = mocks();
    m.cv_documents.expect_find().returning(|_| {
        let mut cv = stored(&CvSave {
            user: UserId(1),
            new_slug: String::new(),
            default_title: String::new(),
            title: None,
            template: CvTemplate::Bold,
            is_public: true,
            document: Default::default(),
            photo: Some(FileKey::parse("images/cv-photos/abc.jpg").unwrap()),
            now: now(),
        });
        cv.is_public = true;
        Ok(Some(cv))
    });
    m.files.expect_put().never();
    let m = saving(m);
    let app = make_app(m).await;
    let mut body = fixture("cv_builder_save.json");
    body["cv_data"]["personalInfo"]["photo"] = json!(format!("{LINK}abc.jpg"));
    body["template"] = json!("Neon");
    body["is_public"] = json!(true);
    let (status, _, out) = send(&app, save_req(CANDIDATE, &body)).await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(
        out["cv_data"]["personalInfo"]["photo"],
        format!("{LINK}abc.jpg")
    );
    assert_eq!(out["template"], "elegance");
    assert_eq!(out["public_url"], format!("/cv/{}", "f".repeat(32)));

    // Another candidate's photo link, a foreign URL or a non-image are refused, nothing saved.
    let mut m = mocks();
    m.cv_documents.expect_find().returning(|_| Ok(None));
    m.cv_documents.expect_save().never();
    m.files.expect_put().never();
    let app = make_app(m).await;
    for (photo, code) in [
        (format!("{LINK}theirs.png"), "invalid_photo"),
        ("https://tracker.example/p.png".to_owned(), "invalid_photo"),
        (
            format!("data:image/png;base64,{}", STANDARD.encode("<svg/>")),
            "svg_not_accepted",
        ),
        (
            format!("data:image/gif;base64,{}", STANDARD.encode("GIF89a")),
            "not_an_image",
        ),
    ] {
        let mut body = fixture("cv_builder_save.json");
        body["cv_data"]["personalInfo"]["photo"] = json!(photo);
        let (status, _, out) = send(&app, save_req(CANDIDATE, &body)).await;
        assert_eq!((status, out["code"].as_str()), (400, Some(code)), "{photo}");
    }
}

#[actix_web::test]
async fn a_three_megabyte_photo_fits_the_save_body_and_eight_mib_is_the_limit() {
    let mut m = saving(mocks());
    m.image_keys.checkpoint();
    m.image_keys
        .expect_new_key()
        .withf(|k, f| *k == ImageKind::CvPhoto && *f == ImageFormat::Jpeg)
        .returning(|_, _| FileKey::parse("images/cv-photos/big.jpg").unwrap());
    let app = make_app(m).await;
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0];
    jpeg.resize(3 * 1024 * 1024, 7);
    let mut body = fixture("cv_builder_save.json");
    body["cv_data"]["personalInfo"]["photo"] =
        json!(format!("data:image/jpeg;base64,{}", STANDARD.encode(&jpeg)));
    let (status, _, out) = send(&app, save_req(CANDIDATE, &body)).await;
    assert_eq!(status, 200);
    assert_eq!(
        out["cv_data"]["personalInfo"]["photo"],
        format!("{LINK}big.jpg")
    );

    let huge = "x".repeat(8 * 1024 * 1024);
    let req = TestRequest::post()
        .uri("/api/cv-builder/save")
        .insert_header(bearer(CANDIDATE))
        .insert_header(("content-type", "application/json"))
        .set_payload(format!("{{\"cv_data\": \"{huge}\"}}"));
    let (status, _, out) = send(&app, req).await;
    assert_eq!(
        (status, out["code"].as_str()),
        (413, Some("payload_too_large"))
    );
}

#[actix_web::test]
async fn texts_and_sections_over_their_caps_get_pydantic_items_and_nothing_is_saved() {
    let mut m = mocks();
    m.cv_documents.expect_save().never();
    m.files.expect_put().never();
    let app = make_app(m).await;
    let mut body = fixture("cv_builder_first_save.json");
    body["cv_data"]["personalInfo"]["summary"] = json!("é".repeat(10_001));
    let (status, _, out) = send(&app, save_req(CANDIDATE, &body)).await;
    assert_eq!(status, 422);
    assert_eq!(out["detail"][0]["type"], "string_too_long");
    assert_eq!(
        out["detail"][0]["loc"],
        json!(["body", "cv_data", "personalInfo", "summary"])
    );

    let mut body = fixture("cv_builder_first_save.json");
    let skill = json!({"id": "s", "name": "Rust", "level": 3});
    body["cv_data"]["skills"] = json!(vec![skill; 101]);
    body["cv_data"]["languages"] = json!([{"id": "l", "name": "Wolof", "level": "C2"}]);
    body["cv_data"]["experiences"] = json!([{"company": "no id"}]);
    let (status, _, out) = send(&app, save_req(CANDIDATE, &body)).await;
    assert_eq!(status, 422, "{out}");
    assert_eq!(out["detail"][0]["type"], "missing");

    body["cv_data"]["experiences"] = json!([]);
    body["cv_data"]["skills"][3]["level"] = json!(101);
    let (status, _, out) = send(&app, save_req(CANDIDATE, &body)).await;
    assert_eq!(status, 422, "{out}");
    assert_eq!(out["detail"][0]["type"], "too_long");
    assert_eq!(
        out["detail"][0]["loc"],
        json!(["body", "cv_data", "skills"])
    );
}

#[actix_web::test]
async fn the_owner_routes_are_the_candidates() {
    let mut m = mocks();
    m.cv_documents.expect_find().never();
    m.cv_documents.expect_save().never();
    let app = make_app(m).await;
    for (method, path) in [
        ("GET", "/api/cv-builder/load"),
        ("POST", "/api/cv-builder/save"),
        ("GET", "/api/cv-builder/list"),
        ("GET", "/api/cv-builder/analytics"),
        ("PATCH", "/api/cv-builder/toggle-public"),
        ("DELETE", "/api/cv-builder/delete"),
    ] {
        let method = actix_web::http::Method::from_bytes(method.as_bytes()).unwrap();
        let req = TestRequest::default().method(method.clone()).uri(path);
        let (status, _, _) = send(&app, req).await;
        assert_eq!(status, 401, "{path}");
        let req = TestRequest::default()
            .method(method)
            .uri(path)
            .insert_header(bearer(EMPLOYER))
            .set_json(fixture("cv_builder_first_save.json"));
        let (status, _, body) = send(&app, req).await;
        assert_eq!(
            (status, body["detail"].as_str()),
            (403, Some("Accès réservé aux candidats"))
        );
    }
}

#[actix_web::test]
async fn load_list_analytics_toggle_and_delete_answer_heads_shapes() {
    let mut m = mocks();
    m.cv_documents.expect_find().returning(|_| Ok(None));
    m.cv_documents
        .expect_toggle_public()
        .returning(|_| Ok(None));
    m.cv_documents.expect_delete().returning(|_| Ok(None));
    let app = make_app(m).await;
    let get = |p: &str| TestRequest::get().uri(p).insert_header(bearer(CANDIDATE));
    assert_eq!(send(&app, get("/api/cv-builder/load")).await.2, Value::Null);
    assert_eq!(send(&app, get("/api/cv-builder/list")).await.2, json!([]));
    let (_, _, a) = send(&app, get("/api/cv-builder/analytics")).await;
    assert_eq!(
        a,
        json!({"total_views": 0, "total_downloads": 0, "views_by_date": [],
               "views_by_country": [], "recent_views": []})
    );
    let toggle = TestRequest::patch()
        .uri("/api/cv-builder/toggle-public")
        .insert_header(bearer(CANDIDATE));
    let (status, _, body) = send(&app, toggle).await;
    assert_eq!(
        (status, body["detail"].as_str()),
        (404, Some("CV not found"))
    );
    let delete = TestRequest::delete()
        .uri("/api/cv-builder/delete")
        .insert_header(bearer(CANDIDATE));
    assert_eq!(send(&app, delete).await.0, 404);

    let mut m = mocks();
    m.cv_documents.expect_toggle_public().returning(|_| {
        Ok(Some(Visibility {
            is_public: true,
            slug: "abc".into(),
        }))
    });
    m.cv_documents.expect_delete().returning(|_| Ok(Some(None)));
    let app = make_app(m).await;
    let toggle = TestRequest::patch()
        .uri("/api/cv-builder/toggle-public")
        .insert_header(bearer(CANDIDATE));
    let (_, _, body) = send(&app, toggle).await;
    assert_eq!(body, json!({"is_public": true, "public_url": "/cv/abc"}));
    let delete = TestRequest::delete()
        .uri("/api/cv-builder/delete")
        .insert_header(bearer(CANDIDATE));
    let (_, _, body) = send(&app, delete).await;
    assert_eq!(
        body,
        json!({"status": "deleted", "message": "CV and all analytics deleted"})
    );
}
