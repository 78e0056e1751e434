//! The notification panel end to end, on SQLite and PostgreSQL: CONTRACT 4.1 calls 42–45 as the
//! frontend sends them (no body on the PUTs), scoping to the caller, and a list whose statement
//! count does not grow with the number of notifications.

use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_storage::schema::notifications;
use intowork_testkit::TestDb;
use serde_json::json;

use crate::both_backends;
use crate::hiring::*;
use crate::support::*;

/// Notifications have no creating route of their own: write the row the application routes would.
pub async fn notify(app: &TestApp, user: i64, job: Option<i64>, application: Option<i64>) -> i64 {
    app.database
        .run(move |c| {
            diesel::insert_into(notifications::table)
                .values((
                    notifications::user_id.eq(user),
                    notifications::kind.eq("new_application"),
                    notifications::title.eq("Nouvelle candidature"),
                    notifications::message.eq("Awa a postulé à votre offre"),
                    notifications::related_job_id.eq(job),
                    notifications::related_application_id.eq(application),
                    notifications::is_read.eq(false),
                    notifications::created_at.eq(chrono::Utc::now().naive_utc()),
                ))
                .returning(notifications::id)
                .get_result(c)
                .map_err(|e| RepoError::Internal(e.to_string()))
        })
        .await
        .unwrap()
}

/// A PUT without a body, as `NotificationPanel.tsx` sends it.
async fn bare_put(app: &TestApp, path: &str, token: &str) -> (u16, serde_json::Value) {
    let req = app.client.put(app.url(path)).bearer_auth(token);
    into_parts(req.send().await.expect("request sent")).await
}

const POLL: &str = "/api/notifications?limit=10&offset=0&unread_only=false";

async fn frontend_notification_panel(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (boss, _) = employer(&app, "rh@acme.sn", "Acme").await;
    let (status, me) = app.get("/api/auth/me", Some(&boss)).await;
    assert_eq!(status, 200, "{me}");
    let boss_user = me["id"].as_i64().unwrap();
    let (cand, cand_user) = account(&app, "awa@example.com", "candidate").await;
    let job = create_job(&app, &boss, job_body("Développeur Rust")).await;
    let application = apply(&app, job, cand_user).await;
    let first = notify(&app, boss_user, Some(job), Some(application)).await;
    let second = notify(&app, boss_user, Some(job), None).await;
    let third = notify(&app, boss_user, None, None).await;
    let theirs = notify(&app, cand_user, Some(job), Some(application)).await;

    // 42, without and with the slash: answered directly, newest first.
    for path in [
        POLL,
        "/api/notifications/?limit=10&offset=0&unread_only=false",
    ] {
        let (status, body) = app.get(path, Some(&boss)).await;
        assert_eq!(status, 200, "{body}");
        let ids: Vec<i64> = body["notifications"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, vec![third, second, first]);
        assert_eq!(
            (body["total"].as_i64(), body["unread_count"].as_i64()),
            (Some(3), Some(3))
        );
        let oldest = &body["notifications"][2];
        assert_eq!(oldest["type"], "new_application");
        assert_eq!(oldest["related_job_id"], json!(job));
        assert_eq!(oldest["related_application_id"], json!(application));
        assert_eq!(
            (oldest["is_read"].clone(), oldest["read_at"].clone()),
            (json!(false), json!(null))
        );
        assert!(oldest["created_at"].as_str().unwrap().ends_with('Z'));
    }

    // 43, then again: still 200, and the first read_at is kept.
    let read_path = format!("/api/notifications/{first}/read");
    let (status, body) = bare_put(&app, &read_path, &boss).await;
    assert_eq!(
        (status, body),
        (200, json!({"message": "Notification marquée comme lue"}))
    );
    let (_, body) = app.get(POLL, Some(&boss)).await;
    let read_at = body["notifications"][2]["read_at"].clone();
    assert!(read_at.is_string(), "{body}");
    assert_eq!(body["unread_count"], 2);
    assert_eq!(bare_put(&app, &read_path, &boss).await.0, 200);
    let (_, body) = app.get(POLL, Some(&boss)).await;
    assert_eq!(body["notifications"][2]["read_at"], read_at);
    let (_, body) = app
        .get("/api/notifications?unread_only=true", Some(&boss))
        .await;
    assert_eq!(
        (body["total"].clone(), body["unread_count"].clone()),
        (json!(2), json!(2))
    );
    let (status, body) = app
        .get("/api/notifications/unread-count", Some(&boss))
        .await;
    assert_eq!((status, body), (200, json!({"unread_count": 2})));

    // Someone else's notification: 404 for every action, and it is left alone.
    let (status, body) = bare_put(&app, &format!("/api/notifications/{theirs}/read"), &boss).await;
    assert_eq!(
        (status, body["detail"].clone()),
        (404, json!("Notification introuvable"))
    );
    let (status, _) = delete(&app, &format!("/api/notifications/{theirs}"), &boss).await;
    assert_eq!(status, 404);

    // 44
    let (status, body) = bare_put(&app, "/api/notifications/mark-all-read", &boss).await;
    assert_eq!(
        (status, body),
        (
            200,
            json!({"message": "Toutes les notifications marquées comme lues"})
        )
    );
    let (_, body) = app.get(POLL, Some(&boss)).await;
    assert_eq!(body["unread_count"], 0);
    assert_eq!(body["notifications"][2]["read_at"], read_at);

    // 45
    let (status, body) = delete(&app, &format!("/api/notifications/{second}"), &boss).await;
    assert_eq!(
        (status, body),
        (200, json!({"message": "Notification supprimée"}))
    );
    let (status, _) = delete(&app, &format!("/api/notifications/{second}"), &boss).await;
    assert_eq!(status, 404);
    let (_, body) = app.get(POLL, Some(&boss)).await;
    assert_eq!(body["total"], 2);

    // The candidate's own panel never changed.
    let (_, body) = app.get(POLL, Some(&cand)).await;
    assert_eq!(
        (body["total"].clone(), body["unread_count"].clone()),
        (json!(1), json!(1))
    );
    let (status, body) = app.get("/api/notifications?limit=101", Some(&cand)).await;
    assert_eq!(
        (status, body["detail"][0]["loc"].clone()),
        (422, json!(["query", "limit"]))
    );
    app.stop().await;
}

/// The panel polls every 30 s for every role: its statements must not grow with the rows.
async fn list_statements_do_not_grow_with_rows(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let (token, user) = account(&app, "awa@example.com", "candidate").await;
    notify(&app, user, None, None).await;
    let routes = [POLL, "/api/notifications/unread-count"];
    let measure = || async {
        let mut counts = Vec::new();
        for path in routes {
            statements_for(&app, path, Some(&token)).await;
            counts.push(statements_for(&app, path, Some(&token)).await);
        }
        counts
    };
    let with_one = measure().await;
    for _ in 1..50 {
        notify(&app, user, None, None).await;
    }
    let (_, body) = app.get(POLL, Some(&token)).await;
    assert_eq!(
        (
            body["total"].as_i64(),
            body["notifications"].as_array().unwrap().len()
        ),
        (Some(50), 10)
    );
    let with_fifty = measure().await;
    assert_eq!(
        with_one, with_fifty,
        "statements per request, 1 vs 50 notifications"
    );
    // Auth 1 (user), then totals + page; the unread count: auth 1 + count.
    assert_eq!(with_one, vec![3, 2]);
    app.stop().await;
}

both_backends!(
    frontend_notification_panel,
    list_statements_do_not_grow_with_rows
);
