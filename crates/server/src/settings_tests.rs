use super::*;

fn load(vars: &[(&str, &str)]) -> Result<Settings, SettingsError> {
    Settings::from_vars(vars.iter().copied())
}

fn var_of(err: SettingsError) -> &'static str {
    match err {
        SettingsError::Invalid { var, .. } => var,
        SettingsError::Source(s) => panic!("unexpected source error: {s}"),
    }
}

#[test]
fn zero_configuration_defaults_run_locally_on_sqlite() {
    let s = load(&[]).unwrap();
    assert_eq!(s.environment, Environment::Development);
    assert_eq!(s.port, 8000);
    assert!(s.database_url.starts_with("sqlite://"));
    assert!(s.database_url.ends_with("intowork.db"));
    assert_eq!(s.upload_dir, PathBuf::from("./data/uploads"));
    assert!(s.secret.is_none());
    assert!(s.run_migrations_on_start);
    assert!(s.cors.allows("http://localhost:3000"));
    assert_eq!((s.max_upload_mib, s.max_cvs_per_candidate), (5, 10));
}

#[test]
fn production_requires_a_strong_secret_and_a_database() {
    let pg = ("DATABASE_URL", "postgres://u@db/x");
    let strong = ("NEXTAUTH_SECRET", "0123456789abcdef0123456789abcdef");
    assert_eq!(
        var_of(load(&[("ENVIRONMENT", "production"), strong]).unwrap_err()),
        "DATABASE_URL"
    );
    assert_eq!(
        var_of(load(&[("ENVIRONMENT", "production"), pg]).unwrap_err()),
        "NEXTAUTH_SECRET"
    );
    assert_eq!(
        var_of(
            load(&[
                ("ENVIRONMENT", "production"),
                pg,
                ("NEXTAUTH_SECRET", "too-short")
            ])
            .unwrap_err()
        ),
        "NEXTAUTH_SECRET"
    );
    let s = load(&[("ENVIRONMENT", "production"), pg, strong]).unwrap();
    assert!(s.is_production());
    assert_eq!(
        s.database_pool_size,
        super::default_pg_pool_size(std::thread::available_parallelism().map_or(2, |n| n.get()))
    );
}

#[test]
fn the_default_postgresql_pool_follows_the_cores() {
    assert_eq!(super::default_pg_pool_size(1), 3);
    assert_eq!(super::default_pg_pool_size(2), 6);
    assert_eq!(super::default_pg_pool_size(4), 10);
    assert_eq!(super::default_pg_pool_size(64), 10);
}

#[test]
fn production_refuses_sqlite_unless_allowed_and_star_cors() {
    let strong = ("NEXTAUTH_SECRET", "0123456789abcdef0123456789abcdef");
    let sqlite = ("DATABASE_URL", "sqlite:///data/app.db");
    assert_eq!(
        var_of(load(&[("ENVIRONMENT", "production"), strong, sqlite]).unwrap_err()),
        "DATABASE_URL"
    );
    assert!(
        load(&[
            ("ENVIRONMENT", "production"),
            strong,
            sqlite,
            ("ALLOW_SQLITE_IN_PRODUCTION", "true")
        ])
        .is_ok()
    );
    let pg = ("DATABASE_URL", "postgresql://u@db/x");
    assert_eq!(
        var_of(
            load(&[
                ("ENVIRONMENT", "production"),
                strong,
                pg,
                ("CORS_ORIGIN", "*")
            ])
            .unwrap_err()
        ),
        "CORS_ORIGIN"
    );
    assert!(load(&[("CORS_ORIGIN", "*")]).unwrap().cors.any);
}

#[test]
fn bad_values_name_their_variable() {
    for (var, value) in [
        ("PORT", "eighty"),
        ("PORT", "70000"),
        ("ENVIRONMENT", "staging"),
        ("DATABASE_POOL_SIZE", "0"),
        ("DATABASE_POOL_TIMEOUT_SECS", "-1"),
        ("RUN_MIGRATIONS_ON_START", "maybe"),
        ("CORS_ORIGIN", "localhost:3000"),
        ("LOG_LEVEL", "info,[[["),
        ("MAX_UPLOAD_SIZE_MB", "0"),
        ("MAX_CVS_PER_CANDIDATE", "many"),
    ] {
        let err = load(&[(var, value)]).unwrap_err();
        assert!(err.to_string().starts_with(var), "{var}: {err}");
        assert_eq!(var_of(err), var);
    }
}

#[test]
fn secrets_never_print() {
    let s = load(&[("NEXTAUTH_SECRET", "super-secret-value-1234567890abcdef")]).unwrap();
    assert!(!format!("{s:?}").contains("super-secret"));
}

#[test]
fn s3_storage_needs_its_bucket_and_keys() {
    assert_eq!(load(&[]).unwrap().storage, StorageSettings::Local);
    assert_eq!(
        var_of(load(&[("STORAGE_BACKEND", "s3")]).unwrap_err()),
        "S3_BUCKET"
    );
    assert_eq!(
        var_of(load(&[("STORAGE_BACKEND", "s3"), ("S3_BUCKET", "cvs")]).unwrap_err()),
        "S3_ACCESS_KEY_ID"
    );
    assert_eq!(
        var_of(load(&[("STORAGE_BACKEND", "gcs")]).unwrap_err()),
        "STORAGE_BACKEND"
    );
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
    assert!(!format!("{s:?}").contains("very-secret-key"));
    assert_eq!(
        var_of(
            load(&[
                ("STORAGE_BACKEND", "s3"),
                ("S3_BUCKET", "b"),
                ("S3_ACCESS_KEY_ID", "a"),
                ("S3_SECRET_ACCESS_KEY", "s"),
                ("S3_ENDPOINT", "minio:9000")
            ])
            .unwrap_err()
        ),
        "S3_ENDPOINT"
    );
}
