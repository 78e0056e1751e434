//! Job alerts and the contact form through the real server, the real `intowork send-alerts`
//! and the suite's SMTP capture server (HEAD 10.16, 10.17): an instant alert created with HEAD's
//! body is mailed with its one-click unsubscribe headers, a second pass sends nothing, the link
//! turns the alert off; a daily alert with an injected clock gets one digest a day, of new jobs
//! only; a contact message reaches `CONTACT_EMAIL`.

use std::time::Duration;

use chrono::{DateTime, Utc};
use intowork_testkit::TestDb;
use serde_json::json;

use crate::both_backends;
use crate::command::{base_vars, intowork};
use crate::hiring::{create_job, employer, job_body};
use crate::recovery::{spawn_with_mail_and, unique};
use crate::support::*;

/// `intowork send-alerts [--at …]` against the app's database and secret; returns its report.
fn send_alerts(db: &TestDb, dir: &std::path::Path, at: Option<DateTime<Utc>>) -> String {
    let data = dir.to_str().unwrap();
    let mut vars = base_vars(&db.url, data);
    vars.push(("NEXTAUTH_SECRET", SECRET));
    vars.push(("FRONTEND_URL", "http://front.test"));
    let at = at.map(|t| t.to_rfc3339());
    let mut args = vec!["send-alerts"];
    if let Some(at) = &at {
        args.extend(["--at", at.as_str()]);
    }
    let run = intowork(dir, &args, &vars);
    assert_eq!(run.code, 0, "{}", run.output());
    run.stdout
}

/// The alert form as HEAD's page posts it: trailing slash, uppercase enums.
async fn create_alert(app: &TestApp, token: &str, keyword: &str, frequency: &str) -> i64 {
    let body = json!({"name": format!("Alerte {keyword}"),
        "criteria": {"keywords": [keyword], "job_types": ["FULL_TIME"], "location_types": ["ON_SITE"]},
        "frequency": frequency});
    let (s, alert) = app.post("/api/job-alerts/", body, Some(token)).await;
    assert_eq!(s, 201, "{alert}");
    alert["id"].as_i64().unwrap()
}

fn titled(keyword: &str, title: &str) -> serde_json::Value {
    job_body(&format!("{title} {keyword}"))
}

