//! The back-office's accounts and companies through the real server and a real SMTP server, on
//! both databases (HEAD.md 10.12), with the bodies HEAD's admin pages send: an account created
//! without a password whose mailed link works with the reset-password route, an employer who gets
//! a new company even when one of that name exists, resending links, and verifying and removing
//! a company.

use std::time::Duration;

use intowork_testkit::TestDb;
use serde_json::{Value, json};

use crate::admin::admin;
use crate::both_backends;
use crate::hiring::{account, create_job, delete, employer, job_body};
use crate::recovery::{link_token, spawn_with_mail_and, unique};
use crate::support::*;

const CHOSEN: &str = "mon-nouveau-mot-de-passe";

async fn patch(app: &TestApp, path: &str, body: Option<Value>, token: &str) -> (u16, Value) {
    call(app, reqwest::Method::PATCH, path, Some(token), body).await
}

async fn signin(app: &TestApp, email: &str, password: &str) -> (u16, Value) {
    app.post(
        "/api/auth/signin",
        json!({"email": email, "password": password}),
        None,
    )
    .await
}

async fn an_admin_creates_accounts_whose_owners_choose_their_password(db: TestDb) {
    let (app, capture, _dir) = spawn_with_mail_and(&db, &[]).await;
    let (root, root_id) = admin(&app, &unique("root")).await;
    let (_, existing) = employer(&app, &unique("boss"), "Acme").await;

    // HEAD's "Créer un utilisateur" form, for an employer of a company whose name is taken.
    let email = unique("awa");
    let (s, created) = app
        .post(
            "/api/admin/users",
            json!({"email": email, "first_name": "Awa", "last_name": "Diop",
                   "role": "employer", "company_name": "Acme"}),
            Some(&root),
        )
        .await;
    assert_eq!(s, 201, "{created}");
    assert_eq!(
        (&created["email"], &created["role"], &created["is_active"]),
        (&json!(email), &json!("employer"), &json!(true))
    );
    let user_id = created["id"].as_i64().unwrap();
    // No password yet: signing in is the usual wrong-credentials answer.
    let (s, b) = signin(&app, &email, "anything-at-all").await;
    assert_eq!((s, b["code"].as_str()), (401, Some("invalid_credentials")));

    let mails = capture.wait_for(&email, 1, Duration::from_secs(15)).await;
    assert_eq!(mails[0].subject, "Votre compte IntoWork a été créé");
    assert!(mails[0].text.contains("72 heures"), "{}", mails[0].text);
    let token = link_token(&mails[0].text);
    let (s, b) = app
        .post(
            "/api/auth/reset-password",
            json!({"token": token, "new_password": CHOSEN}),
            None,
        )
        .await;
    assert_eq!(s, 200, "{b}");
    let (s, session) = signin(&app, &email, CHOSEN).await;
    assert_eq!(s, 200, "{session}");
    let awa = session["access_token"].as_str().unwrap();
    // A new company, not the existing "Acme".
    let (s, mine) = app.get("/api/companies/my-company", Some(awa)).await;
    assert_eq!(s, 200, "{mine}");
    assert_eq!(mine["name"], "Acme");
    assert_ne!(mine["id"], json!(existing));
    let (_, listed) = app
        .get("/api/admin/companies?search=acme", Some(&root))
        .await;
    assert_eq!(listed.as_array().unwrap().len(), 2, "{listed}");

    // A candidate, as the form sends it (no company); an address already in use, any case.
    let cand = unique("binta");
    let (s, b) = app
        .post(
            "/api/admin/users",
            json!({"email": cand, "first_name": "Binta", "last_name": "Sow", "role": "candidate"}),
            Some(&root),
        )
        .await;
    assert_eq!((s, &b["role"]), (201, &json!("candidate")));
    let (s, b) = app
        .post(
            "/api/admin/users",
            json!({"email": email.to_uppercase(), "first_name": "X", "last_name": "Y",
                   "role": "candidate"}),
            Some(&root),
        )
        .await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (400, Some("Email already registered"))
    );
    let (s, b) = app
        .post(
            "/api/admin/users",
            json!({"email": unique("x"), "first_name": "X", "last_name": "Y", "role": "admin"}),
            Some(&root),
        )
        .await;
    assert_eq!((s, b["code"].as_str()), (400, Some("invalid_role")));

    // Resending: refused within the minute of the first link, then for an admin and a stranger.
    let resend = |id: i64| format!("/api/admin/users/{id}/resend-credentials");
    let cand_id = b_id(&app, &root, &cand).await;
    let (s, b) = app.post(&resend(cand_id), Value::Null, Some(&root)).await;
    assert_eq!(
        (s, b["code"].as_str()),
        (429, Some("credentials_recently_sent"))
    );
    let (s, b) = app.post(&resend(root_id), Value::Null, Some(&root)).await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (403, Some("Action impossible sur un administrateur"))
    );
    let (s, b) = app
        .post(&resend(user_id + 1000), Value::Null, Some(&root))
        .await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (404, Some("Utilisateur introuvable"))
    );
    // A signed-up account gets a fresh link, which works, and its old password then fails.
    let signed_up = unique("moussa");
    let (_, moussa_id) = account(&app, &signed_up, "candidate").await;
    let (s, b) = app.post(&resend(moussa_id), Value::Null, Some(&root)).await;
    assert_eq!(s, 200, "{b}");
    let mails = capture
        .wait_for(&signed_up, 1, Duration::from_secs(15))
        .await;
    assert_eq!(mails[0].subject, "Choisissez votre mot de passe IntoWork");
    let token = link_token(&mails[0].text);
    let (s, _) = app
        .post(
            "/api/auth/reset-password",
            json!({"token": token, "new_password": CHOSEN}),
            None,
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(signin(&app, &signed_up, CHOSEN).await.0, 200);
    assert_eq!(signin(&app, &signed_up, "correct-horse").await.0, 401);

    let (_, audit) = app.get("/api/admin/audit?limit=50", Some(&root)).await;
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        ["user.resend_credentials", "user.create", "user.create"]
    );
    app.stop().await;
}

