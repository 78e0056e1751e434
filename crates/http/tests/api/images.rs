//! Job pictures and company logos over HTTP (HEAD.md 10.4): the owner uploads, anything but a
//! PNG, JPEG or WebP is refused by its bytes, another employer gets 404, and the public route
//! serves image keys only, cacheable for a year.

use actix_web::test::{self, TestRequest};
use intowork_domain::files::{FileKey, FileStoreError};
use intowork_domain::image::{ImageFormat, ImageKind, ReplacedImage};
use serde_json::{Value, json};

use crate::jobs::{CANDIDATE, EMPLOYER, RIVAL, listing, mocks, tok};
use crate::support::*;

const BOUNDARY: &str = "----imageboundary";
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

fn multipart(part: &str, content_type: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{part}\"; filename=\"visuel.png\"\r\nContent-Type: {content_type}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn upload(uri: &str, who: i64, part: &str, bytes: &[u8]) -> TestRequest {
    TestRequest::post()
        .uri(uri)
        .insert_header(tok(who))
        .insert_header((
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        ))
        .set_payload(multipart(part, "image/png", bytes))
}

/// Job 7 is the employer's; the rival owns nothing.
fn job_mocks() -> Mocks {
    let mut m = mocks();
    m.jobs.expect_find().returning(|id| {
        let mut job = listing(id.get(), "d").job;
        job.image_key = Some("images/jobs/old.png".into());
        Ok((id.get() == 7).then_some(job))
    });
    m
}

#[actix_rt::test]
async fn the_owner_uploads_a_picture_and_gets_the_job_back() {
    let mut m = job_mocks();
    m.image_keys
        .expect_new_key()
        .withf(|kind, format| *kind == ImageKind::JobImage && *format == ImageFormat::Png)
        .returning(|_, _| FileKey::parse("images/jobs/new1.png").unwrap());
    m.files
        .expect_put()
        .withf(|k, b| k.as_str() == "images/jobs/new1.png" && b == PNG)
        .times(1)
        .returning(|_, _| Ok(()));
    m.jobs
        .expect_replace_image()
        .withf(|id, key, _| id.get() == 7 && key == "images/jobs/new1.png")
        .times(1)
        .returning(|_, _, _| {
            Ok(Some(ReplacedImage {
                previous_key: Some("images/jobs/old.png".into()),
            }))
        });
    m.files
        .expect_delete()
        .withf(|k| k.as_str() == "images/jobs/old.png")
        .times(1)
        .returning(|_| Ok(()));
    m.jobs.expect_find_listing().returning(|id, _| {
        let mut l = listing(id.get(), "d");
        l.job.image_key = Some("images/jobs/new1.png".into());
        Ok(Some(l))
    });
    let app = make_app(m).await;
    let (status, _, body) = send(&app, upload("/api/jobs/7/image", EMPLOYER, "image", PNG)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["image_url"],
        "http://localhost:8080/api/images/jobs/new1.png"
    );
    // The detail's shape: sections and detail fields included.
    assert_eq!(body["context"], "Une équipe de 12");
    assert_eq!(body["employment_type"], "full_time");
}

#[actix_rt::test]
async fn others_and_bad_files_store_nothing() {
    let mut m = job_mocks();
    m.files.expect_put().never();
    m.jobs.expect_replace_image().never();
    let app = make_app(m).await;
    let svg = b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    type Case<'a> = (&'a str, i64, &'a str, &'a [u8], u16, Value);
    let cases: [Case; 6] = [
        (
            "/api/jobs/7/image",
            RIVAL,
            "image",
            PNG,
            404,
            json!("Offre introuvable"),
        ),
        (
            "/api/jobs/8/image",
            EMPLOYER,
            "image",
            PNG,
            404,
            json!("Offre introuvable"),
        ),
        (
            "/api/jobs/7/image",
            CANDIDATE,
            "image",
            PNG,
            403,
            json!("Seuls les employeurs peuvent mettre à jour une offre"),
        ),
        (
            "/api/jobs/7/image",
            EMPLOYER,
            "image",
            svg,
            400,
            json!(
                "Les images SVG ne sont pas acceptées (elles peuvent contenir des scripts) : envoyez une image PNG, JPEG ou WebP"
            ),
        ),
        (
            "/api/jobs/7/image",
            EMPLOYER,
            "image",
            b"%PDF-1.4 not an image",
            400,
            json!("Le fichier doit être une image PNG, JPEG ou WebP"),
        ),
        (
            "/api/jobs/7/image",
            EMPLOYER,
            "file",
            PNG,
            422,
            json!([{"type": "missing", "loc": ["body", "image"], "msg": "Field required", "input": null}]),
        ),
    ];
    for (uri, who, part, bytes, want, detail) in cases {
        let (status, _, body) = send(&app, upload(uri, who, part, bytes)).await;
        assert_eq!(status, want, "{uri} by {who}: {body}");
        if want == 422 {
            assert_eq!(body["detail"][0]["loc"], detail[0]["loc"]);
        } else {
            assert_eq!(body["detail"], detail, "{uri} by {who}");
        }
    }
    // Over 5 MiB: cut off while streaming.
    let mut big = PNG.to_vec();
    big.resize(5 * 1024 * 1024 + 1, 0);
    let (status, _, body) = send(&app, upload("/api/jobs/7/image", EMPLOYER, "image", &big)).await;
    assert_eq!(
        (status, body["detail"].clone(), body["code"].clone()),
        (
            413,
            json!("Le fichier ne peut pas dépasser 5MB"),
            json!("file_too_large")
        )
    );
}

