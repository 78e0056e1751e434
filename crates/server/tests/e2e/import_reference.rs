//! `intowork import-reference` (CONTRACT 9.3): a PostgreSQL database with the reference's schema
//! (`tests/fixtures/reference_schema.sql`: native enums, uppercase labels, bcrypt hashes) and a CV
//! folder are imported into a fresh database of ours (SQLite and PostgreSQL); then, through the
//! real server, the users sign in with their old passwords and their CVs download. A dry run
//! writes nothing; a second run adds nothing.

use std::fs;
use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use intowork_storage::schema::users;
use intowork_testkit::TestDb;
use serde_json::{Value, json};

use crate::both_backends;
use crate::command::{Run, base_vars, intowork, migrate};
use crate::import_reference_data::{expected_counts, expected_rows, fill_reference, pdf};
use crate::support::*;

/// Our row counts, per table.
fn counts(app: &TestApp) -> Vec<(&'static str, i64)> {
    use intowork_storage::schema::*;
    app.database
        .run_blocking(|c| {
            let n = |r: QueryResult<i64>| r.unwrap();
            Ok(vec![
                ("users", n(users::table.count().get_result(c))),
                ("candidates", n(candidates::table.count().get_result(c))),
                ("experiences", n(experiences::table.count().get_result(c))),
                ("educations", n(educations::table.count().get_result(c))),
                ("skills", n(skills::table.count().get_result(c))),
                ("companies", n(companies::table.count().get_result(c))),
                ("employers", n(employers::table.count().get_result(c))),
                ("jobs", n(jobs::table.count().get_result(c))),
                (
                    "candidate_cvs",
                    n(candidate_cvs::table.count().get_result(c)),
                ),
                (
                    "job_applications",
                    n(job_applications::table.count().get_result(c)),
                ),
                (
                    "notifications",
                    n(notifications::table.count().get_result(c)),
                ),
            ])
        })
        .unwrap()
}

fn stored_files(uploads: &Path) -> usize {
    fs::read_dir(uploads.join("cv")).map_or(0, |d| d.count())
}

/// The summary line of `table`: (read, imported, skipped).
fn summary_row(run: &Run, table: &str) -> (usize, usize, usize) {
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with(&format!("{table} ")))
        .unwrap_or_else(|| panic!("no {table} line:\n{}", run.output()));
    let n: Vec<usize> = line[32..]
        .split_whitespace()
        .map(|x| x.parse().unwrap())
        .collect();
    (n[0], n[1], n[2])
}

async fn signin(app: &TestApp, email: &str, password: &str) -> (u16, Value) {
    app.post(
        "/api/auth/signin",
        json!({"email": email, "password": password}),
        None,
    )
    .await
}

