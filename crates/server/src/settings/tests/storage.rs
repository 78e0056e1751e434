use super::super::StorageSettings;
use super::{load, refused};

#[test]
fn s3_storage_needs_its_bucket_and_keys() {
    assert_eq!(load(&[]).unwrap().storage, StorageSettings::Local);
    assert_eq!(
        refused(&[("STORAGE_BACKEND", "s3")]),
        ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]
    );
    assert_eq!(
        refused(&[("STORAGE_BACKEND", "s3"), ("S3_BUCKET", "cvs")]),
        ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]
    );
    assert_eq!(refused(&[("STORAGE_BACKEND", "gcs")]), ["STORAGE_BACKEND"]);
    let s = load(&[
        ("STORAGE_BACKEND", "s3"),
        ("S3_BUCKET", "cvs"),
        ("S3_ENDPOINT", "http://127.0.0.1:9000"),
        ("S3_ACCESS_KEY_ID", "AKIA"),
        ("S3_SECRET_ACCESS_KEY", "very-secret-key"),
        ("S3_FORCE_PATH_STYLE", "true"),
    ])
    .unwrap();
    let StorageSettings::S3(s3) = &s.storage else {
        panic!("s3 expected")
    };
    assert_eq!(
        (s3.bucket.as_str(), s3.region.as_str(), s3.force_path_style),
        ("cvs", "us-east-1", true)
    );
    assert_eq!(s3.endpoint.as_deref(), Some("http://127.0.0.1:9000"));
    assert!(!format!("{s:?}").contains("very-secret-key"));
    assert_eq!(
        refused(&[
            ("STORAGE_BACKEND", "s3"),
            ("S3_BUCKET", "b"),
            ("S3_ACCESS_KEY_ID", "a"),
            ("S3_SECRET_ACCESS_KEY", "s"),
            ("S3_ENDPOINT", "minio:9000")
        ]),
        ["S3_ENDPOINT"]
    );
}
