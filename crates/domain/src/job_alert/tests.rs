use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::cv::LinkSigner;
use crate::ids::{JobId, UserId};
use crate::job::{JobType, LocationType};
use crate::ports::MockClock;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

/// A deterministic signer: the signature is the message reversed.
struct ReverseSigner;

impl LinkSigner for ReverseSigner {
    fn sign(&self, message: &str) -> String {
        message.chars().rev().collect()
    }
    fn verify(&self, message: &str, signature: &str) -> bool {
        self.sign(message) == signature
    }
}

fn alert(frequency: Frequency, last_sent_at: Option<DateTime<Utc>>) -> JobAlert {
    JobAlert {
        id: JobAlertId(7),
        owner: UserId(3),
        name: "Dev Dakar".into(),
        criteria: AlertCriteria::default(),
        frequency,
        is_active: true,
        jobs_sent_count: 2,
        last_sent_at,
        last_matching_job_id: None,
        created_at: t0() - Duration::days(10),
        updated_at: t0() - Duration::days(10),
    }
}

fn job(id: i64) -> AlertJob {
    AlertJob {
        id: JobId(id),
        title: format!("Job {id}"),
        company_name: "Acme".into(),
        location: Some("Dakar".into()),
        location_type: LocationType::OnSite,
        job_type: JobType::FullTime,
        salary_min: Some(100),
        salary_max: None,
        currency: "XOF".into(),
        posted_at: Some(t0()),
        company_id: 1,
    }
}

fn links() -> AlertLinks {
    AlertLinks {
        api_origin: "https://api.example.test/".into(),
        frontend_origin: "https://intowork.example.test".into(),
    }
}

#[test]
fn frequencies_and_job_enums_parse_in_either_case() {
    assert_eq!(Frequency::parse("DAILY"), Some(Frequency::Daily));
    assert_eq!(Frequency::parse("daily"), Some(Frequency::Daily));
    assert_eq!(Frequency::parse("Instant"), Some(Frequency::Instant));
    assert_eq!(Frequency::parse("monthly"), None);
    assert_eq!(parse_job_type("FULL_TIME"), Some(JobType::FullTime));
    assert_eq!(parse_location_type("ON_SITE"), Some(LocationType::OnSite));
    assert_eq!(parse_location_type("onsite"), None);
}

#[test]
fn criteria_are_cleaned_and_capped() {
    let c = AlertCriteria {
        keywords: vec![
            " Développeur ".into(),
            "developpeur".into(),
            "  ".into(),
            "Rust".into(),
        ],
        location: Some("  ".into()),
        job_types: vec![JobType::FullTime, JobType::FullTime],
        ..Default::default()
    }
    .checked()
    .unwrap();
    assert_eq!(c.keywords, ["Développeur", "Rust"]);
    assert_eq!(c.search_keywords(), ["developpeur", "rust"]);
    assert_eq!(c.location, None);
    assert_eq!(c.job_types, [JobType::FullTime]);

    let many = AlertCriteria {
        keywords: (0..11).map(|i| format!("k{i}")).collect(),
        ..Default::default()
    };
    assert_eq!(many.checked().unwrap_err().reason, "too_many");
    let long = AlertCriteria {
        keywords: vec!["x".repeat(MAX_KEYWORD_CHARS + 1)],
        ..Default::default()
    };
    assert_eq!(long.checked().unwrap_err().field, "keywords");
    let inverted = AlertCriteria {
        salary_min: Some(500),
        salary_max: Some(100),
        ..Default::default()
    };
    assert_eq!(inverted.checked().unwrap_err().field, "salary_max");
    let negative = AlertCriteria {
        salary_min: Some(-1),
        ..Default::default()
    };
    assert_eq!(negative.checked().unwrap_err().field, "salary_min");
    assert!(check_name("   ").is_err());
    assert_eq!(check_name(" Mon alerte ").unwrap(), "Mon alerte");
}

#[test]
fn digest_windows_follow_the_frequency() {
    let now = t0();
    assert!(is_due(&alert(Frequency::Instant, Some(now)), now));
    assert!(is_due(&alert(Frequency::Daily, None), now));
    assert!(!is_due(
        &alert(Frequency::Daily, Some(now - Duration::hours(23))),
        now
    ));
    assert!(is_due(
        &alert(Frequency::Daily, Some(now - Duration::hours(24))),
        now
    ));
    assert!(!is_due(
        &alert(Frequency::Weekly, Some(now - Duration::days(6))),
        now
    ));
    assert!(is_due(
        &alert(Frequency::Weekly, Some(now - Duration::days(7))),
        now
    ));
    let mut off = alert(Frequency::Instant, None);
    off.is_active = false;
    assert!(!is_due(&off, now));

    let never = alert(Frequency::Daily, None);
    assert_eq!(window_start(&never), never.created_at);
    let sent = alert(Frequency::Daily, Some(now));
    assert_eq!(window_start(&sent), now - LOOKBACK);
}

#[test]
fn unsubscribe_tokens_name_their_alert_and_refuse_forgeries() {
    let token = unsubscribe_token(&ReverseSigner, JobAlertId(42));
    assert_eq!(
        verify_unsubscribe_token(&ReverseSigner, &token),
        Some(JobAlertId(42))
    );
    let forged = token.replacen("42", "43", 1);
    assert_eq!(verify_unsubscribe_token(&ReverseSigner, &forged), None);
    for bad in ["", "42", ".abc", "-1.x", "42.", "4 2.x"] {
        assert_eq!(verify_unsubscribe_token(&ReverseSigner, bad), None, "{bad}");
    }
}

