use std::path::PathBuf;

use super::super::Environment;
use super::super::database::default_pg_pool_size;
use super::{PROD, STRONG_SECRET, load, refused};

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
    assert_eq!(s.database_pool_size, 8);
    assert_eq!(s.read_cache_max_bytes, 32 * 1024 * 1024);
}

#[test]
fn the_read_cache_budget_is_given_in_mib() {
    let s = load(&[("READ_CACHE_MAX_MB", "4")]).unwrap();
    assert_eq!(s.read_cache_max_bytes, 4 * 1024 * 1024);
}

#[test]
fn production_requires_a_strong_secret_and_a_database() {
    let pg = ("DATABASE_URL", "postgres://u@db/x");
    let prod = ("ENVIRONMENT", "production");
    assert_eq!(refused(&[prod, STRONG_SECRET]), ["DATABASE_URL"]);
    assert_eq!(refused(&[prod, pg]), ["NEXTAUTH_SECRET"]);
    assert_eq!(
        refused(&[prod, pg, ("NEXTAUTH_SECRET", "too-short")]),
        ["NEXTAUTH_SECRET"]
    );
    let s = load(&PROD).unwrap();
    assert!(s.is_production());
    assert_eq!(
        s.database_pool_size,
        default_pg_pool_size(std::thread::available_parallelism().map_or(2, |n| n.get()))
    );
}

#[test]
fn the_default_postgresql_pool_follows_the_cores() {
    assert_eq!(default_pg_pool_size(1), 3);
    assert_eq!(default_pg_pool_size(2), 6);
    assert_eq!(default_pg_pool_size(4), 10);
    assert_eq!(default_pg_pool_size(64), 10);
}

#[test]
fn production_refuses_sqlite_unless_allowed_and_star_cors() {
    let prod = ("ENVIRONMENT", "production");
    let sqlite = ("DATABASE_URL", "sqlite:///data/app.db");
    assert_eq!(refused(&[prod, STRONG_SECRET, sqlite]), ["DATABASE_URL"]);
    assert!(
        load(&[
            prod,
            STRONG_SECRET,
            sqlite,
            ("ALLOW_SQLITE_IN_PRODUCTION", "true")
        ])
        .is_ok()
    );
    // An unreadable switch is its own problem; it does not make the URL a second one.
    assert_eq!(
        refused(&[
            prod,
            STRONG_SECRET,
            sqlite,
            ("ALLOW_SQLITE_IN_PRODUCTION", "perhaps")
        ]),
        ["ALLOW_SQLITE_IN_PRODUCTION"]
    );
    let pg = ("DATABASE_URL", "postgresql://u@db/x");
    assert_eq!(
        refused(&[prod, STRONG_SECRET, pg, ("CORS_ORIGIN", "*")]),
        ["CORS_ORIGIN"]
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
        ("READ_CACHE_MAX_MB", "0"),
        ("READ_CACHE_MAX_MB", "5000"),
        ("API_DOCS_ENABLED", "sometimes"),
    ] {
        let err = load(&[(var, value)]).unwrap_err();
        assert!(err.to_string().starts_with(var), "{var}: {err}");
        assert_eq!(refused(&[(var, value)]), [var]);
    }
}

#[test]
fn secrets_never_print() {
    let s = load(&[("NEXTAUTH_SECRET", "super-secret-value-1234567890abcdef")]).unwrap();
    assert!(!format!("{s:?}").contains("super-secret"));
}

#[test]
fn the_public_api_url_is_an_origin_without_a_path() {
    assert!(load(&[]).unwrap().public_api_url.is_none());
    let s = load(&[("PUBLIC_API_URL", "https://api.intowork.app/")]).unwrap();
    assert_eq!(
        s.public_api_url.as_deref(),
        Some("https://api.intowork.app")
    );
    for bad in [
        "api.intowork.app",
        "https://api.intowork.app/api",
        "https://x.io?a=1",
    ] {
        assert_eq!(
            refused(&[("PUBLIC_API_URL", bad)]),
            ["PUBLIC_API_URL"],
            "{bad}"
        );
    }
}
