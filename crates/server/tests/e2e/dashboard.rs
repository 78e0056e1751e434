//! Dashboards end to end, on SQLite and PostgreSQL: CONTRACT 4.1 calls 8 and 9 for every role,
//! and statement counts that do not grow with the number of applications.

use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_storage::schema::{job_applications, users};
use intowork_testkit::TestDb;
use serde_json::{Value, json};

use crate::both_backends;
use crate::hiring::*;
use crate::support::*;

/// Runs an update on the server's own pool (states no route reaches in these tests).
async fn fixture<F>(app: &TestApp, f: F)
where
    F: FnOnce(&mut intowork_storage::DbConn) -> QueryResult<usize> + Send + 'static,
{
    app.database
        .run(move |c| f(c).map_err(|e| RepoError::Internal(e.to_string())))
        .await
        .unwrap();
}

async fn set_status(app: &TestApp, application: i64, status: &'static str) {
    fixture(app, move |c| {
        diesel::update(job_applications::table.find(application))
            .set(job_applications::status.eq(status))
            .execute(c)
    })
    .await;
}

/// Admins are provisioned out of band (CLI); the stored role is what counts.
async fn admin(app: &TestApp, email: &str) -> String {
    let (token, id) = account(app, email, "candidate").await;
    fixture(app, move |c| {
        diesel::update(users::table.find(id))
            .set(users::role.eq("admin"))
            .execute(c)
    })
    .await;
    token
}

fn stat(title: &str, value: &str, change: &str, change_type: &str, color: &str) -> Value {
    json!({"title": title, "value": value, "change": change, "changeType": change_type, "color": color})
}

