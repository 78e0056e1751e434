use actix_web::test::TestRequest;
use intowork_domain::RepoError;
use intowork_domain::ports::{Commit, CreateUserError, PasswordCheck};
use intowork_domain::user::Role;
use serde_json::json;

use crate::support::*;

fn signup_body(role: &str, password: &str) -> serde_json::Value {
    json!({"email": "Jane@Example.com", "password": password, "first_name": "Jane",
           "last_name": "Doe", "role": role, "unknown_field": "ignored"})
}

#[actix_rt::test]
async fn signup_returns_201_token_and_user_without_image() {
    let mut m = Mocks::new().with_tokens();
    m.hasher
        .expect_hash()
        .returning(|_| Ok("$argon2id$h".into()));
    m.users
        .expect_create_with_profile()
        .withf(|n| n.email.as_str() == "Jane@example.com" && n.role == Role::Candidate)
        .returning(|n| {
            let mut u = user(5, n.role);
            u.email = n.email.as_str().into();
            Ok(u)
        });
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/signup")
            .set_json(signup_body("candidate", "longenough")),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["access_token"], "valid-5-0");
    assert_eq!(
        body["user"],
        json!({"id": 5, "email": "Jane@example.com", "first_name": "Jane", "last_name": "Doe", "role": "candidate"})
    );
}

#[actix_rt::test]
async fn signup_business_errors_are_400_with_contract_texts() {
    let mut m = Mocks::new();
    m.users.expect_find_by_email().returning(|_| Ok(None));
    m.users
        .expect_create_with_profile()
        .returning(|_| Err(CreateUserError::EmailTaken));
    m.hasher.expect_hash().returning(|_| Ok("h".into()));
    let app = make_app(m).await;
    let cases = [
        (
            signup_body("admin", "longenough"),
            "Invalid role. Must be 'candidate' or 'employer'",
        ),
        (
            signup_body("root", "longenough"),
            "Invalid role. Must be 'candidate' or 'employer'",
        ),
        (
            signup_body("candidate", "short"),
            "Password must be at least 8 characters long",
        ),
        (
            signup_body("candidate", &"p".repeat(300)),
            "Password must be at most 256 bytes long",
        ),
        (
            signup_body("employer", "longenough"),
            "Email already registered",
        ),
    ];
    for (body, detail) in cases {
        let (status, _, res) = send(
            &app,
            TestRequest::post().uri("/api/auth/signup").set_json(body),
        )
        .await;
        assert_eq!((status, res["detail"].as_str().unwrap()), (400, detail));
        assert!(res["code"].is_string());
    }
}

/// CONTRACT 3.2: a taken email (step 1) is reported before a bad role (step 2); with a good role
/// the password policy comes first, and the taken email is the insert's answer.
#[actix_rt::test]
async fn signup_reports_a_taken_email_before_a_bad_role() {
    let mut m = Mocks::new();
    m.users
        .expect_find_by_email()
        .returning(|e| Ok((e == "taken@example.com").then(|| user(3, Role::Candidate))));
    m.users.expect_create_with_profile().never();
    m.hasher.expect_hash().never();
    let app = make_app(m).await;
    let body = |email: &str, role: &str, password: &str| json!({"email": email, "password": password, "first_name": "Jane", "last_name": "Doe", "role": role});
    let cases = [
        (
            body("taken@example.com", "admin", "longenough"),
            "Email already registered",
        ),
        (
            body("taken@example.com", "recruteur", "short"),
            "Email already registered",
        ),
        (
            body("free@example.com", "admin", "short"),
            "Invalid role. Must be 'candidate' or 'employer'",
        ),
        (
            body("free@example.com", "", "longenough"),
            "Invalid role. Must be 'candidate' or 'employer'",
        ),
        (
            body("taken@example.com", "candidate", "short"),
            "Password must be at least 8 characters long",
        ),
    ];
    for (body, detail) in cases {
        let (status, _, res) = send(
            &app,
            TestRequest::post().uri("/api/auth/signup").set_json(&body),
        )
        .await;
        assert_eq!(
            (status, res["detail"].as_str()),
            (400, Some(detail)),
            "{body}"
        );
    }
}

/// Both frontends send the lowercase value; any letter case and surrounding spaces are accepted.
#[actix_rt::test]
async fn signup_roles_are_parsed_at_the_edge_in_any_letter_case() {
    let mut m = Mocks::new().with_tokens();
    m.hasher.expect_hash().returning(|_| Ok("h".into()));
    m.users.expect_find_by_email().never();
    m.users
        .expect_create_with_profile()
        .returning(|n| Ok(user(5, n.role)));
    let app = make_app(m).await;
    for (sent, stored) in [
        ("employer", "employer"),
        (" Candidate ", "candidate"),
        ("EMPLOYER", "employer"),
    ] {
        let (status, _, body) = send(
            &app,
            TestRequest::post()
                .uri("/api/auth/signup")
                .set_json(signup_body(sent, "longenough")),
        )
        .await;
        assert_eq!((status, body["user"]["role"].as_str()), (201, Some(stored)));
    }
}

