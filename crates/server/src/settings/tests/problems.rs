//! Every problem at once: one run names everything an operator has to fix.

use super::super::SettingsError;
use super::{load, refused};

#[test]
fn production_without_a_database_and_with_a_short_secret_names_both() {
    let vars = [
        ("ENVIRONMENT", "production"),
        ("NEXTAUTH_SECRET", "too-short"),
    ];
    assert_eq!(refused(&vars), ["DATABASE_URL", "NEXTAUTH_SECRET"]);
    let err = load(&vars).unwrap_err();
    assert_eq!(
        err.lines(),
        [
            "DATABASE_URL: is required when ENVIRONMENT=production",
            "NEXTAUTH_SECRET: must be at least 32 bytes in production",
        ]
    );
    assert_eq!(err.to_string(), err.lines().join("\n"));
    assert!(!err.to_string().contains("too-short"), "{err}");
}

#[test]
fn problems_are_listed_in_the_order_of_the_variables() {
    let vars = [
        ("API_DOCS_ENABLED", "sometimes"),
        ("STORAGE_BACKEND", "gcs"),
        ("PORT", "eighty"),
        ("ENVIRONMENT", "staging"),
        ("MAX_CVS_PER_CANDIDATE", "0"),
        ("LOG_LEVEL", "info,[[["),
        ("FORCE_HTTPS", "maybe"),
        ("MAIL_FROM", "nobody"),
    ];
    assert_eq!(
        refused(&vars),
        [
            "ENVIRONMENT",
            "PORT",
            "LOG_LEVEL",
            "MAX_CVS_PER_CANDIDATE",
            "STORAGE_BACKEND",
            "FORCE_HTTPS",
            "MAIL_FROM",
            "API_DOCS_ENABLED",
        ]
    );
}

#[test]
fn an_unreadable_source_is_one_line() {
    let err = SettingsError::Source("bad file".to_owned());
    assert_eq!(err.lines(), ["configuration could not be read: bad file"]);
}
