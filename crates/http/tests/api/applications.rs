//! Application routes against mocks: shapes, role checks, filters, and the employer's signed links.

use actix_web::test::TestRequest;
use intowork_domain::application::{
    ApplicationJob, ApplicationOwner, ApplicationStatus, ApplyTarget, CandidateApplication,
    CreateApplicationError, EmployerApplication, Page,
};
use intowork_domain::company::Employer;
use intowork_domain::job::{JobType, LocationType};
use intowork_domain::user::Role;
use intowork_domain::{ApplicationId, CandidateId, CompanyId, CvId, EmployerId, JobId, UserId};
use serde_json::json;

use crate::support::*;

const CANDIDATE: &str = "valid-1-0";
const EMPLOYER: &str = "valid-2-0";

fn mine() -> CandidateApplication {
    CandidateApplication {
        id: ApplicationId(9),
        job_id: JobId(5),
        candidate_id: CandidateId(4),
        status: ApplicationStatus::Applied,
        applied_at: now(),
        job: Some(ApplicationJob {
            id: JobId(5),
            title: "Dev".into(),
            company_name: Some("ACME".into()),
            location: None,
            location_type: LocationType::Remote,
            job_type: JobType::FullTime,
            salary_min: Some(1),
            salary_max: None,
            currency: "XOF".into(),
        }),
    }
}

fn mocks() -> Mocks {
    let mut m = Mocks::new()
        .with_tokens()
        .with_user(user(1, Role::Candidate))
        .with_user(user(2, Role::Employer));
    m.candidates
        .expect_candidate_id()
        .returning(|u| Ok((u == UserId(1)).then_some(CandidateId(4))));
    m.companies.expect_employer_by_user().returning(|u| {
        Ok((u == UserId(2)).then_some(Employer {
            id: EmployerId(6),
            user_id: UserId(2),
            company_id: Some(CompanyId(1)),
            position: None,
            department: None,
            phone: None,
            can_create_jobs: true,
            can_manage_candidates: true,
            is_admin: false,
        }))
    });
    m
}

#[actix_rt::test]
async fn applying_returns_the_candidate_view_without_notes() {
    let mut m = mocks();
    m.applications.expect_apply_target().returning(|j| {
        Ok((j == JobId(5)).then(|| ApplyTarget {
            title: "Dev".into(),
            employer_user_id: UserId(2),
        }))
    });
    m.applications.expect_create().returning(|new, _| {
        if new.cover_letter.as_deref() == Some("twice") {
            Err(CreateApplicationError::AlreadyApplied)
        } else {
            Ok(mine())
        }
    });
    let app = make_app(m).await;
    let post = |token: &str, body: serde_json::Value| {
        TestRequest::post()
            .uri("/api/applications/my/applications")
            .insert_header(bearer(token))
            .set_json(body)
    };
    let (s, _, body) = send(
        &app,
        post(CANDIDATE, json!({"job_id": 5, "cover_letter": "Bonjour"})),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(body["notes"], serde_json::Value::Null);
    assert_eq!(body["status"], "applied");
    assert_eq!(body["job"]["company_name"], "ACME");
    assert_eq!(body["job"]["location_type"], "remote");
    let (s, _, body) = send(
        &app,
        post(CANDIDATE, json!({"job_id": 5, "cover_letter": "twice"})),
    )
    .await;
    assert_eq!(s, 400);
    assert!(body["detail"].as_str().unwrap().contains("déjà postulé"));
    let (s, _, body) = send(&app, post(CANDIDATE, json!({"job_id": 77}))).await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (404, Some("Offre d'emploi introuvable"))
    );
    let (s, _, body) = send(&app, post(EMPLOYER, json!({"job_id": 5}))).await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (403, Some("Seuls les candidats peuvent postuler"))
    );
    let (s, _, body) = send(&app, post(CANDIDATE, json!({"job_id": "five"}))).await;
    assert_eq!(
        (s, &body["detail"][0]["loc"]),
        (422, &json!(["body", "job_id"]))
    );
}