#[actix_rt::test]
async fn signup_validation_errors_are_422_lists() {
    let app = make_app(Mocks::new()).await;
    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/signup")
            .set_json(json!({"email": "not-an-email", "password": "longenough", "first_name": "J", "last_name": "D", "role": "candidate"})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["code"], "validation_error");
    assert_eq!(body["detail"][0]["type"], "value_error");
    assert_eq!(body["detail"][0]["loc"], json!(["body", "email"]));
    assert!(
        body["detail"][0]["msg"]
            .as_str()
            .unwrap()
            .starts_with("value is not a valid email address: ")
    );

    let (status, _, body) = send(
        &app,
        TestRequest::post().uri("/api/auth/signup").set_json(
            json!({"email": "a@b.com", "first_name": "J", "last_name": "D", "role": "candidate"}),
        ),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["detail"][0]["loc"], json!(["body", "password"]));
    assert_eq!(body["detail"][0]["msg"], "Field required");

    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/signup")
            .set_json(json!({"email": "a@b.com", "password": 12345678, "first_name": "J", "last_name": "D", "role": "candidate"})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["detail"][0]["type"], "string_type");
    assert_eq!(body["detail"][0]["loc"], json!(["body", "password"]));

    for raw in ["{\"email\": ", "", "null", "[]", "\"text\""] {
        let (status, _, body) = send(
            &app,
            TestRequest::post()
                .uri("/api/auth/signup")
                .insert_header(("content-type", "application/json"))
                .set_payload(raw),
        )
        .await;
        assert_eq!(status, 422, "{raw:?}");
        assert!(body["detail"].is_array(), "{raw:?}");
    }
}

/// pydantic lists every problem of a body at once; so does every JSON body here.
#[actix_rt::test]
async fn signup_lists_every_missing_field_at_once() {
    let app = make_app(Mocks::new()).await;
    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/signup")
            .set_json(json!({"email": "a@b.co"})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["code"], "validation_error");
    let item = |field: &str| json!({"type": "missing", "loc": ["body", field], "msg": "Field required", "input": null});
    assert_eq!(
        body["detail"],
        json!([
            item("password"),
            item("first_name"),
            item("last_name"),
            item("role")
        ])
    );

    // Wrong types and missing fields together, in the order the body declares its fields.
    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/signup")
            .set_json(json!({"role": 1, "email": "a@b.co", "first_name": ["J"]})),
    )
    .await;
    assert_eq!(status, 422);
    let found: Vec<_> = body["detail"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["type"].as_str().unwrap(), i["loc"][1].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("missing", "password"),
            ("string_type", "first_name"),
            ("missing", "last_name"),
            ("string_type", "role")
        ]
    );
}

#[actix_rt::test]
async fn signin_returns_image_and_maps_failures() {
    let mut m = Mocks::new().with_tokens();
    m.users.expect_find_by_email().returning(|e| {
        Ok(match e {
            "jane@example.com" => Some(user(3, Role::Employer)),
            "off@example.com" => {
                let mut u = user(4, Role::Candidate);
                u.is_active = false;
                Some(u)
            }
            _ => None,
        })
    });
    m.hasher.expect_verify().returning(|p, _| {
        Ok(if p == "rightpass" {
            PasswordCheck::Match
        } else {
            PasswordCheck::Mismatch
        })
    });
    m.hasher.expect_dummy_verify().returning(|| ());
    let app = make_app(m).await;

    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/signin")
            .set_json(json!({"email": "JANE@example.com", "password": "rightpass"})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["user"]["image"], serde_json::Value::Null);
    assert!(body["user"].as_object().unwrap().contains_key("image"));
    assert_eq!(body["user"]["role"], "employer");

    for (email, password, code, detail) in [
        (
            "jane@example.com",
            "wrongpass",
            401,
            "Invalid email or password",
        ),
        (
            "nobody@example.com",
            "rightpass",
            401,
            "Invalid email or password",
        ),
        (
            "off@example.com",
            "wrongpass",
            401,
            "Invalid email or password",
        ),
        ("off@example.com", "rightpass", 403, "Account is inactive"),
    ] {
        let (status, _, body) = send(
            &app,
            TestRequest::post()
                .uri("/api/auth/signin")
                .set_json(json!({"email": email, "password": password})),
        )
        .await;
        assert_eq!(
            (status, body["detail"].as_str().unwrap()),
            (code, detail),
            "{email}"
        );
    }
    let long = "x".repeat(10_000);
    let (status, _, _) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/signin")
            .set_json(json!({"email": "jane@example.com", "password": long})),
    )
    .await;
    assert_eq!(status, 401);
}

