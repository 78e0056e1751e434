//! Scale-out (issue 9): two server instances sharing one PostgreSQL database, one S3-compatible
//! bucket and one Redis behave as one service.

use serde_json::json;

use crate::support::*;

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{prefix}-{}-{nanos}", std::process::id())
}

#[actix_web::test]
async fn two_instances_share_files_tokens_revocations_and_limits() {
    let s3 = std::env::var("TEST_S3_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1:55900".into());
    let redis = std::env::var("TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into());
    let bucket = unique("scale");
    let created = reqwest::Client::new()
        .put(format!("{s3}/{bucket}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("no S3-compatible server at {s3} (run scripts/test): {e}"));
    assert!(created.status().is_success());
    let db = intowork_testkit::TestDb::postgres();
    let shared = [
        ("STORAGE_BACKEND", "s3"),
        ("S3_BUCKET", bucket.as_str()),
        ("S3_ENDPOINT", s3.as_str()),
        ("S3_ACCESS_KEY_ID", "test"),
        ("S3_SECRET_ACCESS_KEY", "test"),
        ("S3_FORCE_PATH_STYLE", "true"),
        ("REDIS_URL", redis.as_str()),
        ("AUTH_RATE_LIMIT_PER_MINUTE", "4"),
    ];
    let (dir_a, dir_b) = (data_dir(), data_dir());
    let a = TestApp::spawn_with(&db.url, dir_a.path(), &shared).await;
    let b = TestApp::spawn_with(&db.url, dir_b.path(), &shared).await;

    // A token issued by one instance works on the other.
    let email = format!("{}@example.com", unique("cand"));
    let (s, body) = a.signup(&email, "candidate").await;
    assert_eq!(s, 201, "{body}");
    let token = body["access_token"].as_str().unwrap().to_owned();
    let (s, me) = b.get("/api/auth/me", Some(&token)).await;
    assert_eq!((s, me["email"].as_str()), (200, Some(email.as_str())));

    // A CV uploaded through one instance downloads through the other.
    let boundary = "sc4le";
    let mut upload = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").into_bytes();
    upload.extend_from_slice(b"%PDF-1.7\nshared between replicas\n");
    upload.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let res = a
        .client
        .post(a.url("/api/candidates/cv"))
        .bearer_auth(&token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(upload)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let res = b
        .client
        .get(b.url("/api/candidates/cv/download"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        &res.bytes().await.unwrap()[..],
        b"%PDF-1.7\nshared between replicas\n"
    );

    // A password change on one instance revokes the token on the other.
    let (s, changed) = b
        .post(
            "/api/auth/change-password",
            json!({"current_password": "correct-horse", "new_password": "battery-staple"}),
            Some(&token),
        )
        .await;
    assert_eq!(s, 200, "{changed}");
    let (s, body) = a.get("/api/auth/me", Some(&token)).await;
    assert_eq!((s, body["detail"].as_str()), (401, Some("Token revoked")));

    // The sign-in budget for one email is shared (4 a minute): alternating instances, the fifth
    // attempt is refused wherever it lands.
    let wrong = json!({"email": email, "password": "not-the-password"});
    let mut statuses = Vec::new();
    for i in 0..6 {
        let app = if i % 2 == 0 { &a } else { &b };
        statuses.push(app.post("/api/auth/signin", wrong.clone(), None).await.0);
    }
    assert_eq!(statuses, vec![401, 401, 401, 401, 429, 429], "{statuses:?}");
    a.stop().await;
    b.stop().await;
}
