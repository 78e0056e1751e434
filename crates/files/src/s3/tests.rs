//! Against a real S3-compatible server: moto, started by `scripts/test` (CONTRACT 9.20), at
//! `TEST_S3_ENDPOINT`. Each test gets a fresh bucket. A server that does not answer fails the
//! test; it is never skipped.

use std::time::{Duration, Instant};

use intowork_domain::files::{FileKey, FileStore, FileStoreError};
use uuid::Uuid;

use super::{S3Config, S3FileStore, virtual_hosted_endpoint};

/// The port `scripts/lib/moto.sh` tries first.
const DEFAULT_ENDPOINT: &str = "http://127.0.0.1:55900";

fn endpoint() -> String {
    std::env::var("TEST_S3_ENDPOINT")
        .ok()
        .filter(|e| !e.is_empty())
        .unwrap_or_else(|| DEFAULT_ENDPOINT.to_owned())
        .trim_end_matches('/')
        .to_owned()
}

fn key(raw: &str) -> FileKey {
    FileKey::parse(raw).unwrap()
}

fn config(endpoint: &str, bucket: &str) -> S3Config {
    S3Config {
        bucket: bucket.to_owned(),
        endpoint: Some(endpoint.to_owned()),
        region: "us-east-1".to_owned(),
        access_key_id: "testing-key-id".to_owned(),
        secret_access_key: "testing-secret-not-for-logs".to_owned(),
        force_path_style: true,
        allow_http: true,
    }
}

fn fresh_bucket_name() -> String {
    format!("intowork-test-{}", Uuid::new_v4().simple())
}

fn no_server(endpoint: &str, e: impl std::fmt::Display) -> ! {
    panic!(
        "no S3-compatible server answers at {endpoint} (TEST_S3_ENDPOINT): {e}. \
         Run the tests with scripts/test, which starts moto, or start it yourself: \
         .venv/test-tools/bin/moto_server -H 127.0.0.1 -p 55900"
    )
}

/// Creates a bucket with an anonymous `PUT /<bucket>`, which moto accepts (object_store cannot
/// create buckets).
async fn create_bucket(endpoint: &str, bucket: &str) {
    let response = reqwest::Client::new()
        .put(format!("{endpoint}/{bucket}"))
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .unwrap_or_else(|e| no_server(endpoint, e));
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    assert!(
        status.is_success(),
        "creating bucket {bucket} at {endpoint} answered {status}: {body}"
    );
}

/// The raw object listing of a bucket (S3 `ListObjects` XML), read without object_store.
async fn list_bucket(endpoint: &str, bucket: &str) -> String {
    let response = reqwest::get(format!("{endpoint}/{bucket}"))
        .await
        .unwrap_or_else(|e| no_server(endpoint, e));
    assert!(response.status().is_success(), "{}", response.status());
    response.text().await.unwrap()
}

/// A store over a freshly created, empty bucket on the test server.
pub(crate) async fn fresh_store() -> S3FileStore {
    let endpoint = endpoint();
    let bucket = fresh_bucket_name();
    create_bucket(&endpoint, &bucket).await;
    S3FileStore::new(config(&endpoint, &bucket)).unwrap()
}

fn assert_backend<T: std::fmt::Debug>(what: &str, result: Result<T, FileStoreError>) -> String {
    match result {
        Err(FileStoreError::Backend(message)) => message,
        other => panic!("{what}: expected Backend, got {other:?}"),
    }
}

#[tokio::test]
async fn objects_are_stored_under_the_exact_key() {
    let store = fresh_store().await;
    store
        .put(&key("cv/0a1b-x.pdf"), b"%PDF-1.7".to_vec())
        .await
        .unwrap();
    // Listed over plain HTTP: the object name is the key, with no prefix or encoding.
    let listing = list_bucket(&endpoint(), store.bucket()).await;
    assert_eq!(listing.matches("<Key>").count(), 1, "{listing}");
    assert!(listing.contains("<Key>cv/0a1b-x.pdf</Key>"), "{listing}");
    assert!(listing.contains("<Size>8</Size>"), "{listing}");
}

#[tokio::test]
async fn check_leaves_nothing_in_the_bucket() {
    let store = fresh_store().await;
    store.check().await.unwrap();
    store.check().await.unwrap();
    let listing = list_bucket(&endpoint(), store.bucket()).await;
    assert!(!listing.contains("<Key>"), "{listing}");
}

