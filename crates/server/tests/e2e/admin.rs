//! The admin back-office through the real server (CONTRACT 4.1 calls 46–51, 3.10, 9.16), on SQLite
//! and PostgreSQL: the frontend's calls as an admin, the role gates, the guards, token revocation,
//! the audit log, and `/api/admin/jobs` running a fixed number of statements.

use chrono::Utc;
use intowork_auth::Argon2Hasher;
use intowork_domain::ports::{PasswordHasher, UserRepository};
use intowork_domain::user::{Email, NewUser, Role};
use intowork_storage::DieselUserRepository;
use intowork_testkit::TestDb;
use serde_json::{Value, json};

use crate::both_backends;
use crate::hiring::{account, create_job, delete, employer, job_body, put, statements_for};
use crate::support::*;

pub const ADMIN_PASSWORD: &str = "admin-password-1";

/// Admins are provisioned out of band (CONTRACT S1): straight through the user repository, then a
/// normal sign-in. Returns the token and the id.
pub async fn admin(app: &TestApp, email: &str) -> (String, i64) {
    let hash = Argon2Hasher::new(2)
        .hash(ADMIN_PASSWORD.to_owned())
        .await
        .unwrap();
    let new = NewUser {
        email: Email::parse(email).unwrap(),
        password_hash: hash,
        role: Role::Admin,
        first_name: "Ada".into(),
        last_name: "Admin".into(),
        now: Utc::now(),
    };
    let user = DieselUserRepository::new(app.database.clone())
        .create_with_profile(new)
        .await
        .unwrap();
    let (status, body) = app
        .post(
            "/api/auth/signin",
            json!({"email": email, "password": ADMIN_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    (
        body["access_token"].as_str().unwrap().to_owned(),
        user.id.get(),
    )
}

const GET_ROUTES: [&str; 8] = [
    "/api/admin/stats",
    "/api/admin/users",
    "/api/admin/employers",
    "/api/admin/jobs",
    "/api/admin/audit",
    "/api/admin/me",
    "/api/users",
    "/api/users/1",
];

async fn gates(app: &TestApp, user: i64, token: Option<&str>, expected: u16) {
    for path in GET_ROUTES {
        let (s, b) = app.get(path, token).await;
        assert_eq!(s, expected, "{path}: {b}");
    }
    let path = format!("/api/admin/users/{user}/activate");
    let mut req = app
        .client
        .put(app.url(&path))
        .json(&json!({"is_active": false}));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let (s, b) = into_parts(req.send().await.unwrap()).await;
    assert_eq!(s, expected, "{path}: {b}");
    let mut req = app
        .client
        .delete(app.url(&format!("/api/admin/users/{user}")));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let (s, b) = into_parts(req.send().await.unwrap()).await;
    assert_eq!(s, expected, "DELETE: {b}");
}

async fn the_admin_page_works_and_only_for_admins(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (root, root_id) = admin(&app, "root@intowork.test").await;
    let (boss, _) = employer(&app, "boss@acme.sn", "Acme Dakar").await;
    let job = create_job(&app, &boss, job_body("Développeur Rust")).await;
    let (cand, cand_id) = account(&app, "awa.diop@example.com", "candidate").await;
    let (s, _) = app
        .post(
            "/api/applications/my/applications",
            json!({"job_id": job}),
            Some(&cand),
        )
        .await;
    assert_eq!(s, 200);

    // No token: 401; candidates and employers: 403; nothing changed.
    gates(&app, cand_id, None, 401).await;
    for token in [&cand, &boss] {
        gates(&app, cand_id, Some(token), 403).await;
    }
    let (s, b) = app.get("/api/admin/stats", Some(&cand)).await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (403, Some("Access denied. Required roles: admin"))
    );

    // 46: stats, statuses in lowercase.
    let (s, stats) = app.get("/api/admin/stats", Some(&root)).await;
    assert_eq!(s, 200, "{stats}");
    assert_eq!(stats["total_users"], 3);
    assert_eq!(
        (
            stats["total_candidates"].clone(),
            stats["total_employers"].clone()
        ),
        (json!(1), json!(1))
    );
    assert_eq!(
        (
            stats["total_jobs"].clone(),
            stats["total_applications"].clone()
        ),
        (json!(1), json!(1))
    );
    assert_eq!(stats["jobs_by_status"], json!({"published": 1}));
    assert_eq!(stats["recent_signups"], 3);
    assert_eq!(stats["inactive_users"], 0);

    // 47: the frontend's query, then a search and a role filter.
    let (s, users) = app
        .get("/api/admin/users?search=&role=&limit=100", Some(&root))
        .await;
    assert_eq!(s, 200, "{users}");
    assert_eq!(users.as_array().unwrap().len(), 3);
    let (_, found) = app
        .get("/api/admin/users?search=DIOP&limit=100", Some(&root))
        .await;
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["email"], "awa.diop@example.com");
    let (_, employers_only) = app.get("/api/admin/users?role=employer", Some(&root)).await;
    assert_eq!(employers_only[0]["email"], "boss@acme.sn");
    let (s, b) = app.get("/api/admin/users?role=chef", Some(&root)).await;
    assert_eq!((s, b["detail"].as_str()), (400, Some("Invalid role: chef")));
    let (s, _) = app.get("/api/admin/users?limit=501", Some(&root)).await;
    assert_eq!(s, 422);

    // 48 and 49.
    let (s, employers) = app.get("/api/admin/employers?limit=100", Some(&root)).await;
    assert_eq!(s, 200);
    assert_eq!(employers[0]["company_name"], "Acme Dakar");
    assert_eq!(employers[0]["email"], "boss@acme.sn");
    let (s, jobs) = app.get("/api/admin/jobs?limit=100", Some(&root)).await;
    assert_eq!(s, 200);
    assert_eq!(
        (
            jobs[0]["status"].clone(),
            jobs[0]["employer_email"].clone(),
            jobs[0]["applications_count"].clone()
        ),
        (json!("published"), json!("boss@acme.sn"), json!(1))
    );
    let (_, drafts) = app.get("/api/admin/jobs?status=draft", Some(&root)).await;
    assert_eq!(drafts, json!([]));
    let (_, any) = app
        .get("/api/admin/jobs?status=nonsense", Some(&root))
        .await;
    assert_eq!(any.as_array().unwrap().len(), 1);

    // 50: deactivation kills the candidate's token at once; reactivation does not revive it.
    let (s, me) = app.get("/api/auth/me", Some(&cand)).await;
    assert_eq!(s, 200, "{me}");
    let path = format!("/api/admin/users/{cand_id}/activate");
    let (s, b) = put(&app, &path, json!({"is_active": false}), &root).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(
        (b["id"].as_i64(), b["is_active"].as_bool()),
        (Some(cand_id), Some(false))
    );
    let (s, b) = app.get("/api/auth/me", Some(&cand)).await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (403, Some("User account is inactive"))
    );
    let (s, _) = put(&app, &path, json!({"is_active": true}), &root).await;
    assert_eq!(s, 200);
    let (s, b) = app.get("/api/auth/me", Some(&cand)).await;
    assert_eq!((s, b["detail"].as_str()), (401, Some("Token revoked")));

    // Guards: oneself (even to activate), another admin.
    let own = format!("/api/admin/users/{root_id}/activate");
    let (s, b) = put(&app, &own, json!({"is_active": true}), &root).await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (400, Some("Cannot deactivate your own account"))
    );
    let (s, b) = delete(&app, &format!("/api/admin/users/{root_id}"), &root).await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (400, Some("Cannot delete your own account"))
    );
    let (_, other_id) = admin(&app, "second@intowork.test").await;
    let (s, b) = put(
        &app,
        &format!("/api/admin/users/{other_id}/activate"),
        json!({"is_active": false}),
        &root,
    )
    .await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (403, Some("Action impossible sur un administrateur"))
    );
    let (s, _) = delete(&app, &format!("/api/admin/users/{other_id}"), &root).await;
    assert_eq!(s, 403);
    let (s, b) = delete(&app, "/api/admin/users/999999", &root).await;
    assert_eq!((s, b["detail"].as_str()), (404, Some("User not found")));

    // 51: deleting the employer takes their job (and the application to it).
    let (s, b) = delete(
        &app,
        &format!(
            "/api/admin/users/{}",
            user_id(&app, "boss@acme.sn", &root).await
        ),
        &root,
    )
    .await;
    assert_eq!(
        (s, b),
        (
            200,
            json!({"message": "User boss@acme.sn deleted successfully"})
        )
    );
    let (_, jobs) = app.get("/api/admin/jobs", Some(&root)).await;
    assert_eq!(jobs, json!([]));
    let (s, _) = app
        .post(
            "/api/auth/signin",
            json!({"email": "boss@acme.sn", "password": "correct-horse"}),
            None,
        )
        .await;
    assert_eq!(s, 401);

    // The audit log: one row per action, newest first, refused attempts not logged.
    let (s, audit) = app.get("/api/admin/audit", Some(&root)).await;
    assert_eq!(s, 200, "{audit}");
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        vec!["user.delete", "user.activate", "user.deactivate"]
    );
    assert_eq!(audit[0]["actor_user_id"], root_id);
    assert_eq!(audit[0]["actor_email"], "root@intowork.test");
    assert_eq!(audit[0]["target_email"], "boss@acme.sn");
    assert_eq!(audit[0]["details"]["role"], "employer");
    assert_eq!(audit[2]["target_user_id"], cand_id);
    assert_eq!(audit[2]["details"]["was_active"], true);
    let (_, page) = app
        .get("/api/admin/audit?skip=1&limit=1", Some(&root))
        .await;
    assert_eq!(page[0]["action"], "user.activate");

    // /api/users*: admin-only, read-only, clerk_id null for signed-up accounts.
    let (s, one) = app.get(&format!("/api/users/{cand_id}"), Some(&root)).await;
    assert_eq!(s, 200);
    assert_eq!(one["clerk_id"], Value::Null);
    assert_eq!(one["email"], "awa.diop@example.com");
    let (s, b) = app.post("/api/users", json!({"clerk_id": "x", "email": "x@y.co", "role": "admin", "first_name": "X", "last_name": "Y"}), Some(&root)).await;
    assert_eq!(s, 405, "{b}");
    let (s, me) = app.get("/api/admin/me", Some(&root)).await;
    assert_eq!((s, me["role"].as_str()), (200, Some("admin")));
    app.stop().await;
}