#[actix_rt::test]
async fn candidate_lists_map_pending_and_check_bounds() {
    let mut m = mocks();
    m.applications
        .expect_list_for_candidate()
        .withf(|c, status, p| {
            *c == CandidateId(4) && *status == Some(ApplicationStatus::Applied) && p.limit == 12
        })
        .times(1)
        .returning(|_, _, _| {
            Ok(Page {
                items: vec![mine()],
                total: 13,
            })
        });
    m.applications
        .expect_list_for_candidate()
        .withf(|_, status, p| status.is_none() && p.limit == 10 && p.page == 1)
        .returning(|_, _, _| {
            Ok(Page {
                items: vec![],
                total: 0,
            })
        });
    let app = make_app(m).await;
    let get = |q: &str| {
        TestRequest::get()
            .uri(&format!("/api/applications/my/applications{q}"))
            .insert_header(bearer(CANDIDATE))
    };
    let (s, _, body) = send(&app, get("?page=1&limit=12&status=pending")).await;
    assert_eq!(s, 200);
    assert_eq!(
        (
            body["total"].as_i64(),
            body["total_pages"].as_i64(),
            body["page"].as_i64()
        ),
        (Some(13), Some(2), Some(1))
    );
    let (s, _, body) = send(&app, get("?status=bogus")).await;
    assert_eq!((s, body["total_pages"].as_i64()), (200, Some(0)));
    for q in ["?limit=51", "?limit=0", "?page=0", "?page=abc"] {
        let (s, _, body) = send(&app, get(q)).await;
        assert_eq!(s, 422, "{q}");
        assert_eq!(body["detail"][0]["loc"][0], "query");
    }
}

#[actix_rt::test]
async fn employers_see_signed_cv_links_and_their_notes() {
    let mut m = mocks();
    m.signer
        .expect_sign()
        .returning(|msg| format!("sig[{msg}]"));
    m.applications
        .expect_list_for_employer()
        .withf(|e, status, job, p| {
            *e == EmployerId(6) && status.is_none() && job.is_none() && p.limit == 20
        })
        .returning(|_, _, _, _| {
            Ok(Page {
                items: vec![EmployerApplication {
                    id: ApplicationId(9),
                    job_id: JobId(5),
                    job_title: "Dev".into(),
                    candidate_id: CandidateId(4),
                    candidate_first_name: "Awa".into(),
                    candidate_last_name: "Diallo".into(),
                    candidate_email: "a@x.com".into(),
                    candidate_phone: None,
                    status: ApplicationStatus::Interview,
                    applied_at: now(),
                    cover_letter: Some("Bonjour".into()),
                    notes: Some("Bon profil".into()),
                    cv_id: Some(CvId(3)),
                }],
                total: 1,
            })
        });
    let app = make_app(m).await;
    let (s, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/applications/employer/applications?page=1&limit=20&status=bogus&job_id=0")
            .insert_header(("Host", "api.intowork.test"))
            .insert_header(bearer(EMPLOYER)),
    )
    .await;
    assert_eq!(s, 200, "{body}");
    let a = &body["applications"][0];
    assert_eq!(a["candidate_name"], "Awa Diallo");
    assert_eq!(a["notes"], "Bon profil");
    let expires = now().timestamp() + 15 * 60;
    // Absolute, so both frontends open it as is (HEAD.md 10.6).
    assert_eq!(
        a["cv_url"],
        format!(
            "http://api.intowork.test/api/files/cvs/3?expires={expires}&signature=sig[cv-link:v1:3:{expires}]"
        )
    );
    let (s, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/applications/employer/applications")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (403, Some("Accès réservé aux employeurs"))
    );
    let (s, _, _) = send(
        &app,
        TestRequest::get()
            .uri("/api/applications/employer/applications?limit=101")
            .insert_header(bearer(EMPLOYER)),
    )
    .await;
    assert_eq!(s, 422);
}

#[actix_rt::test]
async fn status_and_notes_follow_the_contract_checks() {
    let mut m = mocks();
    m.applications.expect_owner_of().returning(|id| {
        Ok(match id.get() {
            9 => Some(ApplicationOwner {
                employer_id: EmployerId(6),
                job_id: JobId(5),
                job_title: "Dev".into(),
                candidate_user_id: UserId(1),
            }),
            10 => Some(ApplicationOwner {
                employer_id: EmployerId(99),
                job_id: JobId(8),
                job_title: "Other".into(),
                candidate_user_id: UserId(1),
            }),
            _ => None,
        })
    });
    m.applications
        .expect_change_status()
        .returning(|_, _, _| Ok(Some(false)));
    m.applications
        .expect_set_notes()
        .withf(|id, n, _| id.get() == 9 && n.is_empty())
        .returning(|_, _, _| Ok(true));
    let app = make_app(m).await;
    let put = |path: &str, body: serde_json::Value| {
        TestRequest::put()
            .uri(path)
            .insert_header(bearer(EMPLOYER))
            .set_json(body)
    };
    let base = "/api/applications/employer/applications";
    let (s, _, body) = send(
        &app,
        put(&format!("{base}/9/status"), json!({"status": "interview"})),
    )
    .await;
    assert_eq!(
        (s, body),
        (
            200,
            json!({"message": "Statut mis à jour avec succès", "application_id": 9, "new_status": "interview"})
        )
    );
    let (s, _, body) = send(
        &app,
        put(&format!("{base}/9/status"), json!({"status": "pending"})),
    )
    .await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (400, Some("Statut invalide: pending"))
    );
    let (s, _, body) = send(
        &app,
        put(&format!("{base}/10/status"), json!({"status": "pending"})),
    )
    .await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (403, Some("Vous ne pouvez pas modifier cette candidature"))
    );
    let (s, _, body) = send(
        &app,
        put(&format!("{base}/11/status"), json!({"status": "viewed"})),
    )
    .await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (404, Some("Candidature introuvable"))
    );
    let (s, _, body) = send(&app, put(&format!("{base}/9/notes"), json!({"notes": ""}))).await;
    assert_eq!(
        (s, body),
        (
            200,
            json!({"message": "Notes mises à jour avec succès", "application_id": 9, "notes": ""})
        )
    );
    let (s, _, _) = send(
        &app,
        put(&format!("{base}/9/notes"), json!({"notes": null})),
    )
    .await;
    assert_eq!(s, 422);
    let (s, _, _) = send(
        &app,
        put(&format!("{base}/10/notes"), json!({"notes": "x"})),
    )
    .await;
    assert_eq!(s, 403);
}

