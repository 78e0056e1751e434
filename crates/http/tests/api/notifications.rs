//! Notification routes: the offset envelope and its bounds, query booleans, route order, scoping
//! (the caller's id reaches every repository call) and the exact bodies of CONTRACT 3.8.

use std::sync::{Arc, Mutex};

use actix_web::test::TestRequest;
use chrono::Duration;
use intowork_domain::notification::{Notification, NotificationKind, NotificationPage};
use intowork_domain::user::Role;
use intowork_domain::{ApplicationId, JobId, NotificationId, UserId};
use serde_json::json;

use crate::support::*;

const CALLER: &str = "valid-1-0";

fn mocks() -> Mocks {
    Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
}

fn notification(id: i64) -> Notification {
    Notification {
        id: NotificationId(id),
        kind: NotificationKind::StatusChange,
        title: "🎯 Vous êtes convoqué(e) en entretien".into(),
        message: "Votre candidature pour Dev Rust avance.".into(),
        related_job_id: Some(JobId(3)),
        related_application_id: Some(ApplicationId(9)),
        is_read: false,
        read_at: None,
        created_at: now() - Duration::microseconds(250_000),
    }
}

fn get(uri: &str) -> TestRequest {
    TestRequest::get().uri(uri).insert_header(bearer(CALLER))
}

fn put(uri: &str) -> TestRequest {
    TestRequest::put().uri(uri).insert_header(bearer(CALLER))
}

#[actix_web::test]
async fn the_frontend_poll_gets_the_envelope() {
    let mut m = mocks();
    m.notifications
        .expect_list()
        .withf(|q| (q.user, q.unread_only, q.limit, q.offset) == (UserId(1), false, 10, 0))
        .times(2)
        .returning(|_| {
            let read = Notification {
                is_read: true,
                read_at: Some(now()),
                kind: NotificationKind::NewApplication,
                related_application_id: None,
                ..notification(4)
            };
            Ok(NotificationPage {
                items: vec![notification(5), read],
                total: 2,
                unread_count: 1,
            })
        });
    let app = make_app(m).await;
    // Call 42 exactly, then the slash form the reference declared: both answer directly.
    for uri in [
        "/api/notifications?limit=10&offset=0&unread_only=false",
        "/api/notifications/?limit=10&offset=0&unread_only=false",
    ] {
        let (status, _, body) = send(&app, get(uri)).await;
        assert_eq!(status, 200, "{uri}: {body}");
        assert_eq!(
            body,
            json!({
                "notifications": [
                    {"id": 5, "type": "status_change",
                     "title": "🎯 Vous êtes convoqué(e) en entretien",
                     "message": "Votre candidature pour Dev Rust avance.",
                     "related_job_id": 3, "related_application_id": 9, "is_read": false,
                     "read_at": null, "created_at": "2026-11-27T09:59:59.750Z"},
                    {"id": 4, "type": "new_application",
                     "title": "🎯 Vous êtes convoqué(e) en entretien",
                     "message": "Votre candidature pour Dev Rust avance.",
                     "related_job_id": 3, "related_application_id": null, "is_read": true,
                     "read_at": "2026-11-27T10:00:00Z", "created_at": "2026-11-27T09:59:59.750Z"},
                ],
                "total": 2,
                "unread_count": 1,
            })
        );
    }
}

#[actix_web::test]
async fn defaults_and_query_booleans() {
    let mut m = mocks();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    m.notifications.expect_list().times(6).returning(move |q| {
        record
            .lock()
            .unwrap()
            .push((q.user, q.unread_only, q.limit, q.offset));
        Ok(NotificationPage {
            items: vec![],
            total: 0,
            unread_count: 0,
        })
    });
    let app = make_app(m).await;
    for uri in [
        "/api/notifications",
        "/api/notifications?unread_only=true",
        "/api/notifications?unread_only=1",
        "/api/notifications?unread_only=TRUE",
        "/api/notifications?unread_only=0",
        "/api/notifications?limit=100&offset=7",
    ] {
        let (status, _, body) = send(&app, get(uri)).await;
        assert_eq!(status, 200, "{uri}: {body}");
        assert_eq!(
            body,
            json!({"notifications": [], "total": 0, "unread_count": 0})
        );
    }
    let u = UserId(1);
    assert_eq!(
        *seen.lock().unwrap(),
        vec![
            (u, false, 20, 0),
            (u, true, 20, 0),
            (u, true, 20, 0),
            (u, true, 20, 0),
            (u, false, 20, 0),
            (u, false, 100, 7),
        ]
    );
}