async fn dashboards_for_every_role(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (boss, _) = employer(&app, "rh@acme.sn", "Acme").await;
    let (newcomer, _) = account(&app, "new@acme.sn", "employer").await;
    let (cand, cand_user) = account(&app, "awa@example.com", "candidate").await;

    // 8, a fresh candidate: three of seven fields (names and email).
    let (status, body) = app.get("/api/dashboard", Some(&cand)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["stats"][0],
        stat("Candidatures envoyées", "0", "+0", "neutral", "blue")
    );
    assert_eq!(
        body["stats"][3],
        stat("Profil complété", "26%", "26%", "neutral", "orange")
    );
    assert_eq!(
        body["recentActivities"],
        json!([{"id": 2, "action": "Profil créé", "target": "Ada Lovelace", "time": "À l'instant", "type": "update"}])
    );
    assert_eq!(body["profileCompletion"], 26);

    let profile =
        json!({"phone": "+221 77 000 00 00", "location": "Dakar", "title": "Dev", "bio": "Rust"});
    assert_eq!(
        put(&app, "/api/candidates/profile", profile, &cand).await.0,
        200
    );
    let skill = json!({"name": "Rust", "level": "expert", "category": "technique"});
    let (status, body) = app
        .post("/api/candidates/profile/skills", skill, Some(&cand))
        .await;
    assert!(status == 200 || status == 201, "{body}");
    let rust = create_job(&app, &boss, job_body("Développeur Rust")).await;
    let go = create_job(&app, &boss, job_body("Développeur Go")).await;
    let first = apply(&app, rust, cand_user).await;
    apply(&app, go, cand_user).await;
    set_status(&app, first, "interview").await;

    let (_, body) = app.get("/api/dashboard", Some(&cand)).await;
    assert_eq!(
        body["stats"],
        json!([
            stat("Candidatures envoyées", "2", "+2", "increase", "blue"),
            stat("Offres disponibles", "2", "+2", "increase", "green"),
            stat("Entretiens prévus", "1", "+1", "increase", "purple"),
            stat("Profil complété", "70%", "70%", "increase", "orange"),
        ])
    );
    assert_eq!(body["recentActivities"][0]["action"], "Candidature envoyée");
    assert_eq!(body["recentActivities"][0]["target"], "Développeur Go");
    assert_eq!(body["profileCompletion"], 70);

    // The employer with a company: 1 of 2 answered, the interview and the newest items.
    let (status, body) = app.get("/api/dashboard", Some(&boss)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["stats"],
        json!([
            stat("Offres actives", "2", "+2", "increase", "blue"),
            stat("Candidatures reçues", "2", "+2", "increase", "green"),
            stat("Entretiens prévus", "1", "+1", "increase", "purple"),
            stat("Taux de réponse", "50%", "50%", "increase", "orange"),
        ])
    );
    let actions: Vec<(i64, &str, &str)> = body["recentActivities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_i64().unwrap(),
                a["target"].as_str().unwrap(),
                a["type"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        vec![
            (1, "Développeur Go", "job_post"),
            (2, "Développeur Go", "application"),
            (3, "Développeur Rust", "interview"),
        ]
    );
    assert_eq!(body["profileCompletion"], 100);

    // The employer who has no company yet.
    let (status, body) = app.get("/api/dashboard", Some(&newcomer)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["stats"][0],
        stat(
            "Entreprise",
            "Non configurée",
            "Créez votre entreprise",
            "neutral",
            "gray"
        )
    );
    assert_eq!(
        body["recentActivities"][0]["action"],
        "Bienvenue sur INTOWORK !"
    );
    assert_eq!(body["profileCompletion"], 30);

    // The admin: platform totals.
    let root = admin(&app, "root@intowork.sn").await;
    let (status, body) = app.get("/api/dashboard", Some(&root)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["stats"][1],
        stat("Utilisateurs", "4", "Total plateforme", "neutral", "blue")
    );
    assert_eq!(
        body["stats"][2],
        stat("Offres", "2", "Total plateforme", "neutral", "green")
    );
    assert_eq!(
        body["stats"][3],
        stat("Candidatures", "2", "Total plateforme", "neutral", "purple")
    );

    // 9: the completion entry only for callers with a candidate row.
    let (status, body) = app.get("/api/dashboard/activities", Some(&cand)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body[2],
        json!({"id": 3, "action": "Profil en cours de complétion", "target": "70% complété", "time": "En cours", "type": "update"})
    );
    let (_, body) = app.get("/api/dashboard/activities", Some(&boss)).await;
    assert_eq!(body.as_array().unwrap().len(), 2);
    assert_eq!(body[1]["action"], "Connexion à la plateforme");
    let (status, _) = app.get("/api/dashboard", None).await;
    assert_eq!(status, 401);
    app.stop().await;
}

async fn dashboard_statements_do_not_grow_with_rows(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (boss, _) = employer(&app, "rh@acme.sn", "Acme").await;
    let root = admin(&app, "root@intowork.sn").await;
    let (cand, cand_user) = account(&app, "awa@example.com", "candidate").await;
    let job = create_job(&app, &boss, job_body("Poste 0")).await;
    let first = apply(&app, job, cand_user).await;
    set_status(&app, first, "interview").await;
    let routes: [(&str, &str); 4] = [
        ("/api/dashboard", &root),
        ("/api/dashboard", &boss),
        ("/api/dashboard", &cand),
        ("/api/dashboard/activities", &cand),
    ];
    let measure = || async {
        let mut counts = Vec::new();
        for (path, token) in routes {
            statements_for(&app, path, Some(token)).await;
            counts.push(statements_for(&app, path, Some(token)).await);
        }
        counts
    };
    let with_one = measure().await;
    // 50 jobs, each with an application: 50 for the employer and 50 for the candidate.
    for i in 1..50 {
        let other = create_job(&app, &boss, job_body(&format!("Poste {i}"))).await;
        let id = apply(&app, other, cand_user).await;
        if i % 5 == 0 {
            set_status(&app, id, "interview").await;
        }
    }
    let (_, body) = app.get("/api/dashboard", Some(&boss)).await;
    assert_eq!(body["stats"][1]["value"], "50");
    let (_, body) = app.get("/api/dashboard", Some(&cand)).await;
    assert_eq!(body["stats"][0]["value"], "50");
    let with_fifty = measure().await;
    assert_eq!(
        with_one, with_fifty,
        "statements per request, 1 vs 50 applications"
    );
    // Auth 1 (user), then: admin 1 (three sub-selects); employer 1 (row) + 1 (four counts and
    // the newest job, application and interview as sub-selects); candidate 1 (row) + 1 (counts
    // and EXISTS) + 1 (newest application), the open-jobs count coming from the count cache after
    // the warm-up request; activities 1 (row) + 1 (EXISTS).
    assert_eq!(with_one, vec![2, 3, 4, 3]);
    app.stop().await;
}

both_backends!(
    dashboards_for_every_role,
    dashboard_statements_do_not_grow_with_rows
);
