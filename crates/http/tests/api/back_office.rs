//! The back-office's accounts and companies routes (HEAD.md 10.12) against mocks, with the
//! bodies HEAD's admin pages send: role gates, shapes, answers and French texts.

use actix_web::test::TestRequest;
use chrono::TimeDelta;
use intowork_domain::admin::companies::{
    AdminCompany, CompanyVerification, Recruiter, RemovedCompany,
};
use intowork_domain::ports::{Commit, CreateUserError};
use intowork_domain::user::Role;
use intowork_domain::{CompanyId, UserId};
use serde_json::json;

use crate::admin::{ADMIN, mocks, record};
use crate::support::*;

fn routes() -> Vec<TestRequest> {
    vec![
        TestRequest::get().uri("/api/admin/companies"),
        TestRequest::patch()
            .uri("/api/admin/companies/4/verify")
            .set_json(json!({"is_verified": true})),
        TestRequest::delete().uri("/api/admin/companies/4"),
        TestRequest::post().uri("/api/admin/users").set_json(
            json!({"email": "a@example.com", "first_name": "A", "last_name": "B",
                   "role": "candidate"}),
        ),
        TestRequest::post().uri("/api/admin/users/5/resend-credentials"),
    ]
}

#[actix_rt::test]
async fn every_route_is_admin_only() {
    let mut m = mocks();
    m.company_admin.expect_set_verified().never();
    m.company_admin.expect_remove().never();
    m.invitations.expect_create_account().never();
    m.invitations.expect_reissue().never();
    let app = make_app(m).await;
    for req in routes() {
        assert_eq!(send(&app, req).await.0, 401);
    }
    for token in ["valid-2-0", "valid-3-0"] {
        for req in routes() {
            let (s, _, b) = send(&app, req.insert_header(bearer(token))).await;
            assert_eq!(s, 403, "{b}");
        }
    }
}

fn listed() -> AdminCompany {
    AdminCompany {
        id: CompanyId(4),
        name: "Acme".into(),
        industry: Some("Banque".into()),
        city: Some("Dakar".into()),
        country: None,
        is_verified: true,
        jobs_count: 3,
        employers_count: 1,
        recruiters: vec![Recruiter {
            user_id: UserId(9),
            first_name: "Awa".into(),
            last_name: "Diop".into(),
            email: "awa@acme.sn".into(),
            phone: Some("+221 77".into()),
            position: None,
        }],
        created_at: now(),
    }
}

#[actix_rt::test]
async fn the_companies_screen_has_heads_fields() {
    let mut m = mocks();
    m.company_admin
        .expect_list_companies()
        .withf(|s| s.as_deref() == Some("acme"))
        .times(1)
        .returning(|_| Ok(vec![listed()]));
    m.company_admin
        .expect_list_companies()
        .withf(Option::is_none)
        .times(1)
        .returning(|_| Ok(vec![]));
    let app = make_app(m).await;
    let get = |uri: &str| TestRequest::get().uri(uri).insert_header(bearer(ADMIN));
    let (s, _, b) = send(&app, get("/api/admin/companies?search=%20acme%20")).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(
        b,
        json!([{"id": 4, "name": "Acme", "industry": "Banque", "city": "Dakar", "country": null,
                "is_verified": true, "jobs_count": 3, "employers_count": 1,
                "recruiters": [{"id": 9, "first_name": "Awa", "last_name": "Diop",
                                "email": "awa@acme.sn", "phone": "+221 77", "position": null}],
                "created_at": "2026-11-27T10:00:00Z"}])
    );
    let (s, _, b) = send(&app, get("/api/admin/companies?search=")).await;
    assert_eq!((s, b), (200, json!([])));
}

fn badge(verified: bool) -> CompanyVerification {
    CompanyVerification {
        id: CompanyId(4),
        name: "Acme".into(),
        is_verified: verified,
        verified_at: verified.then(now),
    }
}

