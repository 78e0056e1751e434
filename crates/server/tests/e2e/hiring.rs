//! Helpers for the employer, company and job end-to-end tests.

use diesel::prelude::*;
use intowork_storage::schema::{candidates, job_applications, jobs};
use serde_json::{Value, json};

use crate::support::*;

pub async fn put(app: &TestApp, path: &str, body: Value, token: &str) -> (u16, Value) {
    let req = app.client.put(app.url(path)).json(&body).bearer_auth(token);
    into_parts(req.send().await.expect("request sent")).await
}

pub async fn delete(app: &TestApp, path: &str, token: &str) -> (u16, Value) {
    let req = app.client.delete(app.url(path)).bearer_auth(token);
    into_parts(req.send().await.expect("request sent")).await
}

/// Signs up and returns the token and the user id.
pub async fn account(app: &TestApp, email: &str, role: &str) -> (String, i64) {
    let (status, body) = app.signup(email, role).await;
    assert_eq!(status, 201, "{body}");
    (
        body["access_token"].as_str().unwrap().to_owned(),
        body["user"]["id"].as_i64().unwrap(),
    )
}

/// An employer who went through onboarding (calls 37 and 38); returns the token and company id.
pub async fn employer(app: &TestApp, email: &str, company: &str) -> (String, i64) {
    let (token, _) = account(app, email, "employer").await;
    let (status, body) = app
        .post("/api/companies", json!({ "name": company }), Some(&token))
        .await;
    assert_eq!(status, 201, "{body}");
    let company_id = body["id"].as_i64().unwrap();
    let (status, body) = put(
        app,
        "/api/employers/me",
        json!({"company_id": company_id, "position": "Directeur / Directrice", "phone": "+221 77 000 00 00"}),
        &token,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    (token, company_id)
}

/// The body the job-posts page sends on create (call 26).
pub fn job_body(title: &str) -> Value {
    json!({"title": title, "description": "Une mission passionnante.", "job_type": "full_time",
           "location_type": "on_site", "location": "Dakar", "salary_min": 300000,
           "salary_max": 500000, "currency": "XOF"})
}

pub async fn create_job(app: &TestApp, token: &str, body: Value) -> i64 {
    let (status, res) = app.post("/api/jobs/create", body, Some(token)).await;
    assert_eq!(status, 201, "{res}");
    res["id"].as_i64().unwrap()
}

/// Applications have no route yet (a later issue): insert the row directly.
pub async fn apply(app: &TestApp, job: i64, candidate_user: i64) -> i64 {
    app.database
        .run(move |c| {
            let candidate: i64 = candidates::table
                .filter(candidates::user_id.eq(candidate_user))
                .select(candidates::id)
                .first(c)
                .map_err(|e| intowork_domain::RepoError::Internal(e.to_string()))?;
            let employer: i64 = jobs::table
                .find(job)
                .select(jobs::employer_id)
                .first(c)
                .map_err(|e| intowork_domain::RepoError::Internal(e.to_string()))?;
            let now = chrono::Utc::now().naive_utc();
            diesel::insert_into(job_applications::table)
                .values((
                    job_applications::job_id.eq(job),
                    job_applications::employer_id.eq(employer),
                    job_applications::candidate_id.eq(candidate),
                    job_applications::status.eq("applied"),
                    job_applications::applied_at.eq(now),
                    job_applications::updated_at.eq(now),
                ))
                .returning(job_applications::id)
                .get_result(c)
                .map_err(|e| intowork_domain::RepoError::Internal(e.to_string()))
        })
        .await
        .unwrap()
}

/// Statements the server ran for one GET. The counter is process-wide, so first let the
/// background workers finish what earlier requests woke them for (a queued mail's delivery):
/// the count must stand still for 200 ms before the request is measured.
pub async fn statements_for(app: &TestApp, path: &str, token: Option<&str>) -> u64 {
    let mut seen = app.database.statement_count();
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let now = app.database.statement_count();
        if now == seen {
            break;
        }
        seen = now;
    }
    let before = app.database.statement_count();
    let (status, body) = app.get(path, token).await;
    assert_eq!(status, 200, "{path}: {body}");
    app.database.statement_count() - before
}
