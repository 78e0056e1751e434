//! `GET /api/admin/mail` against mocks: admin only, the outbox's delivery state without bodies,
//! paging and the status filter.

use actix_web::test::TestRequest;
use chrono::TimeDelta;
use intowork_domain::job::Paging;
use intowork_domain::mail::{MailKind, MailStatus, OutboxEntry, OutboxId, OutboxPage};
use intowork_domain::user::Role;
use serde_json::json;

use crate::admin::{ADMIN, mocks};
use crate::support::*;

fn entry(id: i64, status: MailStatus) -> OutboxEntry {
    OutboxEntry {
        id: OutboxId(id),
        kind: MailKind::PASSWORD_RESET,
        to: format!("user{id}@example.com"),
        subject: "Réinitialisation de votre mot de passe IntoWork".into(),
        status,
        attempts: 2,
        next_attempt_at: now() + TimeDelta::seconds(60),
        last_error: Some("connection refused".into()),
        created_at: now(),
        sent_at: None,
    }
}

#[actix_rt::test]
async fn admins_see_the_outbox_without_bodies() {
    let mut m = mocks();
    m.outbox
        .expect_list()
        .withf(|status, paging| status.is_none() && *paging == Paging { page: 1, limit: 50 })
        .times(1)
        .returning(|_, _| {
            Ok(OutboxPage {
                items: vec![entry(7, MailStatus::Queued)],
                total: 1,
            })
        });
    let app = make_app(m).await;
    let (s, _, b) = send(
        &app,
        TestRequest::get()
            .uri("/api/admin/mail")
            .insert_header(bearer(ADMIN)),
    )
    .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(
        b,
        json!({
            "mails": [{
                "id": 7,
                "kind": "password_reset",
                "to": "user7@example.com",
                "subject": "Réinitialisation de votre mot de passe IntoWork",
                "status": "queued",
                "attempts": 2,
                "next_attempt_at": "2026-11-27T10:01:00Z",
                "last_error": "connection refused",
                "created_at": "2026-11-27T10:00:00Z",
                "sent_at": null
            }],
            "total": 1, "page": 1, "limit": 50, "total_pages": 1
        })
    );
}

#[actix_rt::test]
async fn the_status_filter_and_paging_reach_the_store() {
    let mut m = mocks();
    m.outbox
        .expect_list()
        .withf(|status, paging| {
            *status == Some(MailStatus::Failed) && *paging == Paging { page: 3, limit: 10 }
        })
        .times(2)
        .returning(|_, _| {
            Ok(OutboxPage {
                items: vec![],
                total: 21,
            })
        });
    let app = make_app(m).await;
    for uri in [
        "/api/admin/mail?status=failed&page=3&limit=10",
        "/api/admin/mail?status=FAILED&page=3&limit=10",
    ] {
        let (s, _, b) = send(
            &app,
            TestRequest::get().uri(uri).insert_header(bearer(ADMIN)),
        )
        .await;
        assert_eq!(s, 200, "{uri}: {b}");
        assert_eq!(
            (b["total"].as_i64(), b["total_pages"].as_i64()),
            (Some(21), Some(3))
        );
    }
}

#[actix_rt::test]
async fn bad_filters_and_bounds_are_refused_before_the_store() {
    let mut m = mocks();
    m.outbox.expect_list().never();
    let app = make_app(m).await;
    let get = |uri: &str| TestRequest::get().uri(uri).insert_header(bearer(ADMIN));
    let (s, _, b) = send(&app, get("/api/admin/mail?status=lost")).await;
    assert_eq!((s, b["code"].as_str()), (400, Some("invalid_status")));
    assert_eq!(b["detail"], "Invalid status: lost");
    for uri in [
        "/api/admin/mail?limit=201",
        "/api/admin/mail?limit=0",
        "/api/admin/mail?page=0",
        "/api/admin/mail?page=x",
    ] {
        let (s, _, _) = send(&app, get(uri)).await;
        assert_eq!(s, 422, "{uri}");
    }
}

#[actix_rt::test]
async fn only_admins_may_list_the_outbox() {
    let mut m = mocks().with_user(user(4, Role::Employer));
    m.outbox.expect_list().never();
    let app = make_app(m).await;
    let (s, _, _) = send(&app, TestRequest::get().uri("/api/admin/mail")).await;
    assert_eq!(s, 401);
    for token in ["valid-2-0", "valid-4-0"] {
        let (s, _, _) = send(
            &app,
            TestRequest::get()
                .uri("/api/admin/mail")
                .insert_header(bearer(token)),
        )
        .await;
        assert_eq!(s, 403, "{token}");
    }
}