async fn user_id(app: &TestApp, email: &str, admin_token: &str) -> i64 {
    let (_, found) = app
        .get(
            &format!("/api/admin/users?search={email}"),
            Some(admin_token),
        )
        .await;
    found[0]["id"].as_i64().unwrap()
}

/// CONTRACT 5.10: one query whatever the number of jobs (the reference ran about 4N+1).
async fn admin_jobs_statements_do_not_grow_with_rows(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (root, _) = admin(&app, "root@intowork.test").await;
    let (boss, _) = employer(&app, "boss@acme.sn", "Acme").await;
    create_job(&app, &boss, job_body("Poste 0")).await;
    let one = statements_for(&app, "/api/admin/jobs?limit=100", Some(&root)).await;
    for i in 1..50 {
        create_job(&app, &boss, job_body(&format!("Poste {i}"))).await;
    }
    let fifty = statements_for(&app, "/api/admin/jobs?limit=100", Some(&root)).await;
    let (_, jobs) = app.get("/api/admin/jobs?limit=100", Some(&root)).await;
    assert_eq!(jobs.as_array().unwrap().len(), 50);
    assert!(one >= 2, "at least the token's user and the list: {one}");
    assert_eq!(one, fifty, "statements for 1 job vs 50 jobs");
    app.stop().await;
}

both_backends!(
    the_admin_page_works_and_only_for_admins,
    admin_jobs_statements_do_not_grow_with_rows,
);
