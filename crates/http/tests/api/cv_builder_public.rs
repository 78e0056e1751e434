//! The CV builder's public side: the page that counts nothing, the view counter that counts
//! public CVs only, and the photos served as public images.

use actix_web::test::{self, TestRequest};
use intowork_domain::UserId;
use intowork_domain::cv_builder::{CvSave, CvTemplate};
use intowork_domain::files::{FileKey, FileStoreError};
use serde_json::json;

use crate::cv_builder::{LINK, mocks, stored};
use crate::support::*;

#[actix_web::test]
async fn the_public_page_counts_nothing_and_track_view_counts_public_ones() {
    let mut m = mocks();
    m.cv_documents.expect_find_public().returning(|slug| {
        Ok((slug == "shared").then(|| {
            let mut cv = stored(&CvSave {
                user: UserId(1),
                new_slug: String::new(),
                default_title: String::new(),
                title: None,
                template: CvTemplate::Executive,
                is_public: true,
                document: Default::default(),
                photo: Some(FileKey::parse("images/cv-photos/p.webp").unwrap()),
                now: now(),
            });
            cv.slug = "shared".into();
            cv.views_count = 7;
            cv
        }))
    });
    m.cv_documents
        .expect_record_view()
        .returning(|slug, _| Ok((slug == "shared").then_some(8)));
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::get().uri("/api/cv-builder/public/shared"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["views_count"], 7);
    assert_eq!(body["template"], "executive");
    assert_eq!(
        body["cv_data"]["personalInfo"]["photo"],
        format!("{LINK}p.webp")
    );
    let (status, _, body) = send(
        &app,
        TestRequest::get().uri("/api/cv-builder/public/private"),
    )
    .await;
    assert_eq!(
        (status, body["detail"].as_str()),
        (404, Some("CV not found or not public"))
    );

    let track = |slug: &str| TestRequest::post().uri(&format!("/api/cv-builder/track-view/{slug}"));
    let (_, _, body) = send(&app, track("shared")).await;
    assert_eq!(body, json!({"status": "tracked", "views_count": 8}));
    assert_eq!(send(&app, track("private")).await.0, 404);
    assert_eq!(send(&app, track(&"a".repeat(65))).await.0, 404);
}

#[actix_web::test]
async fn photos_are_served_as_public_images() {
    let mut m = mocks();
    m.files.expect_get().returning(|k| {
        if k.as_str() == "images/cv-photos/abc.png" {
            Ok(b"\x89PNG\r\n\x1a\nrest".to_vec())
        } else {
            Err(FileStoreError::NotFound)
        }
    });
    let app = make_app(m).await;
    let res = test::call_service(
        &app,
        TestRequest::get()
            .uri("/api/images/cv-photos/abc.png")
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), 200);
    let h = res.headers();
    assert_eq!(h.get("content-type").unwrap(), "image/png");
    assert_eq!(
        h.get("cache-control").unwrap(),
        "public, max-age=31536000, immutable"
    );
    for missing in ["gone.png", "abc.svg"] {
        let uri = format!("/api/images/cv-photos/{missing}");
        let (status, _, _) = send(&app, TestRequest::get().uri(&uri)).await;
        assert_eq!(status, 404, "{missing}");
    }
}
