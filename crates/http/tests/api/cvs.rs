//! CV routes: upload rules, streaming limit, downloads, access and signed links.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use actix_web::dev::Service;
use actix_web::test::{self, TestRequest};
use actix_web::web::Bytes;
use futures_util::StreamExt;
use intowork_domain::cv::{Cv, CvRemoval};
use intowork_domain::files::FileKey;
use intowork_domain::user::Role;
use intowork_domain::{CandidateId, CvId, UserId};
use serde_json::json;

use crate::support::*;

const CANDIDATE: &str = "valid-1-0";
const EMPLOYER: &str = "valid-2-0";
const BOUNDARY: &str = "XyZboundary42";

fn multipart(field: &str, filename: &str, content_type: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn upload_req(token: &str, body: Vec<u8>) -> TestRequest {
    TestRequest::post()
        .uri("/api/candidates/cv")
        .insert_header(bearer(token))
        .insert_header((
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        ))
        .set_payload(body)
}

fn pdf(len: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.4\n".to_vec();
    v.resize(len, b'x');
    v
}

fn cv(id: i64, name: &str, size: i64) -> Cv {
    Cv {
        id: CvId(id),
        candidate_id: CandidateId(4),
        filename: name.into(),
        storage_key: format!("cv/{id}.pdf"),
        file_size: size,
        is_active: true,
        created_at: now(),
    }
}

fn mocks() -> Mocks {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(user(2, Role::Employer));
    m.candidates
        .expect_candidate_id()
        .returning(|u| Ok((u == UserId(1)).then_some(CandidateId(4))));
    m
}

/// Mocks that accept one successful upload and record nothing else.
fn accepting(m: &mut Mocks) {
    m.keys
        .expect_cv_key()
        .returning(|| FileKey::parse("cv/server-key.pdf").unwrap());
    m.files.expect_put().returning(|_, _| Ok(()));
    m.cvs
        .expect_insert_within_limit()
        .returning(|n, _| Ok(cv(7, &n.filename, n.file_size)));
}

#[actix_rt::test]
async fn upload_of_exactly_the_limit_is_accepted_and_names_are_sanitized() {
    let mut m = mocks();
    m.keys
        .expect_cv_key()
        .returning(|| FileKey::parse("cv/server-key.pdf").unwrap());
    m.files
        .expect_put()
        .withf(|k, b| k.as_str() == "cv/server-key.pdf" && b.len() == CV_LIMITS.max_bytes)
        .times(1)
        .returning(|_, _| Ok(()));
    m.cvs
        .expect_insert_within_limit()
        .withf(|n, _| n.filename == "passwd" && n.storage_key == "cv/server-key.pdf")
        .returning(|n, _| Ok(cv(7, &n.filename, n.file_size)));
    let app = make_app(m).await;
    let body = multipart(
        "cv",
        "../../etc/passwd",
        "application/pdf",
        &pdf(CV_LIMITS.max_bytes),
    );
    let (status, _, res) = send(&app, upload_req(CANDIDATE, body)).await;
    assert_eq!(status, 200, "{res}");
    assert_eq!(
        res,
        json!({"message": "CV téléchargé avec succès", "filename": "passwd", "size": CV_LIMITS.max_bytes,
               "candidate_id": 4, "cv_id": 7})
    );
}

#[actix_rt::test]
async fn rejected_uploads_store_nothing() {
    let mut m = mocks();
    m.files.expect_put().never();
    m.cvs.expect_insert_within_limit().never();
    let app = make_app(m).await;
    let png = b"\x89PNG\r\n\x1a\n....";
    for (body, status, detail) in [
        (
            multipart("cv", "photo.pdf", "application/pdf", png),
            400,
            "Seuls les fichiers PDF sont acceptés",
        ),
        (
            multipart("cv", "cv.pdf", "image/png", &pdf(100)),
            400,
            "Seuls les fichiers PDF sont acceptés",
        ),
        (
            multipart(
                "cv",
                "big.pdf",
                "application/pdf",
                &pdf(CV_LIMITS.max_bytes + 1),
            ),
            413,
            "Le fichier ne peut pas dépasser 1MB",
        ),
    ] {
        let (s, _, res) = send(&app, upload_req(CANDIDATE, body)).await;
        assert_eq!((s, res["detail"].as_str().unwrap()), (status, detail));
    }
    let (s, _, res) = send(
        &app,
        upload_req(
            CANDIDATE,
            multipart("file", "cv.pdf", "application/pdf", &pdf(10)),
        ),
    )
    .await;
    assert_eq!((s, &res["detail"][0]["loc"]), (422, &json!(["body", "cv"])));
    let (s, _, res) = send(
        &app,
        upload_req(
            EMPLOYER,
            multipart("cv", "cv.pdf", "application/pdf", &pdf(10)),
        ),
    )
    .await;
    assert_eq!(s, 403, "{res}");
    let (s, _, res) = send(
        &app,
        TestRequest::post()
            .uri("/api/candidates/cv")
            .insert_header(bearer(CANDIDATE))
            .set_json(json!({"cv": "x"})),
    )
    .await;
    assert_eq!((s, &res["detail"][0]["loc"]), (422, &json!(["body", "cv"])));
}

#[actix_rt::test]
async fn an_oversized_stream_is_refused_after_reading_at_most_the_limit_plus_64_kib() {
    let mut m = mocks();
    m.files.expect_put().never();
    let app = make_app(m).await;
    let pulled = Arc::new(AtomicUsize::new(0));
    let counter = pulled.clone();
    let head = multipart("cv", "huge.pdf", "application/pdf", b"");
    let head = head[..head.len() - format!("\r\n--{BOUNDARY}--\r\n").len()].to_vec();
    let total_chunks = 50 * 1024 * 1024 / 8192; // a 50 MiB body, never sent whole
    let stream = futures_util::stream::iter(0..=total_chunks).map(move |i| {
        let chunk = if i == 0 {
            Bytes::from(head.clone())
        } else {
            Bytes::from(pdf(8192))
        };
        counter.fetch_add(chunk.len(), Ordering::SeqCst);
        Ok::<_, actix_web::error::PayloadError>(chunk)
    });
    let req = upload_req(CANDIDATE, Vec::new()).to_request();
    let (req, _) = req.replace_payload(actix_http::Payload::from(
        Box::pin(stream) as actix_http::BoxedPayloadStream
    ));
    let res = app.call(req).await.unwrap();
    assert_eq!(res.status().as_u16(), 413);
    let body: serde_json::Value = serde_json::from_slice(&test::read_body(res).await).unwrap();
    assert_eq!(body["detail"], "Le fichier ne peut pas dépasser 1MB");
    let read = pulled.load(Ordering::SeqCst);
    assert!(read <= CV_LIMITS.max_bytes + 64 * 1024, "read {read} bytes");

    // A declared Content-Length over the limit is refused before reading anything.
    let (s, _, _) = send(
        &app,
        upload_req(CANDIDATE, Vec::new())
            .insert_header(("content-length", (50 * 1024 * 1024).to_string())),
    )
    .await;
    assert_eq!(s, 413);
}

#[actix_rt::test]
async fn storage_and_database_failures_during_upload_leave_nothing_behind() {
    let mut m = mocks();
    m.keys
        .expect_cv_key()
        .returning(|| FileKey::parse("cv/k.pdf").unwrap());
    m.files.expect_put().times(1).returning(|_, _| {
        Err(intowork_domain::files::FileStoreError::Backend(
            "s3 down".into(),
        ))
    });
    m.cvs.expect_insert_within_limit().never();
    let app = make_app(m).await;
    let (s, _, res) = send(
        &app,
        upload_req(
            CANDIDATE,
            multipart("cv", "cv.pdf", "application/pdf", &pdf(50)),
        ),
    )
    .await;
    assert_eq!(s, 503);
    assert!(!res.to_string().contains("s3 down"));

    let mut m = mocks();
    accepting(&mut m);
    m.cvs.checkpoint();
    m.cvs
        .expect_insert_within_limit()
        .returning(|_, _| Err(intowork_domain::cv::InsertCvError::LimitReached));
    m.files
        .expect_delete()
        .withf(|k| k.as_str() == "cv/server-key.pdf")
        .times(1)
        .returning(|_| Ok(()));
    let app = make_app(m).await;
    let (s, _, res) = send(
        &app,
        upload_req(
            CANDIDATE,
            multipart("cv", "cv.pdf", "application/pdf", &pdf(50)),
        ),
    )
    .await;
    assert_eq!((s, res["code"].as_str()), (400, Some("too_many_cvs")));
}

#[actix_rt::test]
async fn downloads_carry_rfc6266_names_and_length() {
    let mut m = mocks();
    m.cvs.expect_find_active().returning(|c, id| {
        Ok((c == CandidateId(4) && id == CvId(7)).then(|| cv(7, "Zoë CV.pdf", 9)))
    });
    m.files
        .expect_get()
        .returning(|_| Ok(b"%PDF-1.4\n".to_vec()));
    let app = make_app(m).await;
    let res = test::call_service(
        &app,
        TestRequest::get()
            .uri("/api/candidates/cvs/7/download")
            .insert_header(bearer(CANDIDATE))
            .to_request(),
    )
    .await;
    assert_eq!(res.status().as_u16(), 200);
    let h = res.headers().clone();
    assert_eq!(h.get("content-type").unwrap(), "application/pdf");
    assert_eq!(
        h.get("content-disposition").unwrap(),
        "inline; filename=\"Zo_ CV.pdf\"; filename*=UTF-8''Zo%C3%AB%20CV.pdf"
    );
    assert!(h.contains_key("etag") && h.contains_key("last-modified"));
    assert_eq!(test::read_body(res).await.len(), 9);
    // Someone else's CV id.
    let (s, _, res) = send(
        &app,
        TestRequest::get()
            .uri("/api/candidates/cvs/8/download")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!((s, res["detail"].as_str()), (404, Some("CV non trouvé")));
}

#[actix_rt::test]
async fn delete_and_list_only_touch_the_callers_cvs() {
    let mut m = mocks();
    m.cvs.expect_remove().returning(|c, id| {
        Ok((c == CandidateId(4) && id == CvId(7)).then_some(CvRemoval::Deactivated))
    });
    m.cvs
        .expect_list_active()
        .returning(|_| Ok(vec![cv(8, "b.pdf", 2), cv(7, "a.pdf", 1)]));
    m.files.expect_delete().never();
    let app = make_app(m).await;
    let (s, _, res) = send(
        &app,
        TestRequest::delete()
            .uri("/api/candidates/cvs/7")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!(
        (s, res),
        (200, json!({"message": "CV supprimé avec succès"}))
    );
    let (s, _, res) = send(
        &app,
        TestRequest::delete()
            .uri("/api/candidates/cvs/9")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!((s, res["detail"].as_str()), (404, Some("CV non trouvé")));
    let (s, _, res) = send(
        &app,
        TestRequest::get()
            .uri("/api/candidates/cvs")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(
        res[0],
        json!({"id": 8, "filename": "b.pdf", "file_size": 2, "is_active": true, "created_at": "2026-11-27T10:00:00Z"})
    );
}

#[actix_rt::test]
async fn signed_links_that_are_tampered_or_missing_are_403() {
    let mut m = mocks();
    m.signer.expect_verify().returning(|_, sig| sig == "good");
    m.cvs
        .expect_find_any()
        .returning(|id| Ok(Some(cv(id.get(), "a.pdf", 9))));
    m.files
        .expect_get()
        .returning(|_| Ok(b"%PDF-1.4\n".to_vec()));
    let app = make_app(m).await;
    let far = now().timestamp() + 600;
    let (s, _, res) = send(
        &app,
        TestRequest::get().uri(&format!("/api/files/cvs/7?expires={far}&signature=bad")),
    )
    .await;
    assert_eq!((s, res["code"].as_str()), (403, Some("invalid_link")));
    let (s, _, _) = send(&app, TestRequest::get().uri("/api/files/cvs/7")).await;
    assert_eq!(s, 403);
    let res = test::call_service(
        &app,
        TestRequest::get()
            .uri(&format!("/api/files/cvs/7?expires={far}&signature=good"))
            .to_request(),
    )
    .await;
    assert_eq!(res.status().as_u16(), 200);
}

fn multipart_raw_disposition(disposition: &[u8], bytes: &[u8]) -> Vec<u8> {
    let mut body = format!("--{BOUNDARY}\r\n").into_bytes();
    body.extend_from_slice(b"Content-Disposition: ");
    body.extend_from_slice(disposition);
    body.extend_from_slice(b"\r\nContent-Type: application/pdf\r\n\r\n");
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

#[actix_rt::test]
async fn control_characters_in_names_are_accepted_and_sanitized() {
    let mut m = mocks();
    m.keys
        .expect_cv_key()
        .returning(|| FileKey::parse("cv/server-key.pdf").unwrap());
    m.files.expect_put().returning(|_, _| Ok(()));
    m.cvs
        .expect_insert_within_limit()
        .returning(|n, _| Ok(cv(7, &n.filename, n.file_size)));
    let app = make_app(m).await;
    for (disposition, shown) in [
        // RFC 5987: any character survives the transport, then sanitizing drops controls.
        (&b"form-data; name=\"cv\"; filename=\"x.pdf\"; filename*=UTF-8''..%2F..%2Fevil%01%0D%0Aname.pdf"[..], "evilname.pdf"),
        // A raw tab is legal in a header; browsers escape CR and LF as %0D/%0A.
        (&b"form-data; name=\"cv\"; filename=\"tab\there%0D%0A.pdf\""[..], "tabhere%0D%0A.pdf"),
    ] {
        let (s, _, res) = send(&app, upload_req(CANDIDATE, multipart_raw_disposition(disposition, &pdf(20)))).await;
        assert_eq!((s, res["filename"].as_str()), (200, Some(shown)), "{res}");
    }
    // A raw control byte makes the part header unparseable: a clear 400, not a missing part.
    let (s, _, res) = send(
        &app,
        upload_req(
            CANDIDATE,
            multipart_raw_disposition(b"form-data; name=\"cv\"; filename=\"a\x01b.pdf\"", &pdf(20)),
        ),
    )
    .await;
    assert_eq!((s, res["code"].as_str()), (400, Some("invalid_multipart")));
}