#[actix_rt::test]
async fn the_badge_is_set_flipped_or_not_found() {
    let mut m = mocks();
    m.company_admin
        .expect_find_company()
        .returning(|id| Ok((id == CompanyId(4)).then(|| badge(false))));
    m.company_admin
        .expect_set_verified()
        .withf(|_, at, audit| *at == Some(now()) && audit.actor_user_id == Some(UserId(1)))
        .times(2)
        .returning(|_, _, _| Ok(Some(badge(true))));
    let app = make_app(m).await;
    let patch = |id: i64| {
        TestRequest::patch()
            .uri(&format!("/api/admin/companies/{id}/verify"))
            .insert_header(bearer(ADMIN))
    };
    let (s, _, b) = send(&app, patch(4).set_json(json!({"is_verified": true}))).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(
        b,
        json!({"id": 4, "name": "Acme", "is_verified": true,
               "verified_at": "2026-11-27T10:00:00Z"})
    );
    // HEAD's own route takes no body and flips the badge.
    let (s, _, b) = send(&app, patch(4)).await;
    assert_eq!((s, &b["is_verified"]), (200, &json!(true)));
    // Asking for the state it is in changes nothing.
    let (s, _, b) = send(&app, patch(4).set_json(json!({"is_verified": false}))).await;
    assert_eq!((s, &b["verified_at"]), (200, &json!(null)));
    let (s, _, b) = send(&app, patch(4).set_json(json!({"is_verified": "oui"}))).await;
    assert_eq!(s, 422, "{b}");
    let (s, _, b) = send(&app, patch(8).set_json(json!({"is_verified": true}))).await;
    assert_eq!(
        (s, b["detail"].as_str(), b["code"].as_str()),
        (
            404,
            Some("Entreprise introuvable"),
            Some("company_not_found")
        )
    );
}

#[actix_rt::test]
async fn removing_a_company_says_what_it_did() {
    let mut m = mocks();
    m.company_admin
        .expect_find_company()
        .returning(|id| Ok((id == CompanyId(4)).then(|| badge(false))));
    m.company_admin
        .expect_applicants()
        .returning(|_| Ok(vec![]));
    m.company_admin.expect_remove().times(1).returning(|_, _| {
        Ok(Commit::Done(RemovedCompany {
            archived_jobs: 2,
            detached_employers: 1,
        }))
    });
    let app = make_app(m).await;
    let delete = |id: i64| {
        TestRequest::delete()
            .uri(&format!("/api/admin/companies/{id}"))
            .insert_header(bearer(ADMIN))
    };
    let (s, _, b) = send(&app, delete(4)).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(
        b["message"],
        "Entreprise « Acme » supprimée : 2 offre(s) archivée(s), 1 recruteur(s) détaché(s)."
    );
    let (s, _, b) = send(&app, delete(5)).await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (404, Some("Entreprise introuvable"))
    );
}

/// Fixed tokens for the account-creation service.
fn fixed_tokens(m: &mut Mocks) {
    m.invite_tokens
        .expect_generate()
        .returning(|| "tok-9".into());
    m.invite_tokens
        .expect_hash()
        .returning(|t| format!("sha256({t})"));
}

fn post_user(body: serde_json::Value) -> TestRequest {
    TestRequest::post()
        .uri("/api/admin/users")
        .insert_header(bearer(ADMIN))
        .set_json(body)
}

#[actix_rt::test]
async fn creating_an_employer_from_heads_form() {
    let mut m = mocks();
    fixed_tokens(&mut m);
    m.invitations
        .expect_create_account()
        .withf(|a, audit| {
            a.email.as_str() == "awa@acme.sn"
                // The link's mail is handed to the store with the account (one transaction).
                && a.mail.to == "awa@acme.sn"
                && a.mail.text.contains("http://front.test/reset-password?token=tok-9")
                && a.role == Role::Employer
                && a.company.as_ref().map(|c| c.as_str()) == Some("Acme Sénégal")
                && a.token_hash == "sha256(tok-9)"
                && a.token_expires_at == now() + TimeDelta::hours(72)
                && audit.actor_email == "user1@example.com"
        })
        .times(1)
        .returning(|_, _| {
            Ok(intowork_domain::admin::UserRecord {
                email: "awa@acme.sn".into(),
                ..record(12, Role::Employer)
            })
        });
    let app = make_app(m).await;
    // `createForm` as HEAD's admin users page posts it.
    let (s, _, b) = send(
        &app,
        post_user(
            json!({"email": "awa@acme.sn", "first_name": "Awa", "last_name": "Diop",
                         "role": "employer", "company_name": "Acme Sénégal"}),
        ),
    )
    .await;
    assert_eq!(s, 201, "{b}");
    assert_eq!(
        b,
        json!({"id": 12, "email": "awa@acme.sn", "first_name": "Jane", "last_name": "Doe",
               "role": "employer", "is_active": true, "created_at": "2026-11-27T10:00:00Z"})
    );
}