#[test]
fn the_mail_lists_the_jobs_and_carries_the_unsubscribe_headers() {
    let due = DueAlert {
        alert: alert(Frequency::Daily, None),
        email: "lea@example.test".into(),
    };
    let mail = compose(&due, &[job(1), job(2)], &links(), &ReverseSigner);
    assert_eq!(mail.to, "lea@example.test");
    assert!(mail.subject.contains("2 nouvelles offres"));
    assert!(mail.text.contains("https://intowork.example.test/offres/1"));
    assert!(mail.text.contains("Job 2 — Acme"));
    let token = unsubscribe_token(&ReverseSigner, JobAlertId(7));
    let url = format!("https://api.example.test/api/job-alerts/unsubscribe?token={token}");
    assert!(mail.text.contains(&url));
    let headers: Vec<_> = mail.headers.iter().map(|h| (h.name(), h.value())).collect();
    assert_eq!(
        headers,
        [
            ("List-Unsubscribe", format!("<{url}>").as_str()),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ]
    );
}

fn delivery_service(repo: MockJobAlertRepository, now: DateTime<Utc>) -> AlertDeliveryService {
    let mut clock = MockClock::new();
    clock.expect_now().returning(move || now);
    AlertDeliveryService::new(
        Arc::new(repo),
        Arc::new(ReverseSigner),
        Arc::new(clock),
        links(),
    )
}

#[tokio::test]
async fn a_pass_mails_due_alerts_their_unsent_jobs_once() {
    let now = t0();
    let mut repo = MockJobAlertRepository::new();
    repo.expect_due()
        .withf(move |q| {
            q.daily_sent_before == now - Duration::days(1)
                && q.weekly_sent_before == now - Duration::weeks(1)
                && q.after.is_none()
        })
        .times(1)
        .returning(move |_| {
            Ok(vec![
                DueAlert {
                    alert: alert(Frequency::Instant, Some(now)),
                    email: "a@x.test".into(),
                },
                // Sent 2 hours ago: not due, never asked for jobs.
                DueAlert {
                    alert: JobAlert {
                        id: JobAlertId(8),
                        ..alert(Frequency::Daily, Some(now - Duration::hours(2)))
                    },
                    email: "b@x.test".into(),
                },
            ])
        });
    repo.expect_unsent_jobs()
        .withf(move |id, _, since, limit| {
            *id == JobAlertId(7) && *since == now - LOOKBACK && *limit == MAX_JOBS_PER_MAIL
        })
        .times(1)
        .returning(|_, _, _, _| Ok(vec![job(11), job(12)]));
    let recorded = Arc::new(Mutex::new(Vec::new()));
    let sink = recorded.clone();
    repo.expect_record_delivery().times(1).returning(move |d| {
        sink.lock().unwrap().push(d);
        Ok(true)
    });
    let report = delivery_service(repo, now).run_pass().await.unwrap();
    assert_eq!(
        report,
        AlertPassReport {
            mails: 1,
            jobs: 2,
            skipped: 0,
            failed: 0
        }
    );
    let recorded = recorded.lock().unwrap();
    assert_eq!(recorded[0].jobs, [JobId(11), JobId(12)]);
    assert_eq!(recorded[0].expected_sent_count, 2);
    assert_eq!(recorded[0].mail.to, "a@x.test");
    assert_eq!(recorded[0].now, now);
}

#[tokio::test]
async fn a_delivery_taken_by_another_instance_is_skipped() {
    let now = t0();
    let mut repo = MockJobAlertRepository::new();
    repo.expect_due().returning(move |_| {
        Ok(vec![DueAlert {
            alert: alert(Frequency::Instant, None),
            email: "a@x.test".into(),
        }])
    });
    repo.expect_unsent_jobs()
        .returning(|_, _, _, _| Ok(vec![job(1)]));
    repo.expect_record_delivery().returning(|_| Ok(false));
    let report = delivery_service(repo, now).run_pass().await.unwrap();
    assert_eq!(report.skipped, 1);
    assert_eq!(report.mails, 0);
}

#[tokio::test]
async fn unsubscribing_turns_the_named_alert_off_and_refuses_bad_links() {
    let now = t0();
    let mut repo = MockJobAlertRepository::new();
    repo.expect_deactivate()
        .withf(move |id, at| *id == JobAlertId(42) && *at == now)
        .times(1)
        .returning(|_, _| Ok(true));
    let service = delivery_service(repo, now);
    let token = unsubscribe_token(&ReverseSigner, JobAlertId(42));
    service.unsubscribe(&token).await.unwrap();
    assert!(matches!(
        service.unsubscribe("42.forged").await,
        Err(UnsubscribeError::InvalidLink)
    ));
}

#[tokio::test]
async fn creating_refuses_bad_criteria_before_the_repository() {
    let repo = MockJobAlertRepository::new();
    let mut clock = MockClock::new();
    clock.expect_now().returning(t0);
    let service = JobAlertService::new(Arc::new(repo), Arc::new(clock));
    let bad = AlertCriteria {
        salary_min: Some(-5),
        ..Default::default()
    };
    let err = service
        .create(UserId(1), "x", bad, Frequency::Daily)
        .await
        .unwrap_err();
    assert!(matches!(err, JobAlertError::Invalid(_)));
}