#[tokio::test]
async fn an_unreachable_endpoint_fails_fast_with_backend() {
    // Port 1 on loopback: connection refused.
    let store = S3FileStore::new(config("http://127.0.0.1:1", "any-bucket")).unwrap();
    let started = Instant::now();
    let message = assert_backend("check", store.check().await);
    assert!(message.contains("127.0.0.1:1"), "{message}");
    assert_backend("put", store.put(&key("cv/a.pdf"), b"x".to_vec()).await);
    // Not NotFound: the key may well exist, we just cannot tell.
    assert_backend("get", store.get(&key("cv/a.pdf")).await);
    assert_backend("delete", store.delete(&key("cv/a.pdf")).await);
    let elapsed = started.elapsed();
    assert!(
        elapsed < Duration::from_secs(15),
        "four failing calls took {elapsed:?}"
    );
}

#[tokio::test]
async fn a_missing_bucket_is_a_backend_error_not_a_missing_file() {
    let endpoint = endpoint();
    // Prove the server is up first, so the errors below come from the missing bucket.
    fresh_store().await.check().await.unwrap();
    let store = S3FileStore::new(config(&endpoint, &fresh_bucket_name())).unwrap();
    let message = assert_backend("check", store.check().await);
    assert!(message.contains("NoSuchBucket"), "{message}");
    assert_backend("put", store.put(&key("cv/a.pdf"), b"x".to_vec()).await);
    assert_backend("get", store.get(&key("cv/a.pdf")).await);
    assert_backend("delete", store.delete(&key("cv/a.pdf")).await);
}

#[test]
fn debug_never_prints_the_secret() {
    let cfg = config("http://127.0.0.1:1", "some-bucket");
    let printed = format!("{cfg:?}");
    assert!(
        !printed.contains("testing-secret-not-for-logs"),
        "{printed}"
    );
    assert!(printed.contains("some-bucket"), "{printed}");
    let store = S3FileStore::new(cfg).unwrap();
    let printed = format!("{store:?} {store:#?}");
    assert!(
        !printed.contains("testing-secret-not-for-logs"),
        "{printed}"
    );
    assert!(
        printed.contains("http://127.0.0.1:1/some-bucket"),
        "{printed}"
    );
}

#[test]
fn invalid_configurations_are_refused_at_start() {
    let ok = config("http://127.0.0.1:1", "b");
    let cases: Vec<(&str, S3Config)> = vec![
        (
            "bucket",
            S3Config {
                bucket: " ".into(),
                ..ok.clone()
            },
        ),
        (
            "bucket with a slash",
            S3Config {
                bucket: "cvs/../other".into(),
                ..ok.clone()
            },
        ),
        (
            "region",
            S3Config {
                region: String::new(),
                ..ok.clone()
            },
        ),
        (
            "access key id",
            S3Config {
                access_key_id: String::new(),
                ..ok.clone()
            },
        ),
        (
            "secret",
            S3Config {
                secret_access_key: String::new(),
                ..ok.clone()
            },
        ),
        (
            "plain http",
            S3Config {
                allow_http: false,
                ..ok.clone()
            },
        ),
        (
            "scheme",
            S3Config {
                endpoint: Some("minio:9000".into()),
                ..ok.clone()
            },
        ),
    ];
    for (what, cfg) in cases {
        let message = assert_backend(what, S3FileStore::new(cfg));
        assert!(!message.contains("testing-secret"), "{message}");
    }
    // An empty endpoint means AWS itself; https endpoints need no allow_http.
    S3FileStore::new(S3Config {
        endpoint: Some(String::new()),
        allow_http: false,
        ..ok.clone()
    })
    .unwrap();
    S3FileStore::new(S3Config {
        endpoint: None,
        force_path_style: false,
        ..ok.clone()
    })
    .unwrap();
    S3FileStore::new(S3Config {
        endpoint: Some("https://s3.fr-par.scw.cloud/".into()),
        allow_http: false,
        force_path_style: false,
        ..ok
    })
    .unwrap();
}

#[test]
fn virtual_hosted_endpoints_put_the_bucket_in_the_host() {
    assert_eq!(
        virtual_hosted_endpoint("https://s3.fr-par.scw.cloud", "cvs").as_deref(),
        Some("https://cvs.s3.fr-par.scw.cloud")
    );
    assert_eq!(
        virtual_hosted_endpoint("http://minio.local:9000", "cvs").as_deref(),
        Some("http://cvs.minio.local:9000")
    );
    assert_eq!(
        virtual_hosted_endpoint("https://cvs.s3.example.com", "cvs").as_deref(),
        Some("https://cvs.s3.example.com")
    );
    assert_eq!(virtual_hosted_endpoint("s3.example.com", "cvs"), None);
    assert_eq!(virtual_hosted_endpoint("https://", "cvs"), None);
}