#[actix_rt::test]
async fn bearer_authentication_follows_the_contract_order() {
    let mut revoked = user(2, Role::Candidate);
    revoked.token_version = 5;
    let mut inactive = user(3, Role::Candidate);
    inactive.is_active = false;
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(revoked)
        .with_user(inactive);
    m.users.expect_find_by_id().returning(|_| Ok(None));
    let app = make_app(m).await;

    let cases: [(Option<String>, u16, &str); 8] = [
        (None, 401, "Authentication required"),
        (
            Some("Basic dXNlcjpwYXNz".into()),
            401,
            "Authentication required",
        ),
        (Some("Bearer ".into()), 401, "Authentication required"),
        (Some("Bearer expired".into()), 401, "Token expired"),
        (Some("Bearer garbage".into()), 401, "Invalid token"),
        (Some("Bearer valid-99-0".into()), 401, "Invalid token"),
        (Some("bearer valid-2-4".into()), 401, "Token revoked"),
        (
            Some("Bearer valid-3-0".into()),
            403,
            "User account is inactive",
        ),
    ];
    for (header, code, detail) in cases {
        let mut req = TestRequest::get().uri("/api/auth/me");
        if let Some(h) = &header {
            req = req.insert_header(("Authorization", h.as_str()));
        }
        let (status, headers, body) = send(&app, req).await;
        assert_eq!(
            (status, body["detail"].as_str().unwrap()),
            (code, detail),
            "{header:?}"
        );
        if code == 401 {
            assert_eq!(headers.get("www-authenticate").unwrap(), "Bearer");
        }
    }

    let (status, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/auth/me")
            .insert_header(bearer("valid-1-0")),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"id": 1, "email": "user1@example.com", "first_name": "Jane", "last_name": "Doe",
               "name": "Jane Doe", "role": "candidate", "image": null, "is_active": true})
    );
}

#[actix_rt::test]
async fn change_password_and_email_return_fresh_tokens() {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate));
    m.hasher.expect_verify().returning(|p, _| {
        Ok(if p == "rightpass" {
            PasswordCheck::Match
        } else {
            PasswordCheck::Mismatch
        })
    });
    m.hasher
        .expect_hash()
        .returning(|_| Ok("$argon2id$n".into()));
    m.users.expect_set_password_hash().returning(|_, _, _, _| {
        let mut u = user(1, Role::Candidate);
        u.token_version = 1;
        Ok(Some(u))
    });
    m.users.expect_update_email().returning(|_, e, _| {
        let mut u = user(1, Role::Candidate);
        u.email = e.as_str().into();
        Ok(u)
    });
    let app = make_app(m).await;
    let auth = bearer("valid-1-0");

    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/change-password")
            .insert_header(auth.clone())
            .set_json(json!({"current_password": "wrongpass", "new_password": "whatever12"})),
    )
    .await;
    assert_eq!(
        (status, body["detail"].as_str().unwrap()),
        (400, "Current password is incorrect")
    );

    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/change-password")
            .insert_header(auth.clone())
            .set_json(json!({"current_password": "rightpass", "new_password": "short"})),
    )
    .await;
    assert_eq!(
        (status, body["detail"].as_str().unwrap()),
        (400, "New password must be at least 8 characters long")
    );

    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/change-password")
            .insert_header(auth.clone())
            .set_json(json!({"current_password": "rightpass", "new_password": "whatever12"})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["message"], "Password changed successfully");
    assert_eq!(body["access_token"], "valid-1-1");

    let (status, _, body) = send(
        &app,
        TestRequest::post()
            .uri("/api/auth/change-email")
            .insert_header(auth.clone())
            .set_json(json!({"new_email": "New@Example.COM", "password": "rightpass"})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["message"], "Email changed successfully");
    assert_eq!(body["new_email"], "New@example.com");
}

#[actix_rt::test]
async fn delete_account_succeeds_and_storage_outage_is_503() {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(user(2, Role::Employer));
    m.users.expect_applicants_of().returning(|_| Ok(Vec::new()));
    m.users.expect_delete_account().returning(|removal| {
        if removal.user.get() == 1 {
            Ok(Commit::Done(Default::default()))
        } else {
            Err(RepoError::Internal(
                "FATAL: relation \"x\" does not exist".into(),
            ))
        }
    });
    let app = make_app(m).await;
    let (status, _, body) = send(
        &app,
        TestRequest::delete()
            .uri("/api/auth/delete-account")
            .insert_header(bearer("valid-1-0")),
    )
    .await;
    assert_eq!(
        (status, body),
        (200, json!({"message": "Account deleted successfully"}))
    );

    let (status, _, body) = send(
        &app,
        TestRequest::delete()
            .uri("/api/auth/delete-account")
            .insert_header(bearer("valid-2-0")),
    )
    .await;
    assert_eq!(status, 500);
    assert_eq!(
        body,
        json!({"detail": "Internal Server Error", "code": "internal_error"})
    );
}