async fn an_instant_alert_is_mailed_once_and_its_link_turns_it_off(db: TestDb) {
    let (app, capture, dir) = spawn_with_mail_and(&db, &[("MAIL_POLL_INTERVAL_SECS", "1")]).await;
    let keyword = format!("Kw{}", unique("x").replace(['@', '.', '-'], ""));
    let email = unique("alert-instant");
    let candidate = token(&app, &email, "candidate").await;
    let alert = create_alert(&app, &candidate, &keyword.to_uppercase(), "INSTANT").await;
    let (boss, _) = employer(&app, &unique("alert-boss"), "Acme Alerts").await;
    let job = create_job(&app, &boss, titled(&keyword, "Développeur")).await;
    // Not a match: another keyword.
    create_job(&app, &boss, titled("autre", "Comptable")).await;

    let report = send_alerts(&db, dir.path(), None);
    assert!(report.contains("1 mails queued with 1 jobs"), "{report}");
    let mails = capture.wait_for(&email, 1, Duration::from_secs(15)).await;
    let mail = &mails[0];
    assert!(
        mail.text
            .contains(&format!("http://front.test/offres/{job}")),
        "{}",
        mail.text
    );
    assert!(!mail.text.contains("Comptable"));
    let unsubscribe = mail
        .header("List-Unsubscribe")
        .expect("List-Unsubscribe")
        .to_owned();
    assert_eq!(
        mail.header("List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    let token_param = unsubscribe
        .split("token=")
        .nth(1)
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or_else(|| panic!("{unsubscribe}"));
    assert!(mail.text.contains(token_param));

    // The counters, and a second pass that finds nothing new.
    let (s, list) = app.get("/api/job-alerts", Some(&candidate)).await;
    assert_eq!(s, 200, "{list}");
    assert_eq!(list[0]["jobs_sent_count"], 1);
    assert!(list[0]["last_sent_at"].is_string());
    let report = send_alerts(&db, dir.path(), None);
    assert!(report.contains("0 mails queued"), "{report}");

    // The link needs no sign-in; a forged one is refused.
    let (s, _) = app
        .get(
            &format!("/api/job-alerts/unsubscribe?token={alert}.00"),
            None,
        )
        .await;
    assert_eq!(s, 400);
    let (s, body) = app
        .get(
            &format!("/api/job-alerts/unsubscribe?token={token_param}"),
            None,
        )
        .await;
    assert_eq!(s, 200, "{body}");
    let (_, one) = app
        .get(&format!("/api/job-alerts/{alert}"), Some(&candidate))
        .await;
    assert_eq!(one["is_active"], false);
    create_job(&app, &boss, titled(&keyword, "Architecte")).await;
    let report = send_alerts(&db, dir.path(), None);
    assert!(report.contains("0 mails queued"), "{report}");
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(capture.messages_to(&email).len(), 1);
    app.stop().await;
}

async fn a_daily_alert_sends_one_digest_a_day_of_new_jobs_only(db: TestDb) {
    let (app, capture, dir) = spawn_with_mail_and(&db, &[("MAIL_POLL_INTERVAL_SECS", "1")]).await;
    let keyword = format!("Kw{}", unique("d").replace(['@', '.', '-'], ""));
    let email = unique("alert-daily");
    let candidate = token(&app, &email, "candidate").await;
    create_alert(&app, &candidate, &keyword, "DAILY").await;
    let (boss, _) = employer(&app, &unique("daily-boss"), "Acme Daily").await;
    let first = create_job(&app, &boss, titled(&keyword, "Premier")).await;
    // The injected days lie in the past: the mails they queue are due at once (the outbox
    // delivers by the real clock), while the alert's windows follow the injected one.
    let day1 = Utc::now() - chrono::Duration::days(5);

    assert!(send_alerts(&db, dir.path(), Some(day1)).contains("1 mails queued with 1 jobs"));
    let mails = capture.wait_for(&email, 1, Duration::from_secs(15)).await;
    assert!(mails[0].text.contains(&format!("/offres/{first}")));

    // A new job the same day waits for tomorrow's digest.
    let second = create_job(&app, &boss, titled(&keyword, "Second")).await;
    let later_that_day = day1 + chrono::Duration::hours(3);
    assert!(send_alerts(&db, dir.path(), Some(later_that_day)).contains("0 mails queued"));
    let day2 = day1 + chrono::Duration::days(1);
    assert!(send_alerts(&db, dir.path(), Some(day2)).contains("1 mails queued with 1 jobs"));
    let mails = capture.wait_for(&email, 2, Duration::from_secs(15)).await;
    assert!(mails[1].text.contains(&format!("/offres/{second}")));
    assert!(
        !mails[1].text.contains(&format!("/offres/{first}")),
        "a job is never sent twice"
    );
    // Nothing new on day 3: no mail.
    let day3 = day2 + chrono::Duration::days(1);
    assert!(send_alerts(&db, dir.path(), Some(day3)).contains("0 mails queued"));
    let (_, list) = app.get("/api/job-alerts", Some(&candidate)).await;
    assert_eq!(list[0]["jobs_sent_count"], 2);
    app.stop().await;
}

async fn a_contact_message_reaches_the_contact_address(db: TestDb) {
    let to = unique("contact-inbox");
    let (app, capture, _dir) = spawn_with_mail_and(&db, &[("CONTACT_EMAIL", to.as_str())]).await;
    let body = json!({"name": "Léa Diop", "email": "lea@example.com",
        "subject": "Partenariat", "message": "Bonjour <b>équipe</b>"});
    let (s, out) = app.post("/api/contact", body, None).await;
    assert_eq!(s, 200, "{out}");
    assert!(out["detail"].is_string());
    let mails = capture.wait_for(&to, 1, Duration::from_secs(15)).await;
    assert_eq!(mails[0].subject, "[Contact] Partenariat");
    assert_eq!(mails[0].header("Reply-To"), Some("lea@example.com"));
    assert!(mails[0].text.contains("Bonjour <b>équipe</b>"));
    assert!(mails[0].html.is_empty());
    app.stop().await;
}

both_backends!(
    an_instant_alert_is_mailed_once_and_its_link_turns_it_off,
    a_daily_alert_sends_one_digest_a_day_of_new_jobs_only,
    a_contact_message_reaches_the_contact_address,
);
