//! `intowork create-admin` and `intowork check-config` (and `serve` refusing a configuration),
//! run as the real binary.

use intowork_testkit::TestDb;
use serde_json::json;

use crate::both_backends;
use crate::command::{base_vars, intowork, migrate};
use crate::support::*;

const ADMIN_PASSWORD: &str = "admin-pass-0f9e8d";

async fn create_admin_makes_an_admin_who_can_sign_in(db: TestDb) {
    let dir = data_dir();
    let data = dir.path().to_str().unwrap();
    migrate(dir.path(), &db.url);
    let vars = base_vars(&db.url, data);
    let with_password = |password: &'static str| {
        let mut v = vars.clone();
        v.push(("ADMIN_PASSWORD", password));
        v
    };
    let create = [
        "create-admin",
        "--email",
        "Root@Example.COM",
        "--first-name",
        "Ada",
    ];

    // A weak password is refused, and never echoed.
    let weak = intowork(dir.path(), &create, &with_password("tiny7"));
    assert_eq!(weak.code, 1, "{}", weak.output());
    assert!(weak.stderr.contains("too short"), "{}", weak.output());
    assert!(!weak.output().contains("tiny7"), "{}", weak.output());

    let made = intowork(dir.path(), &create, &with_password(ADMIN_PASSWORD));
    assert_eq!(made.code, 0, "{}", made.output());
    assert!(
        made.stdout.contains("Created administrator #") && made.stdout.contains("Root@example.com"),
        "{}",
        made.output()
    );
    assert!(!made.output().contains(ADMIN_PASSWORD), "{}", made.output());
    assert!(!made.output().contains("$argon2"), "{}", made.output());

    // The same address again, in another case, is refused.
    let again = intowork(
        dir.path(),
        &["create-admin", "--email", "root@example.com"],
        &with_password("another-strong-one"),
    );
    assert_eq!(again.code, 1, "{}", again.output());
    assert!(
        again.stderr.contains("already exists"),
        "{}",
        again.output()
    );

    // A bad address is refused before anything else.
    let bad = intowork(
        dir.path(),
        &["create-admin", "--email", "nope"],
        &with_password(ADMIN_PASSWORD),
    );
    assert_eq!(bad.code, 1, "{}", bad.output());

    let app = TestApp::spawn(&db.url, dir.path()).await;
    let (status, body) = app
        .post(
            "/api/auth/signin",
            json!({"email": "root@example.com", "password": ADMIN_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["role"], "admin");
    assert_eq!(body["user"]["first_name"], "Ada");
    app.stop().await;
}

both_backends!(create_admin_makes_an_admin_who_can_sign_in);

#[test]
fn check_config_passes_on_a_working_setup_and_lists_pending_migrations() {
    let db = TestDb::sqlite();
    let dir = data_dir();
    let data = dir.path().to_str().unwrap();
    let vars = base_vars(&db.url, data);

    let fresh = intowork(dir.path(), &["check-config"], &vars);
    assert_eq!(fresh.code, 0, "{}", fresh.output());
    assert!(
        fresh.stdout.contains("configuration: ok"),
        "{}",
        fresh.output()
    );
    assert!(
        fresh.stdout.contains("pending migration(s)"),
        "{}",
        fresh.output()
    );
    assert!(
        fresh.stdout.contains("file storage: ok"),
        "{}",
        fresh.output()
    );

    migrate(dir.path(), &db.url);
    let ready = intowork(dir.path(), &["check-config"], &vars);
    assert_eq!(ready.code, 0, "{}", ready.output());
    assert!(
        ready
            .stdout
            .contains("database: ok (SQLite, schema up to date)"),
        "{}",
        ready.output()
    );
}

#[test]
fn check_config_fails_when_the_database_is_unreachable_or_the_config_invalid() {
    let dir = data_dir();
    let data = dir.path().to_str().unwrap();
    // Nothing listens on port 1; the password must never be printed.
    let url = "postgres://intowork:hunter2-secret@127.0.0.1:1/intowork";
    let down = intowork(dir.path(), &["check-config"], &base_vars(url, data));
    assert_eq!(down.code, 1, "{}", down.output());
    assert!(
        down.stdout.contains("database: FAILED"),
        "{}",
        down.output()
    );
    assert!(
        down.stdout.contains("file storage: ok"),
        "{}",
        down.output()
    );
    assert!(!down.output().contains("hunter2"), "{}", down.output());

    let mut vars = base_vars(url, data);
    vars.push(("PORT", "eighty"));
    let invalid = intowork(dir.path(), &["check-config"], &vars);
    assert_eq!(invalid.code, 1, "{}", invalid.output());
    assert!(
        invalid.stdout.contains("configuration: FAILED: PORT"),
        "{}",
        invalid.output()
    );
}

/// One run names every problem: an operator fixes them all before the next deploy, not one per
/// attempt. `serve` refuses to start with the same list.
#[test]
fn check_config_and_serve_name_every_problem_at_once() {
    let dir = data_dir();
    let vars = [
        ("ENVIRONMENT", "production"),
        ("NEXTAUTH_SECRET", "too-short-secret"),
    ];
    let check = intowork(dir.path(), &["check-config"], &vars);
    assert_eq!(check.code, 1, "{}", check.output());
    assert_eq!(
        check.stdout,
        "configuration: FAILED: DATABASE_URL: is required when ENVIRONMENT=production\n\
         configuration: FAILED: NEXTAUTH_SECRET: must be at least 32 bytes in production\n\
         Some checks FAILED.\n",
        "{}",
        check.output()
    );
    let serve = intowork(dir.path(), &["serve"], &vars);
    assert_eq!(serve.code, 2, "{}", serve.output());
    assert_eq!(
        serve.stderr,
        "configuration error: DATABASE_URL: is required when ENVIRONMENT=production\n\
         configuration error: NEXTAUTH_SECRET: must be at least 32 bytes in production\n",
        "{}",
        serve.output()
    );
    assert!(!check.output().contains("too-short-secret"));
    assert!(!serve.output().contains("too-short-secret"));
}

#[test]
fn every_operator_command_has_help() {
    let dir = data_dir();
    for command in [
        "create-admin",
        "cleanup-cvs",
        "check-config",
        "import-reference",
    ] {
        let help = intowork(dir.path(), &[command, "--help"], &[]);
        assert_eq!(help.code, 0, "{command}: {}", help.output());
        assert!(
            help.stdout.contains("Usage: intowork"),
            "{command}: {}",
            help.output()
        );
    }
    let missing = intowork(dir.path(), &["cleanup-cvs"], &[]);
    assert_eq!(
        missing.code, 2,
        "a missing --inactive-older-than is a usage error"
    );
    let bad_age = intowork(
        dir.path(),
        &["cleanup-cvs", "--inactive-older-than", "1y"],
        &[],
    );
    assert_eq!(bad_age.code, 2, "{}", bad_age.output());
}
