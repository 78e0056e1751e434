//! `intowork set-active` and `intowork delete-user` (CONTRACT 9.16), run as the real binary: they
//! act on admins too, revoke tokens, remove CV files, and write audit rows with the actor `cli`.

use intowork_testkit::TestDb;
use serde_json::json;

use crate::admin::admin;
use crate::both_backends;
use crate::command::{base_vars, intowork, migrate};
use crate::support::*;

async fn upload_cv(app: &TestApp, token: &str) {
    let boundary = "b0undary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(b"%PDF-1.5\nmy cv\n");
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let res = app
        .client
        .post(app.url("/api/candidates/cv"))
        .bearer_auth(token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    let (s, b) = into_parts(res).await;
    assert_eq!(s, 200, "{b}");
}

/// Files under the upload directory, recursively.
fn stored_files(root: &std::path::Path) -> usize {
    let Ok(entries) = std::fs::read_dir(root) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                stored_files(&path)
            } else {
                1
            }
        })
        .sum()
}

async fn operator_commands_act_on_anyone_and_are_audited(db: TestDb) {
    let dir = data_dir();
    let data = dir.path().to_str().unwrap();
    migrate(dir.path(), &db.url);
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (root, _) = admin(&app, "root@intowork.test").await;
    let (s, b) = app.signup("Moussa@Example.com", "candidate").await;
    assert_eq!(s, 201, "{b}");
    let cand = b["access_token"].as_str().unwrap().to_owned();
    let cand_id = b["user"]["id"].as_i64().unwrap();
    upload_cv(&app, &cand).await;
    let uploads = dir.path().join("uploads");
    assert_eq!(stored_files(&uploads), 1);
    let vars = base_vars(&db.url, data);

    // Deactivation, by any letter case of the email: the token dies at once.
    let run = intowork(
        dir.path(),
        &[
            "set-active",
            "--email",
            "moussa@EXAMPLE.com",
            "--active",
            "false",
        ],
        &vars,
    );
    assert_eq!(run.code, 0, "{}", run.output());
    assert!(
        run.stdout.contains("deactivated Moussa@example.com"),
        "{}",
        run.output()
    );
    let (s, _) = app.get("/api/auth/me", Some(&cand)).await;
    assert_eq!(s, 403);

    // The operator may act on an admin, which the API refuses to admins.
    let run = intowork(
        dir.path(),
        &[
            "set-active",
            "--email",
            "root@intowork.test",
            "--active",
            "false",
        ],
        &vars,
    );
    assert_eq!(run.code, 0, "{}", run.output());
    let (s, _) = app.get("/api/admin/me", Some(&root)).await;
    assert_eq!(s, 403);
    let run = intowork(
        dir.path(),
        &[
            "set-active",
            "--email",
            "root@intowork.test",
            "--active",
            "true",
        ],
        &vars,
    );
    assert_eq!(run.code, 0, "{}", run.output());
    assert!(
        run.stdout.contains("activated root@intowork.test"),
        "{}",
        run.output()
    );

    // Clear errors and non-zero exits.
    let run = intowork(
        dir.path(),
        &[
            "set-active",
            "--email",
            "nobody@example.com",
            "--active",
            "true",
        ],
        &vars,
    );
    assert_eq!(run.code, 1, "{}", run.output());
    assert!(
        run.stderr.contains("no account has the email"),
        "{}",
        run.output()
    );
    let run = intowork(dir.path(), &["delete-user"], &vars);
    assert_eq!(run.code, 2, "{}", run.output());
    assert!(run.stderr.contains("--email"), "{}", run.output());

    // Deletion: the rows, then the CV file.
    let run = intowork(
        dir.path(),
        &["delete-user", "--email", "moussa@example.com"],
        &vars,
    );
    assert_eq!(run.code, 0, "{}", run.output());
    assert!(
        run.stdout.contains("deleted Moussa@example.com"),
        "{}",
        run.output()
    );
    assert_eq!(stored_files(&uploads), 0);
    let run = intowork(
        dir.path(),
        &["delete-user", "--email", "moussa@example.com"],
        &vars,
    );
    assert_eq!(run.code, 1, "{}", run.output());

    // The operator signs in again with a fresh token (activation revoked nothing, deactivation
    // did) and reads the audit trail.
    let (s, b) = app
        .post(
            "/api/auth/signin",
            json!({"email": "root@intowork.test", "password": crate::admin::ADMIN_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(s, 200, "{b}");
    let root = b["access_token"].as_str().unwrap().to_owned();
    let (s, audit) = app.get("/api/admin/audit", Some(&root)).await;
    assert_eq!(s, 200, "{audit}");
    let rows = audit.as_array().unwrap();
    assert_eq!(rows.len(), 4);
    for row in rows {
        assert_eq!(row["actor_email"], "cli");
        assert_eq!(row["actor_user_id"], json!(null));
        assert_eq!(row["details"]["via"], "cli");
    }
    assert_eq!(rows[0]["action"], "user.delete");
    assert_eq!(rows[0]["target_user_id"], cand_id);
    assert_eq!(rows[0]["target_email"], "Moussa@example.com");
    assert_eq!(rows[3]["action"], "user.deactivate");
    app.stop().await;
}

both_backends!(operator_commands_act_on_anyone_and_are_audited);