/// The user id the admin list shows for an address.
async fn b_id(app: &TestApp, root: &str, email: &str) -> i64 {
    let (_, found) = app
        .get(&format!("/api/admin/users?search={email}"), Some(root))
        .await;
    found[0]["id"].as_i64().unwrap()
}

async fn an_admin_verifies_and_removes_a_company(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (root, _) = admin(&app, "root@intowork.test").await;
    let (boss, company) = employer(&app, "boss@acme.sn", "Acme").await;
    let job = create_job(&app, &boss, job_body("Développeur Rust")).await;
    create_job(&app, &boss, job_body("Sans candidat")).await;
    let (cand, _) = account(&app, "awa.diop@example.com", "candidate").await;
    let (s, _) = app
        .post(
            "/api/applications/my/applications",
            json!({"job_id": job}),
            Some(&cand),
        )
        .await;
    assert_eq!(s, 200);

    let verify = format!("/api/admin/companies/{company}/verify");
    let (s, b) = patch(&app, &verify, Some(json!({"is_verified": true})), &root).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(
        (&b["id"], &b["is_verified"]),
        (&json!(company), &json!(true))
    );
    assert!(b["verified_at"].is_string());
    let (_, listed) = app.get("/api/admin/companies", Some(&root)).await;
    assert_eq!(
        (
            &listed[0]["is_verified"],
            &listed[0]["jobs_count"],
            &listed[0]["employers_count"]
        ),
        (&json!(true), &json!(2), &json!(1))
    );
    assert_eq!(listed[0]["recruiters"][0]["email"], "boss@acme.sn");
    assert_eq!(listed[0]["recruiters"][0]["phone"], "+221 77 000 00 00");
    // HEAD's route takes no body: it flips.
    let (s, b) = patch(&app, &verify, None, &root).await;
    assert_eq!(
        (s, &b["is_verified"], &b["verified_at"]),
        (200, &json!(false), &json!(null))
    );

    let path = format!("/api/admin/companies/{company}");
    let (s, b) = delete(&app, &path, &root).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(
        b["message"],
        "Entreprise « Acme » supprimée : 2 offre(s) archivée(s), 1 recruteur(s) détaché(s)."
    );
    // Gone from every list; the employer keeps the account and the archived history.
    assert_eq!(delete(&app, &path, &root).await.0, 404);
    assert_eq!(patch(&app, &verify, None, &root).await.0, 404);
    let (_, listed) = app.get("/api/admin/companies", Some(&root)).await;
    assert_eq!(listed, json!([]));
    let (_, dirx) = app.get("/api/companies/all", None).await;
    assert_eq!(dirx["total"], 0);
    let (_, jobs) = app.get("/api/jobs", None).await;
    assert_eq!(jobs["total"], 0);
    let (s, _) = app.get("/api/companies/my-company", Some(&boss)).await;
    assert_eq!(s, 404);
    let (s, archived) = app
        .get("/api/jobs/my-jobs?status_filter=archived", Some(&boss))
        .await;
    assert_eq!(s, 200, "{archived}");
    assert_eq!(archived["total"], 2);
    let (s, mine) = app
        .get("/api/applications/my/applications", Some(&cand))
        .await;
    assert_eq!(s, 200, "{mine}");
    assert_eq!(
        mine.to_string().matches("Développeur Rust").count(),
        1,
        "{mine}"
    );
    let (_, notes) = app.get("/api/notifications", Some(&cand)).await;
    assert!(
        notes.to_string().contains(
            "L'offre « Développeur Rust » a été retirée : l'entreprise n'est plus présente sur IntoWork."
        ),
        "{notes}"
    );
    // The employer can start over with a new company.
    let (s, b) = app
        .post("/api/companies", json!({"name": "Acme 2"}), Some(&boss))
        .await;
    assert_eq!(s, 201, "{b}");
    let (_, audit) = app.get("/api/admin/audit", Some(&root)).await;
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions[..3],
        ["company.delete", "company.unverify", "company.verify"]
    );
    app.stop().await;
}

both_backends!(
    an_admin_creates_accounts_whose_owners_choose_their_password,
    an_admin_verifies_and_removes_a_company
);