#[actix_rt::test]
async fn creation_refusals_use_sign_ups_texts_and_heads() {
    let mut m = mocks();
    m.invite_tokens.expect_generate().returning(|| "tok".into());
    m.invite_tokens.expect_hash().returning(|t| t.to_owned());
    m.invitations
        .expect_create_account()
        .times(1)
        .returning(|_, _| Err(CreateUserError::EmailTaken));
    let app = make_app(m).await;
    let body = |role: &str, company: Option<&str>| {
        let mut b = json!({"email": "awa@acme.sn", "first_name": "Awa", "last_name": "Diop",
                           "role": role});
        if let Some(c) = company {
            b["company_name"] = json!(c);
        }
        b
    };
    let (s, _, b) = send(&app, post_user(body("admin", None))).await;
    assert_eq!((s, b["code"].as_str()), (400, Some("invalid_role")));
    // HEAD's UI sends `company_name: undefined` (left out) for a candidate; an employer needs one.
    for company in [None, Some(""), Some("  ")] {
        let (s, _, b) = send(&app, post_user(body("employer", company))).await;
        assert_eq!(
            (s, b["detail"].as_str()),
            (
                400,
                Some("Le nom de l'entreprise est requis pour un employeur")
            ),
            "{company:?}"
        );
    }
    let (s, _, b) = send(&app, post_user(body("candidate", None))).await;
    assert_eq!(
        (s, b["detail"].as_str(), b["code"].as_str()),
        (
            400,
            Some("Email already registered"),
            Some("email_already_registered")
        )
    );
    let (s, _, b) = send(
        &app,
        post_user(json!({"email": "nope", "first_name": "A",
        "last_name": "B", "role": "candidate"})),
    )
    .await;
    assert_eq!(s, 422, "{b}");
}

fn resend(id: i64) -> TestRequest {
    TestRequest::post()
        .uri(&format!("/api/admin/users/{id}/resend-credentials"))
        .insert_header(bearer(ADMIN))
}

#[actix_rt::test]
async fn resending_a_link_and_its_refusals() {
    let mut m = mocks();
    m.invite_users.expect_find_user().returning(|id| {
        Ok(match id.get() {
            5 => Some(record(5, Role::Candidate)),
            6 => Some(record(6, Role::Employer)),
            7 => Some(record(7, Role::Admin)),
            _ => None,
        })
    });
    let mut calls = 0;
    m.invitations
        .expect_reissue()
        .times(3)
        .returning(move |token, _, _, _| {
            calls += 1;
            // The second request for user 5 comes within the minute.
            Ok(!(token.user == UserId(5) && calls == 2))
        });
    m.invite_tokens.expect_generate().returning(|| "tok".into());
    m.invite_tokens.expect_hash().returning(|t| t.to_owned());
    let app = make_app(m).await;
    let (s, _, b) = send(&app, resend(5)).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(
        b["message"],
        "Lien pour choisir un mot de passe envoyé à user5@example.com"
    );
    let (s, h, b) = send(&app, resend(5)).await;
    assert_eq!(
        (s, b["code"].as_str()),
        (429, Some("credentials_recently_sent"))
    );
    assert_eq!(h.get("retry-after").unwrap(), "60");
    let (s, _, b) = send(&app, resend(6)).await;
    assert_eq!(s, 200, "{b}");
    let (s, _, b) = send(&app, resend(7)).await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (403, Some("Action impossible sur un administrateur"))
    );
    let (s, _, b) = send(&app, resend(9)).await;
    assert_eq!(
        (s, b["detail"].as_str()),
        (404, Some("Utilisateur introuvable"))
    );
}