#[actix_web::test]
async fn out_of_range_or_malformed_queries_are_422() {
    let mut m = mocks();
    m.notifications.expect_list().never();
    let app = make_app(m).await;
    let cases = [
        ("limit=0", "limit", "greater_than_equal"),
        ("limit=101", "limit", "less_than_equal"),
        ("offset=-1", "offset", "greater_than_equal"),
        ("limit=-5", "limit", "greater_than_equal"),
        ("limit=ten", "limit", "int_parsing"),
        ("offset=1.5", "offset", "int_parsing"),
        ("unread_only=maybe", "unread_only", "bool_parsing"),
    ];
    for (query, field, kind) in cases {
        let uri = format!("/api/notifications?{query}");
        let (status, _, body) = send(&app, get(&uri)).await;
        assert_eq!(status, 422, "{query}: {body}");
        assert_eq!(body["code"], "validation_error");
        assert_eq!(body["detail"][0]["loc"], json!(["query", field]), "{query}");
        assert_eq!(body["detail"][0]["type"], kind, "{query}");
    }
}

#[actix_web::test]
async fn unread_count_is_not_taken_for_an_id() {
    let mut m = mocks();
    m.notifications
        .expect_unread_count()
        .withf(|u| *u == UserId(1))
        .returning(|_| Ok(3));
    m.notifications.expect_delete().never();
    m.notifications.expect_mark_read().never();
    let app = make_app(m).await;
    let (status, _, body) = send(&app, get("/api/notifications/unread-count")).await;
    assert_eq!((status, body), (200, json!({"unread_count": 3})));
}

#[actix_web::test]
async fn mark_read_and_its_404() {
    let mut m = mocks();
    m.notifications
        .expect_mark_read()
        .withf(|u, id, at| *u == UserId(1) && *at == now() && (id.get() == 5 || id.get() == 6))
        .returning(|_, id, _| Ok(id == NotificationId(5)));
    let app = make_app(m).await;
    let (status, _, body) = send(&app, put("/api/notifications/5/read")).await;
    assert_eq!(
        (status, body),
        (200, json!({"message": "Notification marquée comme lue"}))
    );
    // Someone else's or missing: the same 404.
    let (status, _, body) = send(&app, put("/api/notifications/6/read")).await;
    assert_eq!(
        (status, body),
        (
            404,
            json!({"detail": "Notification introuvable", "code": "notification_not_found"})
        )
    );
    let (status, _, body) = send(&app, put("/api/notifications/abc/read")).await;
    assert_eq!(status, 422);
    assert_eq!(body["detail"][0]["loc"], json!(["path", "notification_id"]));
}

#[actix_web::test]
async fn mark_all_read_is_not_taken_for_an_id() {
    let mut m = mocks();
    m.notifications
        .expect_mark_all_read()
        .withf(|u, at| *u == UserId(1) && *at == now())
        .times(1)
        .returning(|_, _| Ok(4));
    m.notifications.expect_mark_read().never();
    m.notifications.expect_delete().never();
    let app = make_app(m).await;
    let (status, _, body) = send(&app, put("/api/notifications/mark-all-read")).await;
    assert_eq!(
        (status, body),
        (
            200,
            json!({"message": "Toutes les notifications marquées comme lues"})
        )
    );
    let req = TestRequest::delete()
        .uri("/api/notifications/mark-all-read")
        .insert_header(bearer(CALLER));
    let (status, headers, _) = send(&app, req).await;
    assert_eq!(status, 405);
    assert_eq!(headers.get("allow").unwrap(), "PUT");
}

#[actix_web::test]
async fn delete_and_its_404() {
    let mut m = mocks();
    m.notifications
        .expect_delete()
        .withf(|u, _| *u == UserId(1))
        .returning(|_, id| Ok(id == NotificationId(5)));
    let app = make_app(m).await;
    let del = |uri: &str| TestRequest::delete().uri(uri).insert_header(bearer(CALLER));
    let (status, _, body) = send(&app, del("/api/notifications/5")).await;
    assert_eq!(
        (status, body),
        (200, json!({"message": "Notification supprimée"}))
    );
    let (status, _, body) = send(&app, del("/api/notifications/77")).await;
    assert_eq!(
        (status, body["detail"].clone()),
        (404, json!("Notification introuvable"))
    );
}

#[actix_web::test]
async fn every_route_needs_a_token() {
    let mut m = mocks();
    m.notifications.expect_list().never();
    let app = make_app(m).await;
    let requests = [
        TestRequest::get().uri("/api/notifications"),
        TestRequest::get().uri("/api/notifications/"),
        TestRequest::get().uri("/api/notifications/unread-count"),
        TestRequest::put().uri("/api/notifications/1/read"),
        TestRequest::put().uri("/api/notifications/mark-all-read"),
        TestRequest::delete().uri("/api/notifications/1"),
    ];
    for req in requests {
        let (status, _, body) = send(&app, req).await;
        assert_eq!(status, 401, "{body}");
        assert_eq!(body["detail"], "Authentication required");
    }
}
