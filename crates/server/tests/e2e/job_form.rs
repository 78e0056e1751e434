//! The current frontend's job form end to end, on SQLite and PostgreSQL (HEAD.md 10.3): the body
//! its job-posts page sends, the sections back from the detail and from `my-jobs` (which fills its
//! edit form), absent vs null on update, the country/currency/language filters and `limit` 100,
//! the sections in the search, and flat statement counts.

use intowork_testkit::TestDb;
use serde_json::{Value, json};

use crate::both_backends;
use crate::hiring::*;
use crate::support::*;

const SECTIONS: [&str; 7] = [
    "context",
    "mission_principale",
    "profil_formation",
    "profil_experience",
    "profil_competences",
    "profil_posture",
    "profil_autre",
];

/// What `dashboard/job-posts/page.tsx` (d06ce80) posts: `handleCreateNew` starts the form at
/// `{currency: 'XAF'}`, the inputs fill the rest, salaries parsed to integers.
pub fn current_create_body(title: &str) -> Value {
    json!({"currency": "XAF", "title": title,
        "description": "Nous recrutons un responsable logistique pour notre entrepôt de Libreville.",
        "job_type": "full_time", "location_type": "on_site", "location": "Libreville",
        "salary_min": 800000, "salary_max": 1200000,
        "context": "PME gabonaise de distribution, 40 salariés, en forte croissance.",
        "mission_principale": "Piloter les flux de l'entrepôt et encadrer une équipe de 8 personnes.",
        "profil_formation": "Bac+3 en logistique ou équivalent.",
        "profil_experience": "5 ans d'expérience dont 2 en encadrement.",
        "profil_competences": "WMS, Excel avancé, anglais professionnel.",
        "profil_posture": "Rigueur, sens de l'organisation, leadership.",
        "profil_autre": "Permis B exigé."})
}

/// What the same page's `handleEdit` sends back: the `my-jobs` row copied into the form, here
/// with the minimum salary cleared (an empty input becomes `undefined`: the key is absent).
fn current_edit_body(row: &Value) -> Value {
    let mut body = json!({});
    for key in [
        "title",
        "description",
        "location",
        "location_type",
        "job_type",
        "salary_max",
        "currency",
    ]
    .into_iter()
    .chain(SECTIONS)
    {
        body[key] = row[key].clone();
    }
    body
}

fn row(list: &Value, id: i64) -> &Value {
    list["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["id"] == id)
        .unwrap_or_else(|| panic!("job {id} not in {list}"))
}

async fn the_current_form_round_trips(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (token, _) = employer(&app, "rh@logi.ga", "Logi Gabon").await;
    let sent = current_create_body("Responsable logistique");
    let (status, created) = app
        .post("/api/jobs/create", sent.clone(), Some(&token))
        .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["status"], "published");
    assert_eq!(created["image_url"], Value::Null);

    // The public detail page and the owner's list carry every section.
    let (status, detail) = app.get(&format!("/api/jobs/{id}"), None).await;
    assert_eq!(status, 200, "{detail}");
    let (_, mine) = app.get("/api/jobs/my-jobs", Some(&token)).await;
    for key in SECTIONS {
        assert_eq!(detail[key], sent[key], "detail {key}");
        assert_eq!(row(&mine, id)[key], sent[key], "my-jobs {key}");
    }
    for shape in [&detail, row(&mine, id)] {
        assert_eq!(shape["status"], "published");
        assert_eq!(shape["currency"], "XAF");
        assert_eq!(shape["company_is_verified"], false);
        assert_eq!(shape["linkedin_published_at"], Value::Null);
        assert_eq!(shape["country"], Value::Null);
    }
    // The public list rows stay lean.
    let (_, list) = app.get("/api/jobs/?page=1&limit=50", None).await;
    let public_row = row(&list, id).as_object().unwrap();
    assert!(SECTIONS.iter().all(|k| !public_row.contains_key(*k)));
    assert_eq!(public_row["status"], "published");

    // The edit form: the salary cleared (absent) stays, `null` sections are cleared, a changed
    // one is written.
    let mut edit = current_edit_body(row(&mine, id));
    edit["context"] = Value::Null;
    edit["mission_principale"] = json!("Diriger l'entrepôt.");
    let (status, updated) = put(&app, &format!("/api/jobs/{id}"), edit, &token).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["salary_min"], 800000, "absent means unchanged");
    assert_eq!(updated["context"], Value::Null);
    assert_eq!(updated["mission_principale"], "Diriger l'entrepôt.");
    assert_eq!(updated["profil_autre"], "Permis B exigé.");
    // An explicit null clears a salary; the codes are written.
    let mut edit = current_edit_body(&updated);
    edit["salary_min"] = Value::Null;
    edit["salary_max"] = Value::Null;
    edit["country"] = json!("GA");
    edit["zone"] = json!("CEMAC");
    edit["language"] = json!("fr");
    let (status, updated) = put(&app, &format!("/api/jobs/{id}"), edit, &token).await;
    assert_eq!(status, 200, "{updated}");
    let (_, detail) = app.get(&format!("/api/jobs/{id}"), None).await;
    for shape in [&updated, &detail] {
        assert_eq!(
            (&shape["salary_min"], &shape["salary_max"]),
            (&Value::Null, &Value::Null)
        );
        assert_eq!(
            (&shape["country"], &shape["zone"], &shape["language"]),
            (&json!("GA"), &json!("CEMAC"), &json!("fr"))
        );
    }
    // Updates keep the sections searchable, and the old text is no longer found.
    let (_, found) = app
        .get("/api/jobs/?search=diriger%20l%27entrepot", None)
        .await;
    assert_eq!(found["total"], 1, "{found}");
    let (_, gone) = app
        .get("/api/jobs/?search=en%20forte%20croissance", None)
        .await;
    assert_eq!(gone["total"], 0, "{gone}");
    let (_, found) = app
        .get("/api/jobs/my-jobs?search=PERMIS", Some(&token))
        .await;
    assert_eq!(found["total"], 1, "{found}");
    app.stop().await;
}

