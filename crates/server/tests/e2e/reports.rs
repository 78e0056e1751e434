//! The PDF reports through the real server, on SQLite and PostgreSQL (HEAD.md 10.19): each is an
//! attachment that starts with `%PDF-`, and its text, read back by a PDF parser, has the user's
//! accented name and the right figures.

use chrono::Utc;
use intowork_auth::Argon2Hasher;
use intowork_domain::ports::{PasswordHasher, UserRepository};
use intowork_domain::user::{Email, NewUser, Role};
use intowork_storage::DieselUserRepository;
use intowork_testkit::TestDb;
use serde_json::{Value, json};

use crate::both_backends;
use crate::hiring::{create_job, job_body, put};
use crate::support::*;

const FIRST: &str = "Élodie";
const LAST: &str = "N'Diaye";

/// Signs up `Élodie N'Diaye` with this email and role.
async fn elodie(app: &TestApp, email: &str, role: &str) -> String {
    let body = json!({"email": email, "password": "correct-horse", "first_name": FIRST,
                      "last_name": LAST, "role": role});
    let (s, body) = app.post("/api/auth/signup", body, None).await;
    assert_eq!(s, 201, "{body}");
    body["access_token"].as_str().unwrap().to_owned()
}

/// An admin named Élodie N'Diaye, provisioned out of band as admins are.
async fn admin_elodie(app: &TestApp) -> String {
    let hash = Argon2Hasher::new(2)
        .hash("admin-password-1".into())
        .await
        .unwrap();
    let new = NewUser {
        email: Email::parse("admin.elodie@example.com").unwrap(),
        password_hash: hash,
        role: Role::Admin,
        first_name: FIRST.into(),
        last_name: LAST.into(),
        now: Utc::now(),
    };
    DieselUserRepository::new(app.database.clone())
        .create_with_profile(new)
        .await
        .unwrap();
    let body = json!({"email": "admin.elodie@example.com", "password": "admin-password-1"});
    let (s, body) = app.post("/api/auth/signin", body, None).await;
    assert_eq!(s, 200, "{body}");
    body["access_token"].as_str().unwrap().to_owned()
}

/// Downloads a report: its attachment name and its text, whitespace removed (a PDF's text comes
/// back with the layout's breaks, not the words' spaces).
async fn report(app: &TestApp, path: &str, token: &str, file: &str) -> String {
    let res = app
        .client
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "{path}");
    let header = |n: &str| res.headers()[n].to_str().unwrap().to_owned();
    assert_eq!(header("content-type"), "application/pdf");
    let today = Utc::now().format("%Y%m%d");
    let disposition = header("content-disposition");
    assert!(
        disposition.starts_with(&format!("attachment; filename=\"{file}_{today}.pdf\"")),
        "{disposition}"
    );
    let pdf = res.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    squash(&pdf_extract::extract_text_from_mem(&pdf).unwrap())
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_has(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(
            text.contains(&squash(e)),
            "{e:?} not in the report:\n{text}"
        );
    }
}

async fn apply(app: &TestApp, token: &str, job: i64) -> i64 {
    let (s, body) = app
        .post(
            "/api/applications/my/applications",
            json!({"job_id": job}),
            Some(token),
        )
        .await;
    assert_eq!(s, 200, "{body}");
    body["id"].as_i64().unwrap()
}

async fn move_to(app: &TestApp, token: &str, application: i64, status: &str) {
    let path = format!("/api/applications/employer/applications/{application}/status");
    let (s, body) = put(app, &path, json!({ "status": status }), token).await;
    assert_eq!(s, 200, "{body}");
}

async fn each_report_has_the_name_and_the_figures(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    // The employer Élodie N'Diaye and her company's three jobs.
    let boss = elodie(&app, "rh.elodie@example.com", "employer").await;
    let (s, company) = app
        .post(
            "/api/companies",
            json!({"name": "Sénégal Numérique", "industry": "Télécoms"}),
            Some(&boss),
        )
        .await;
    assert_eq!(s, 201, "{company}");
    let body = json!({"company_id": company["id"], "position": "DRH"});
    assert_eq!(put(&app, "/api/employers/me", body, &boss).await.0, 200);
    let network = create_job(&app, &boss, job_body("Ingénieure réseau")).await;
    let accounting = create_job(&app, &boss, job_body("Comptable")).await;
    create_job(&app, &boss, job_body("Analyste")).await;

    // The candidate Élodie N'Diaye applies twice, two others once.
    let cand = elodie(&app, "elodie@example.com", "candidate").await;
    let profile = json!({"title": "Développeuse « back-end »", "location": "Thiès"});
    assert_eq!(
        put(&app, "/api/candidates/profile", profile, &cand).await.0,
        200
    );
    let mine = apply(&app, &cand, network).await;
    apply(&app, &cand, accounting).await;
    let ben = token(&app, "ben@example.com", "candidate").await;
    let bens = apply(&app, &ben, network).await;
    let carla = token(&app, "carla@example.com", "candidate").await;
    apply(&app, &carla, network).await;
    move_to(&app, &boss, mine, "interview").await;
    move_to(&app, &boss, bens, "viewed").await;
    move_to(&app, &boss, bens, "rejected").await;

    let text = report(
        &app,
        "/api/reports/candidate/pdf",
        &cand,
        "intowork_rapport_candidat",
    )
    .await;
    assert_has(
        &text,
        &[
            "Élodie N'Diaye",
            "Développeuse « back-end »",
            "Thiès",
            "2 Candidatures",
            "1 Entretiens",
            "3 Offres disponibles",
            "Candidatures (2)",
            "Ingénieure réseau Sénégal Numérique Entretien",
            "Comptable Sénégal Numérique Candidaté",
        ],
    );

    let text = report(
        &app,
        "/api/reports/employer/pdf",
        &boss,
        "intowork_rapport_recrutement",
    )
    .await;
    assert_has(
        &text,
        &[
            "Sénégal Numérique — Élodie N'Diaye",
            "Télécoms",
            "3 Offres actives",
            "4 Candidatures",
            "1 Entretiens",
            "50 % Taux de réponse",
            // By current status.
            "Candidatures par statut (4)",
            "Candidaté 2 50 %",
            "Entretien 1 25 %",
            "Refusé 1 25 %",
            // The funnel: what each application ever reached.
            "Candidaté 4 100 %",
            "Vue 2 50 %",
            "Présélectionné 1 25 %",
            "Accepté 0 0 %",
            "Taux de conversion : 0 %",
            "Offres d'emploi (3)",
            "Ingénieure réseau Publiée 3",
            "Analyste Publiée 0",
        ],
    );

    let admin = admin_elodie(&app).await;
    let (_, stats) = app.get("/api/admin/stats", Some(&admin)).await;
    let n = |k: &str| stats[k].as_i64().unwrap();
    assert_eq!(
        (n("total_users"), n("total_applications")),
        (5, 4),
        "{stats}"
    );
    let text = report(
        &app,
        "/api/reports/admin/pdf",
        &admin,
        "intowork_rapport_plateforme",
    )
    .await;
    assert_has(
        &text,
        &[
            "Élodie N'Diaye",
            "5 Utilisateurs",
            "3 Candidats",
            "1 Recruteurs",
            "1 Entreprises",
            "3 Offres",
            "4 Candidatures",
            "Candidats 3 60 %",
            "Publiée 3",
        ],
    );
    // The role gates hold through the real server.
    let other: Value = app.get("/api/reports/employer/pdf", Some(&cand)).await.1;
    assert_eq!(other["detail"], "Réservé aux employeurs");
    app.stop().await;
}

both_backends!(each_report_has_the_name_and_the_figures);
