//! The public pages through the real server on both databases (HEAD.md 10.11): the landing page's
//! counters, the market page and the company directory count what the public job list shows,
//! carry no e-mail, phone number or address, and are served from the cache once read.

use diesel::prelude::*;
use intowork_storage::schema::{companies, jobs};
use intowork_testkit::TestDb;
use serde_json::{Value, json};

use crate::admin::admin;
use crate::both_backends;
use crate::hiring::{account, create_job, employer, job_body, put, statements_for};
use crate::support::*;

const PHONE: &str = "+221 77 000 00 00";
const ADDRESS: &str = "12 rue Privée";

/// Fixture for a column no route writes in this branch: the job's country.
async fn set_country(app: &TestApp, job: i64, country: &'static str) {
    app.database
        .run(move |c| {
            diesel::update(jobs::table.find(job))
                .set(jobs::country.eq(Some(country)))
                .execute(c)
                .map_err(|e| intowork_domain::RepoError::Internal(e.to_string()))
        })
        .await
        .unwrap();
}

fn no_contact(what: &str, body: &Value, emails: &[&str]) {
    let text = body.to_string();
    for secret in emails.iter().copied().chain([PHONE, ADDRESS, "@"]) {
        assert!(!text.contains(secret), "{what} shows {secret:?}: {text}");
    }
}

async fn public_pages_count_what_the_public_sees(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (root, _) = admin(&app, "root@intowork.test").await;
    let (acme, acme_id) = employer(&app, "boss@acme.sn", "Acme Dakar").await;
    // The settings page's company form, with what must stay private.
    let (s, b) = put(
        &app,
        "/api/companies/my-company",
        json!({"name": "Acme Dakar", "industry": "Banque", "city": "Dakar", "country": "SN",
               "address": ADDRESS, "size": "11-50", "website_url": "https://acme.sn"}),
        &acme,
    )
    .await;
    assert_eq!(s, 200, "{b}");
    let j1 = create_job(&app, &acme, job_body("Développeur Rust")).await;
    let mut remote = job_body("Analyste");
    remote["location_type"] = json!("remote");
    remote["job_type"] = json!("contract");
    let j2 = create_job(&app, &acme, remote).await;
    set_country(&app, j1, "SN").await;
    set_country(&app, j2, "CI").await;
    // Beta's employer is deactivated: its job leaves every public figure.
    let (beta, _) = employer(&app, "boss@beta.ci", "Beta").await;
    let (_, beta_user) = {
        let (s, me) = app.get("/api/auth/me", Some(&beta)).await;
        assert_eq!(s, 200);
        (s, me["id"].as_i64().unwrap())
    };
    create_job(&app, &beta, job_body("Comptable")).await;
    let (s, _) = put(
        &app,
        &format!("/api/admin/users/{beta_user}/activate"),
        json!({"is_active": false}),
        &root,
    )
    .await;
    assert_eq!(s, 200);
    let (cand, _) = account(&app, "awa.diop@example.com", "candidate").await;
    let (s, _) = app
        .post(
            "/api/applications/my/applications",
            json!({"job_id": j1}),
            Some(&cand),
        )
        .await;
    assert_eq!(s, 200);
    let emails = ["boss@acme.sn", "boss@beta.ci", "awa.diop@example.com"];

    let (s, counts) = app.get("/api/stats/public", None).await;
    assert_eq!(s, 200, "{counts}");
    assert_eq!(
        counts,
        json!({"candidates": 1, "companies": 2, "active_jobs": 2, "applications": 1})
    );

    let (s, market) = app.get("/api/jobs/stats/market", None).await;
    assert_eq!(s, 200, "{market}");
    assert_eq!(
        (
            &market["total_jobs"],
            &market["total_applications"],
            &market["total_companies"],
            &market["total_candidates"]
        ),
        (&json!(2), &json!(1), &json!(2), &json!(1))
    );
    assert_eq!(
        market["jobs_by_country"],
        json!([{"label": "CI", "count": 1}, {"label": "SN", "count": 1}])
    );
    assert_eq!(
        market["jobs_by_type"],
        json!([{"label": "contract", "count": 1}, {"label": "full_time", "count": 1}])
    );
    assert_eq!(
        market["jobs_by_location_type"],
        json!([{"label": "on_site", "count": 1}, {"label": "remote", "count": 1}])
    );
    assert_eq!(
        market["top_industries"],
        json!([{"label": "Banque", "count": 2}])
    );

    // HEAD's /entreprises page.
    let (s, dirx) = app.get("/api/companies/all?page=1&limit=1000", None).await;
    assert_eq!(s, 200, "{dirx}");
    assert_eq!(
        (
            &dirx["total"],
            &dirx["page"],
            &dirx["limit"],
            &dirx["total_pages"]
        ),
        (&json!(2), &json!(1), &json!(1000), &json!(1))
    );
    let listed = dirx["companies"].as_array().unwrap();
    let acme_row = listed.iter().find(|c| c["id"] == json!(acme_id)).unwrap();
    assert_eq!(
        (
            &acme_row["name"],
            &acme_row["industry"],
            &acme_row["city"],
            &acme_row["total_jobs"]
        ),
        (
            &json!("Acme Dakar"),
            &json!("Banque"),
            &json!("Dakar"),
            &json!(2)
        )
    );
    assert_eq!(acme_row["website_url"], "https://acme.sn");
    let beta_row = listed.iter().find(|c| c["name"] == "Beta").unwrap();
    assert_eq!(beta_row["total_jobs"], 0);
    let (s, _) = app.get("/api/companies/all?limit=1001", None).await;
    assert_eq!(s, 422);
    for (what, body) in [
        ("counters", &counts),
        ("market", &market),
        ("directory", &dirx),
    ] {
        no_contact(what, body, &emails);
    }

    // Read once, served from the cache: no statement. The counter is process-wide: measured
    // once the background workers the writes above woke are done.
    for path in [
        "/api/stats/public",
        "/api/jobs/stats/market",
        "/api/companies/all?page=1&limit=1000",
    ] {
        assert_eq!(app.get(path, None).await.0, 200);
        assert_eq!(statements_for(&app, path, None).await, 0, "{path}");
    }
    // A new job evicts them.
    create_job(&app, &acme, job_body("Troisième")).await;
    let (_, counts) = app.get("/api/stats/public", None).await;
    assert_eq!(counts["active_jobs"], 3);
    app.stop().await;
}

/// A company's detail columns are unchanged by being listed (a fixture check of the address).
async fn the_address_is_stored_but_never_listed(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (acme, id) = employer(&app, "boss@acme.sn", "Acme").await;
    let (s, _) = put(
        &app,
        "/api/companies/my-company",
        json!({"address": ADDRESS}),
        &acme,
    )
    .await;
    assert_eq!(s, 200);
    let stored: Option<String> = app
        .database
        .run(move |c| {
            companies::table
                .find(id)
                .select(companies::address)
                .first(c)
                .map_err(|e| intowork_domain::RepoError::Internal(e.to_string()))
        })
        .await
        .unwrap();
    assert_eq!(stored.as_deref(), Some(ADDRESS));
    let (s, body) = app.get("/api/companies/all", None).await;
    assert_eq!(s, 200);
    no_contact("directory", &body, &["boss@acme.sn"]);
    app.stop().await;
}

both_backends!(
    public_pages_count_what_the_public_sees,
    the_address_is_stored_but_never_listed
);
