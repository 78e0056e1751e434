//! Admin account actions against mocks: the guards of CONTRACT 3.10 and 9.16, the answers, and
//! the file removal after a deletion.

use actix_web::test::TestRequest;
use intowork_domain::admin::UserRecord;
use intowork_domain::ports::{Commit, DeletedUser};
use intowork_domain::user::Role;
use serde_json::json;

use crate::admin::{ADMIN, mocks, record};
use crate::support::*;

#[actix_rt::test]
async fn activation_guards_and_answer() {
    let mut m = mocks();
    m.admin.expect_find_user().returning(|id| {
        Ok(match id.get() {
            4 => Some(record(4, Role::Candidate)),
            7 => Some(record(7, Role::Admin)),
            _ => None,
        })
    });
    m.admin
        .expect_set_active()
        .times(1)
        .returning(|id, active, _| {
            Ok(Some(UserRecord {
                is_active: active,
                ..record(id.get(), Role::Candidate)
            }))
        });
    let app = make_app(m).await;
    let put = |id: i64, body| {
        TestRequest::put()
            .uri(&format!("/api/admin/users/{id}/activate"))
            .insert_header(bearer(ADMIN))
            .set_json(body)
    };
    let (s, _, b) = send(&app, put(1, json!({"is_active": true}))).await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (400, Some("Cannot deactivate your own account"))
    );
    let (s, _, b) = send(&app, put(7, json!({"is_active": false}))).await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (403, Some("Action impossible sur un administrateur"))
    );
    let (s, _, b) = send(&app, put(9, json!({"is_active": false}))).await;
    assert_eq!((s, b["detail"].as_str()), (404, Some("User not found")));
    let (s, _, _) = send(&app, put(4, json!({}))).await;
    assert_eq!(s, 422);
    let (s, _, b) = send(&app, put(4, json!({"is_active": false}))).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(
        (b["id"].as_i64(), b["is_active"].as_bool()),
        (Some(4), Some(false))
    );
    assert_eq!(b["role"], "candidate");
}

#[actix_rt::test]
async fn deletion_guards_answer_and_file_removal() {
    let mut m = mocks();
    m.admin.expect_find_user().returning(|id| {
        Ok(match id.get() {
            4 => Some(record(4, Role::Candidate)),
            7 => Some(record(7, Role::Admin)),
            _ => None,
        })
    });
    m.admin.expect_delete_user().times(1).returning(|_, _| {
        Ok(Commit::Done(DeletedUser {
            cv_keys: vec!["cv/x.pdf".into()],
            image_keys: Vec::new(),
        }))
    });
    m.files
        .expect_delete()
        .withf(|k| k.as_str() == "cv/x.pdf")
        .times(1)
        .returning(|_| Ok(()));
    let app = make_app(m).await;
    let delete = |id: i64| {
        TestRequest::delete()
            .uri(&format!("/api/admin/users/{id}"))
            .insert_header(bearer(ADMIN))
    };
    let (s, _, b) = send(&app, delete(1)).await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (400, Some("Cannot delete your own account"))
    );
    let (s, _, b) = send(&app, delete(7)).await;
    assert_eq!((s, b["code"].as_str()), (403, Some("admin_target")));
    let (s, _, _) = send(&app, delete(9)).await;
    assert_eq!(s, 404);
    let (s, _, b) = send(&app, delete(4)).await;
    assert_eq!(s, 200);
    assert_eq!(
        b,
        json!({"message": "User user4@example.com deleted successfully"})
    );
}
