//! Admin and `/api/users*` routes against mocks: role gates, shapes, bounds, filters, guards.

use std::sync::{Arc, Mutex};

use actix_web::test::TestRequest;
use intowork_domain::admin::{
    AdminJob, AdminStats, AuditEntry, EmployerRecord, UserFilter, UserRecord, Window,
};
use intowork_domain::job::JobStatus;
use intowork_domain::user::Role;
use intowork_domain::{EmployerId, JobId, UserId};
use serde_json::json;

use crate::support::*;

pub const ADMIN: &str = "valid-1-0";
const CANDIDATE: &str = "valid-2-0";
const EMPLOYER: &str = "valid-3-0";

pub fn mocks() -> Mocks {
    Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Admin))
        .with_user(user(2, Role::Candidate))
        .with_user(user(3, Role::Employer))
}

pub fn record(id: i64, role: Role) -> UserRecord {
    UserRecord {
        id: UserId(id),
        email: format!("user{id}@example.com"),
        first_name: "Jane".into(),
        last_name: "Doe".into(),
        role,
        is_active: true,
        clerk_id: None,
        created_at: now(),
    }
}

/// Every admin-only route, with a body where it needs one.
fn admin_routes() -> Vec<TestRequest> {
    vec![
        TestRequest::get().uri("/api/admin/stats"),
        TestRequest::get().uri("/api/admin/users"),
        TestRequest::get().uri("/api/admin/employers"),
        TestRequest::get().uri("/api/admin/jobs"),
        TestRequest::get().uri("/api/admin/audit"),
        TestRequest::get().uri("/api/admin/me"),
        TestRequest::put()
            .uri("/api/admin/users/5/activate")
            .set_json(json!({"is_active": false})),
        TestRequest::delete().uri("/api/admin/users/5"),
        TestRequest::get().uri("/api/users"),
        TestRequest::get().uri("/api/users/5"),
    ]
}

#[actix_rt::test]
async fn every_admin_route_is_401_without_a_token_and_403_for_other_roles() {
    let mut m = mocks();
    m.admin.expect_set_active().never();
    m.admin.expect_delete_user().never();
    let app = make_app(m).await;
    for req in admin_routes() {
        let (s, _, b) = send(&app, req).await;
        assert_eq!(s, 401, "{b}");
    }
    for token in [CANDIDATE, EMPLOYER] {
        for req in admin_routes() {
            let (s, _, b) = send(&app, req.insert_header(bearer(token))).await;
            assert_eq!(s, 403, "{b}");
            assert_eq!(b["detail"], "Access denied. Required roles: admin");
        }
    }
}