#[actix_rt::test]
async fn the_logo_upload_answers_the_absolute_url() {
    let mut m = mocks();
    m.image_keys
        .expect_new_key()
        .withf(|kind, _| *kind == ImageKind::CompanyLogo)
        .returning(|_, _| FileKey::parse("images/logos/l1.png").unwrap());
    m.files.expect_put().times(1).returning(|_, _| Ok(()));
    m.companies
        .expect_replace_logo()
        .withf(|id, key, url, _| {
            id.get() == EMPLOYER
                && key == "images/logos/l1.png"
                && url == "http://localhost:8080/api/images/logos/l1.png"
        })
        .times(1)
        .returning(|_, _, _, _| Ok(Some(ReplacedImage::default())));
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        upload("/api/companies/my-company/logo", EMPLOYER, "logo", PNG),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({"message": "Logo téléchargé avec succès",
               "logo_url": "http://localhost:8080/api/images/logos/l1.png",
               "size": PNG.len()})
    );
    let (status, _, body) = send(
        &app,
        upload(
            "/api/companies/my-company/logo",
            EMPLOYER,
            "logo",
            b"<svg/>",
        ),
    )
    .await;
    assert_eq!((status, &body["code"]), (400, &json!("svg_not_accepted")));
    let (status, _, body) = send(
        &app,
        upload("/api/companies/my-company/logo", CANDIDATE, "logo", PNG),
    )
    .await;
    assert_eq!(
        (status, &body["detail"]),
        (403, &json!("Accès réservé aux employeurs"))
    );
}

#[actix_rt::test]
async fn an_employer_without_a_company_cannot_upload_a_logo() {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(EMPLOYER, intowork_domain::user::Role::Employer));
    m.companies
        .expect_employer_by_user()
        .returning(|u| Ok(Some(crate::companies::employer_row(u.get(), None))));
    m.files.expect_put().never();
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        upload("/api/companies/my-company/logo", EMPLOYER, "logo", PNG),
    )
    .await;
    assert_eq!(
        (status, body["detail"].clone()),
        (404, json!("Entreprise introuvable"))
    );
}

#[actix_rt::test]
async fn images_are_served_publicly_and_only_image_keys() {
    let mut m = Mocks::new();
    m.files
        .expect_get()
        .withf(|k| k.as_str() == "images/jobs/ab12.png")
        .returning(|_| Ok(PNG.to_vec()));
    m.files
        .expect_get()
        .withf(|k| k.as_str() == "images/logos/gone.webp")
        .returning(|_| Err(FileStoreError::NotFound));
    let app = make_app(m).await;
    let res = test::call_service(
        &app,
        TestRequest::get()
            .uri("/api/images/jobs/ab12.png")
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), 200);
    let header = |name: &str| {
        res.headers()
            .get(name)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(header("content-type"), "image/png");
    assert_eq!(
        header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(test::read_body(res).await.as_ref(), PNG);
    // Never a CV, nor anything outside the image prefixes; a missing image is 404 too.
    for uri in [
        "/api/images/logos/gone.webp",
        "/api/images/cv/ab12.pdf",
        "/api/images/jobs/ab12.pdf",
        "/api/images/jobs/..%2Fcv%2Fx.png",
    ] {
        let (status, _, body) = send(&app, TestRequest::get().uri(uri)).await;
        assert_eq!(
            (status, &body["code"]),
            (404, &json!("image_not_found")),
            "{uri}"
        );
    }
}