async fn download(app: &TestApp, path: &str, token: Option<&str>) -> (u16, Vec<u8>) {
    let mut req = app.client.get(app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.unwrap();
    (res.status().as_u16(), res.bytes().await.unwrap().to_vec())
}

async fn a_reference_deployment_moves_over_with_its_accounts_and_cvs(db: TestDb) {
    let reference = TestDb::postgres();
    let dir = data_dir();
    let old = tempfile::tempdir().unwrap();
    fill_reference(&reference.url, &old.path().join("uploads"));
    migrate(dir.path(), &db.url);

    let data = dir.path().to_str().unwrap();
    let old_uploads = old.path().join("uploads");
    let mut vars = base_vars(&db.url, data);
    vars.push(("REFERENCE_DATABASE_URL", &reference.url));
    let args = [
        "import-reference",
        "--uploads",
        old_uploads.to_str().unwrap(),
    ];
    let ours = dir.path().join("uploads");

    // A dry run reads and reports everything, and writes nothing.
    let dry = intowork(dir.path(), &[&args[..], &["--dry-run"]].concat(), &vars);
    assert_eq!(dry.code, 0, "{}", dry.output());
    assert!(dry.stdout.starts_with("Dry run"), "{}", dry.output());
    for (table, read, imported, skipped) in expected_counts() {
        assert_eq!(
            summary_row(&dry, table),
            (read, imported, skipped),
            "{table}: {}",
            dry.output()
        );
    }
    assert_eq!(stored_files(&ours), 0, "a dry run stores no file");

    let run = intowork(dir.path(), &args, &vars);
    assert_eq!(run.code, 0, "{}", run.output());
    for (table, read, imported, skipped) in expected_counts() {
        assert_eq!(
            summary_row(&run, table),
            (read, imported, skipped),
            "{table}: {}",
            run.output()
        );
    }
    for reported in [
        "users: email already used by another user",
        "candidates: user is not a candidate",
        "candidate_cvs: file not found in the uploads folder (1): #3",
        "candidate_cvs: unsafe path (1): #4",
        "candidate_cvs (legacy cv_url): path outside the uploads folder (1): #4",
        "job_applications: the candidate already applied to this job (1): #3",
        "skills: level outside 1-5",
        "users: is_active NULL, imported inactive (1): #7",
        "notifications: related application not imported, link dropped (1): #3",
    ] {
        assert!(
            run.stdout.contains(reported),
            "{reported:?} not in:\n{}",
            run.output()
        );
    }
    assert!(!run.output().contains("$2b$"), "no hash is ever printed");
    assert!(
        !run.output().contains("reference-pw"),
        "no URL password is ever printed"
    );

    let app = TestApp::spawn(&db.url, dir.path()).await;
    assert_eq!(counts(&app), expected_rows());
    assert_eq!(stored_files(&ours), 3, "two CVs and one legacy CV");

    // Old passwords work (bcrypt, re-hashed to argon2id on the way in), role labels mapped.
    let (s, alice) = signin(&app, "alice@example.com", "alice-old-pass").await;
    assert_eq!(
        (s, alice["user"]["role"].as_str()),
        (200, Some("candidate")),
        "{alice}"
    );
    assert_eq!(alice["user"]["id"], 1, "ids are kept");
    let hash: String = app
        .database
        .run_blocking(|c| {
            Ok(users::table
                .find(1_i64)
                .select(users::password_hash)
                .first::<Option<String>>(c)
                .unwrap()
                .unwrap())
        })
        .unwrap();
    assert!(hash.starts_with("$argon2id$"), "re-hashed at sign-in");
    let alice = alice["access_token"].as_str().unwrap().to_owned();
    let (s, bob) = signin(&app, "bob@example.com", "bob-old-pass").await;
    assert_eq!(s, 200, "{bob}");
    let bob = bob["access_token"].as_str().unwrap().to_owned();
    let (s, eve) = signin(&app, "eve@corp.example", "eve-old-pass").await;
    assert_eq!(
        (s, eve["user"]["role"].as_str()),
        (200, Some("employer")),
        "{eve}"
    );
    let eve = eve["access_token"].as_str().unwrap().to_owned();
    let (s, admin) = signin(&app, "admin@intowork.example", "admin-old-pass").await;
    assert_eq!(
        (s, admin["user"]["role"].as_str()),
        (200, Some("admin")),
        "{admin}"
    );
    let (s, _) = signin(&app, "alice@example.com", "wrong-password").await;
    assert_eq!(s, 401);

    // Alice's CVs, newest first, download byte for byte.
    let (_, list) = app.get("/api/candidates/cvs", Some(&alice)).await;
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["filename"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alice CV 2025.pdf", "Alice CV.pdf"], "{list}");
    for (cv, text) in list
        .as_array()
        .unwrap()
        .iter()
        .zip(["Alice 2025", "Alice 2024"])
    {
        let (s, bytes) = download(
            &app,
            &format!("/api/candidates/cvs/{}/download", cv["id"]),
            Some(&alice),
        )
        .await;
        assert_eq!((s, bytes), (200, pdf(text)));
    }
    // Bob's only CV was the legacy `cv_url` one.
    let (s, bytes) = download(&app, "/api/candidates/cv/download", Some(&bob)).await;
    assert_eq!((s, bytes), (200, pdf("Bob legacy")));

    // Eve sees the applications with a working CV link (the candidate's newest CV), and notes.
    let (_, apps) = app
        .get("/api/applications/employer/applications", Some(&eve))
        .await;
    let rows = apps["applications"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "{apps}");
    let alice_app = rows.iter().find(|r| r["id"] == 1).unwrap();
    assert_eq!(
        (alice_app["status"].as_str(), alice_app["notes"].as_str()),
        (Some("interview"), Some("Très bon profil"))
    );
    let link = alice_app["cv_url"].as_str().unwrap();
    let (s, bytes) = download(&app, link.strip_prefix(&app.base).unwrap(), None).await;
    assert_eq!((s, bytes), (200, pdf("Alice 2025")));
    let dan_app = rows.iter().find(|r| r["id"] == 4).unwrap();
    assert_eq!(dan_app["cv_url"], Value::Null, "no CV at all: no link");

    // Search works on the recomputed, accent-folded text; closed jobs stay out of public lists.
    let (_, found) = app
        .get("/api/jobs/?search=developpeur&location=DAKAR", None)
        .await;
    let titles: Vec<&str> = found["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Développeur Rust Sénior"], "{found}");
    let (_, notes) = app.get("/api/notifications/", Some(&alice)).await;
    assert_eq!(notes["total"], 2, "{notes}");

    // New rows get ids past the imported ones (the sequences were moved).
    let (s, fresh) = app.signup("newcomer@example.com", "candidate").await;
    assert_eq!(s, 201, "{fresh}");
    assert!(fresh["user"]["id"].as_i64().unwrap() > 7, "{fresh}");
    let before = counts(&app);
    app.stop().await;

    // A second run adds nothing.
    let again = intowork(dir.path(), &args, &vars);
    assert_eq!(again.code, 0, "{}", again.output());
    for (table, read, ..) in expected_counts() {
        let (r, imported, _) = summary_row(&again, table);
        assert_eq!((r, imported), (read, 0), "{table}: {}", again.output());
    }
    assert!(
        !again.stdout.contains("id already used"),
        "{}",
        again.output()
    );
    let app = TestApp::spawn(&db.url, dir.path()).await;
    assert_eq!(counts(&app), before);
    assert_eq!(stored_files(&ours), 3);

    // The missing file turns up: the next run brings that CV, under the id it always had (the
    // legacy CV and the new rows took ids past it).
    fs::write(
        old_uploads.join("cv/1_dddd4444_lost.pdf"),
        pdf("Alice lost"),
    )
    .unwrap();
    let late = intowork(dir.path(), &args, &vars);
    assert_eq!(late.code, 0, "{}", late.output());
    assert_eq!(
        summary_row(&late, "candidate_cvs"),
        (4, 1, 3),
        "{}",
        late.output()
    );
    let (s, bytes) = download(&app, "/api/candidates/cvs/3/download", Some(&alice)).await;
    assert_eq!((s, bytes), (200, pdf("Alice lost")));
    app.stop().await;
    drop(reference);
}

both_backends!(a_reference_deployment_moves_over_with_its_accounts_and_cvs);

#[test]
fn a_missing_uploads_folder_or_unreachable_reference_fails_cleanly() {
    let db = TestDb::sqlite();
    let dir = data_dir();
    migrate(dir.path(), &db.url);
    let data = dir.path().to_str().unwrap();
    let vars = base_vars(&db.url, data);
    let missing = intowork(
        dir.path(),
        &[
            "import-reference",
            "--from",
            "postgres://x:pw-secret@127.0.0.1:1/ref",
            "--uploads",
            "/nonexistent/uploads",
        ],
        &vars,
    );
    assert_eq!(missing.code, 1, "{}", missing.output());
    assert!(
        missing.stderr.contains("uploads folder"),
        "{}",
        missing.output()
    );
    let down = intowork(
        dir.path(),
        &[
            "import-reference",
            "--from",
            "postgres://x:pw-secret@127.0.0.1:1/ref",
            "--uploads",
            data,
        ],
        &vars,
    );
    assert_eq!(down.code, 1, "{}", down.output());
    assert!(
        down.stderr
            .contains("cannot connect to the reference database"),
        "{}",
        down.output()
    );
    assert!(!down.output().contains("pw-secret"), "{}", down.output());
}

/// The fixture SQL also loads into a plain connection (kept here so a broken fixture fails alone).
#[test]
fn the_reference_fixture_loads() {
    let reference = TestDb::postgres();
    let mut conn = PgConnection::establish(&reference.url).unwrap();
    conn.batch_execute(include_str!("../fixtures/reference_schema.sql"))
        .unwrap();
}