#[actix_rt::test]
async fn stats_keys_statuses_in_lowercase() {
    let mut m = mocks();
    m.admin.expect_stats().returning(|_| {
        Ok(AdminStats {
            total_users: 5,
            total_candidates: 2,
            total_employers: 2,
            total_companies: 1,
            total_jobs: 3,
            total_applications: 4,
            total_notifications: 6,
            active_users: 4,
            inactive_users: 1,
            jobs_by_status: vec![(JobStatus::Draft, 1), (JobStatus::Published, 2)],
            recent_signups: 5,
        })
    });
    let app = make_app(m).await;
    let (s, _, b) = send(
        &app,
        TestRequest::get()
            .uri("/api/admin/stats")
            .insert_header(bearer(ADMIN)),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(b["jobs_by_status"], json!({"draft": 1, "published": 2}));
    assert_eq!(
        (b["total_users"].as_i64(), b["inactive_users"].as_i64()),
        (Some(5), Some(1))
    );
    assert_eq!(b["recent_signups"], 5);
}

#[actix_rt::test]
async fn user_list_filters_and_bounds() {
    let seen: Arc<Mutex<Vec<(UserFilter, Window)>>> = Arc::default();
    let mut m = mocks();
    let log = seen.clone();
    m.admin.expect_list_users().returning(move |f, w| {
        log.lock().unwrap().push((f, w));
        Ok(vec![record(4, Role::Employer)])
    });
    let app = make_app(m).await;
    let get = |q: &str| {
        TestRequest::get()
            .uri(&format!("/api/admin/users{q}"))
            .insert_header(bearer(ADMIN))
    };
    let filter = |role, is_active, search: Option<&str>| UserFilter {
        role,
        is_active,
        search: search.map(str::to_owned),
    };
    let window = |skip, limit| Window { skip, limit };
    for (query, expected) in [
        ("", (filter(None, None, None), window(0, 50))),
        (
            "?role=EMPLOYER&is_active=1&skip=3&limit=100&search=50%25_off",
            (
                filter(Some(Role::Employer), Some(true), Some("50%_off")),
                window(3, 100),
            ),
        ),
        (
            "?is_active=false&limit=500",
            (filter(None, Some(false), None), window(0, 500)),
        ),
        // A cleared select sends `role=`: no filter. A blank search is dropped by the service.
        (
            "?role=&is_active=0&search=%20",
            (filter(None, Some(false), None), window(0, 50)),
        ),
    ] {
        let (s, _, b) = send(&app, get(query)).await;
        assert_eq!(s, 200, "{query}: {b}");
        assert_eq!(seen.lock().unwrap().pop(), Some(expected), "{query}");
        assert_eq!(
            b,
            json!([{"id": 4, "email": "user4@example.com", "first_name": "Jane",
                    "last_name": "Doe", "role": "employer", "is_active": true,
                    "created_at": "2026-11-27T10:00:00Z"}])
        );
    }
    let (s, _, b) = send(&app, get("?role=superuser")).await;
    assert_eq!(
        (s, b["detail"].as_str(), b["code"].as_str()),
        (400, Some("Invalid role: superuser"), Some("invalid_role"))
    );
    for bad in [
        "?skip=-1",
        "?limit=0",
        "?limit=501",
        "?limit=x",
        "?is_active=maybe",
    ] {
        let (s, _, b) = send(&app, get(bad)).await;
        assert_eq!(s, 422, "{bad}: {b}");
        assert_eq!(b["detail"][0]["loc"][0], "query", "{bad}");
    }
    assert!(
        seen.lock().unwrap().is_empty(),
        "refused queries reach no service"
    );
}

#[actix_rt::test]
async fn jobs_accept_lowercase_statuses_ignore_unknown_ones_and_show_na() {
    let mut m = mocks();
    m.admin.expect_list_jobs().returning(|status, w| {
        assert_eq!(
            w,
            Window {
                skip: 0,
                limit: 100
            }
        );
        Ok(vec![AdminJob {
            id: JobId(8),
            title: format!("{status:?}"),
            company_name: "Acme".into(),
            employer_email: None,
            status: JobStatus::Published,
            location: None,
            applications_count: 2,
            created_at: now(),
            country: Some("GA".into()),
            zone: None,
            language: Some("fr".into()),
            image_key: Some("images/jobs/a1.png".into()),
            linkedin_published_at: None,
            company_is_verified: true,
        }])
    });
    let app = make_app(m).await;
    for (q, seen) in [
        ("status=published", "Some(Published)"),
        ("status=DRAFT", "Some(Draft)"),
        ("status=pending", "None"),
        ("", "None"),
    ] {
        let (s, _, b) = send(
            &app,
            TestRequest::get()
                .uri(&format!("/api/admin/jobs?limit=100&{q}"))
                .insert_header(bearer(ADMIN)),
        )
        .await;
        assert_eq!(s, 200, "{b}");
        assert_eq!(b[0]["title"], seen);
        assert_eq!(b[0]["employer_email"], "N/A");
        assert_eq!(b[0]["status"], "published");
        assert_eq!(b[0]["applications_count"], 2);
        assert_eq!(b[0]["country"], "GA");
        assert_eq!(
            b[0]["image_url"],
            "http://localhost:8080/api/images/jobs/a1.png"
        );
        assert_eq!(b[0]["linkedin_published_at"], serde_json::Value::Null);
        assert_eq!(b[0]["company_is_verified"], true);
    }
}

#[actix_rt::test]
async fn employers_and_audit_shapes() {
    let mut m = mocks();
    m.admin.expect_list_employers().returning(|_| {
        Ok(vec![EmployerRecord {
            id: EmployerId(6),
            user_id: UserId(3),
            email: "boss@acme.fr".into(),
            first_name: "B".into(),
            last_name: "Oss".into(),
            company_name: None,
            position: Some("CTO".into()),
            phone: None,
            is_active: false,
            created_at: now(),
        }])
    });
    m.admin.expect_list_audit().returning(|_| {
        Ok(vec![AuditEntry {
            id: 1,
            actor_user_id: None,
            actor_email: Some("cli".into()),
            action: "user.delete".into(),
            target_user_id: Some(UserId(4)),
            target_email: Some("gone@example.com".into()),
            details: Some(r#"{"role":"candidate","via":"cli"}"#.into()),
            created_at: now(),
        }])
    });
    let app = make_app(m).await;
    let (s, _, b) = send(
        &app,
        TestRequest::get()
            .uri("/api/admin/employers")
            .insert_header(bearer(ADMIN)),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(
        b,
        json!([{"id": 6, "user_id": 3, "email": "boss@acme.fr", "first_name": "B",
                "last_name": "Oss", "company_name": null, "position": "CTO", "phone": null,
                "is_active": false, "created_at": "2026-11-27T10:00:00Z"}])
    );
    let (s, _, b) = send(
        &app,
        TestRequest::get()
            .uri("/api/admin/audit?skip=0&limit=10")
            .insert_header(bearer(ADMIN)),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(b[0]["details"], json!({"role": "candidate", "via": "cli"}));
    assert_eq!(b[0]["actor_user_id"], json!(null));
    assert_eq!(b[0]["target_email"], "gone@example.com");
}

#[actix_rt::test]
async fn admin_me_and_the_legacy_user_routes() {
    let mut m = mocks();
    m.admin.expect_list_users().returning(|f, w| {
        assert_eq!(f, Default::default());
        assert_eq!(w, Window { skip: 0, limit: 50 });
        Ok(vec![UserRecord {
            clerk_id: Some("user_2abc".into()),
            ..record(4, Role::Candidate)
        }])
    });
    m.admin
        .expect_find_user()
        .returning(|id| Ok((id == UserId(5)).then(|| record(5, Role::Employer))));
    let app = make_app(m).await;
    let get = |uri: &str| TestRequest::get().uri(uri).insert_header(bearer(ADMIN));
    let (s, _, b) = send(&app, get("/api/admin/me")).await;
    assert_eq!(s, 200);
    assert_eq!(
        b,
        json!({"id": 1, "email": "user1@example.com", "first_name": "Jane",
               "last_name": "Doe", "role": "admin", "is_active": true})
    );
    let (s, _, b) = send(&app, get("/api/users")).await;
    assert_eq!(s, 200);
    assert_eq!(
        b,
        json!([{"clerk_id": "user_2abc", "email": "user4@example.com", "role": "candidate",
                "first_name": "Jane", "last_name": "Doe", "id": 4, "is_active": true}])
    );
    let (s, _, b) = send(&app, get("/api/users/5")).await;
    assert_eq!((s, b["clerk_id"].clone()), (200, json!(null)));
    let (s, _, b) = send(&app, get("/api/users/6")).await;
    assert_eq!((s, b["detail"].as_str()), (404, Some("User not found")));
    // No more unauthenticated (or any) user creation.
    let (s, headers, _) = send(
        &app,
        TestRequest::post()
            .uri("/api/users")
            .insert_header(bearer(ADMIN))
            .set_json(json!({"clerk_id": "x", "email": "a@b.co", "role": "admin",
                             "first_name": "A", "last_name": "B"})),
    )
    .await;
    assert_eq!(s, 405);
    assert_eq!(headers.get("allow").unwrap(), "GET");
}