async fn country_currency_and_language_filter_the_lists(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (token, _) = employer(&app, "rh@logi.ga", "Logi Gabon").await;
    let mut gabon = current_create_body("Libreville");
    gabon["country"] = json!("GA");
    gabon["language"] = json!("fr");
    create_job(&app, &token, gabon).await;
    let mut cameroun = current_create_body("Douala");
    cameroun["country"] = json!("CM");
    cameroun["language"] = json!("en");
    create_job(&app, &token, cameroun).await;
    create_job(&app, &token, job_body("Dakar")).await; // XOF, no country
    let titles = |list: &Value| -> Vec<String> {
        let mut t: Vec<String> = list["jobs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|j| j["title"].as_str().unwrap().to_owned())
            .collect();
        t.sort();
        t
    };
    for (query, expected) in [
        ("country=GA", vec!["Libreville"]),
        ("country=ga", vec!["Libreville"]),
        ("currency=XAF", vec!["Douala", "Libreville"]),
        ("currency=xof", vec!["Dakar"]),
        ("language=en", vec!["Douala"]),
        ("country=GA&currency=XOF", vec![]),
        (
            "country=&currency=&language=",
            vec!["Dakar", "Douala", "Libreville"],
        ),
    ] {
        let (status, list) = app
            .get(&format!("/api/jobs/?limit=100&{query}"), None)
            .await;
        assert_eq!(status, 200, "{list}");
        assert_eq!(titles(&list), expected, "{query}");
        assert_eq!(list["total"], expected.len(), "{query}");
        let (_, mine) = app
            .get(
                &format!("/api/jobs/my-jobs?limit=100&{query}"),
                Some(&token),
            )
            .await;
        assert_eq!(titles(&mine), expected, "my-jobs {query}");
    }
    let (status, body) = app.get("/api/jobs?limit=101", None).await;
    assert_eq!(
        (status, &body["detail"][0]["loc"]),
        (422, &json!(["query", "limit"]))
    );
    app.stop().await;
}

async fn the_new_columns_cost_no_statement(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (token, _) = employer(&app, "rh@logi.ga", "Logi Gabon").await;
    let mut counts = Vec::new();
    let mut created = 0;
    for jobs in [1, 12] {
        for i in created..jobs {
            let mut body = current_create_body(&format!("Poste {i}"));
            body["country"] = json!("GA");
            create_job(&app, &token, body).await;
        }
        created = jobs;
        // Right after the writes: nothing cached, both lists read the database.
        let public = statements_for(&app, "/api/jobs/?limit=100&country=ga", None).await;
        let own = statements_for(
            &app,
            "/api/jobs/my-jobs?limit=100&search=poste",
            Some(&token),
        )
        .await;
        counts.push((public, own));
    }
    assert_eq!(counts[0], counts[1], "1 job, then 12");
    assert_eq!(counts[0].0, 2, "count and page");
    app.stop().await;
}

both_backends!(
    the_current_form_round_trips,
    country_currency_and_language_filter_the_lists,
    the_new_columns_cost_no_statement,
);