#[actix_rt::test]
async fn withdrawing_is_only_for_applied_applications_of_the_caller() {
    let mut m = mocks();
    m.applications
        .expect_withdraw()
        .returning(|c, id| Ok(c == CandidateId(4) && id.get() == 9));
    m.applications
        .expect_find_for_candidate()
        .returning(|c, id| Ok((c == CandidateId(4) && id.get() == 9).then(mine)));
    let app = make_app(m).await;
    let (s, _, body) = send(
        &app,
        TestRequest::delete()
            .uri("/api/applications/my/applications/9")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!(
        (s, body),
        (200, json!({"message": "Candidature retirée avec succès"}))
    );
    let (s, _, body) = send(
        &app,
        TestRequest::delete()
            .uri("/api/applications/my/applications/10")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!(
        (s, body["detail"].as_str()),
        (404, Some("Candidature introuvable ou impossible à retirer"))
    );
    let (s, _, body) = send(
        &app,
        TestRequest::get()
            .uri("/api/applications/my/applications/9")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!((s, body["notes"].clone()), (200, serde_json::Value::Null));
    let (s, _, _) = send(
        &app,
        TestRequest::get()
            .uri("/api/applications/my/applications/10")
            .insert_header(bearer(CANDIDATE)),
    )
    .await;
    assert_eq!(s, 404);
}

/// CONTRACT 3.7: role, employer row, application, owner, and only then the value. A bad value is
/// parsed at the edge but reported after the use case's checks; a good one reaches the service
/// typed.
#[actix_rt::test]
async fn a_bad_status_is_reported_after_the_employer_application_and_owner_checks() {
    let mut m = mocks().with_user(user(3, Role::Employer));
    m.applications.expect_owner_of().returning(|id| {
        Ok((id.get() != 11).then(|| ApplicationOwner {
            employer_id: EmployerId(if id.get() == 9 { 6 } else { 99 }),
            job_id: JobId(5),
            job_title: "Dev".into(),
            candidate_user_id: UserId(1),
        }))
    });
    m.applications
        .expect_change_status()
        .withf(|id, u, _| {
            id.get() == 9 && u.status == ApplicationStatus::Shortlisted && u.actor.get() == 2
        })
        .times(1)
        .returning(|_, _, _| Ok(Some(true)));
    let app = make_app(m).await;
    let put = |token: &str, id: i64, status: &str| {
        TestRequest::put()
            .uri(&format!(
                "/api/applications/employer/applications/{id}/status"
            ))
            .insert_header(bearer(token))
            .set_json(json!({"status": status}))
    };
    let cases = [
        (CANDIDATE, 9, "pending", 403, "Accès réservé aux employeurs"),
        ("valid-3-0", 9, "pending", 404, "Employeur introuvable"),
        (EMPLOYER, 11, "pending", 404, "Candidature introuvable"),
        (
            EMPLOYER,
            10,
            "",
            403,
            "Vous ne pouvez pas modifier cette candidature",
        ),
        (EMPLOYER, 9, "pending", 400, "Statut invalide: pending"),
        (EMPLOYER, 9, "Viewed", 400, "Statut invalide: Viewed"),
        (EMPLOYER, 9, " viewed", 400, "Statut invalide:  viewed"),
    ];
    for (token, id, status, code, detail) in cases {
        let (s, _, body) = send(&app, put(token, id, status)).await;
        assert_eq!(
            (s, body["detail"].as_str()),
            (code, Some(detail)),
            "{token} {id} {status:?}"
        );
    }
    let (s, _, body) = send(&app, put(EMPLOYER, 9, "shortlisted")).await;
    assert_eq!((s, body["new_status"].as_str()), (200, Some("shortlisted")));
}
