//! Email templates and candidate mails through the real server and the suite's SMTP capture
//! server (HEAD 10.14, 10.15), with the bodies HEAD's pages send: the acknowledgement on apply,
//! the interview invitation from the company's default template with its variables filled, the
//! built-in rejection, and a quick message whose `<script>` stays text.

use std::time::Duration;

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::hiring::{create_job, employer, job_body};
use crate::recovery::{spawn_with_mail_and, unique};
use crate::support::*;

async fn candidate_mails_arrive_with_their_templates(db: intowork_testkit::TestDb) {
    let (app, capture, _dir) = spawn_with_mail_and(&db, &[]).await;
    let boss_email = unique("boss");
    let company = format!("Acme {}", &boss_email[5..13]);
    let (boss, _) = employer(&app, &boss_email, &company).await;
    let job = create_job(&app, &boss, job_body("Dev <Rust> & Ops")).await;

    // The template page's form (HEAD's `formData`), posted to the slash form.
    let form = json!({
        "name": "Notre invitation",
        "type": "interview_invitation",
        "subject": "Entretien {job_title} chez {company_name}",
        "body": "<p>Bonjour {candidate_name},</p><p>Votre candidature du {application_date} \
                 pour {job_title} nous plaît. Signé {recruiter_name}.</p>",
        "is_default": true
    });
    let (s, template) = app
        .post("/api/email-templates/", form.clone(), Some(&boss))
        .await;
    assert_eq!(s, 201, "{template}");
    let template_id = template["id"].as_i64().unwrap();
    // An unknown variable is refused, naming it.
    let mut bad = form.clone();
    bad["body"] = json!("<p>Bonjour {not_a_variable}</p>");
    let (s, body) = app.post("/api/email-templates", bad, Some(&boss)).await;
    assert_eq!(s, 400, "{body}");
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("{not_a_variable}")
    );
    // A rival employer sees nothing of it.
    let (rival, _) = employer(&app, &unique("rival"), "Rival SA").await;
    let path = format!("/api/email-templates/{template_id}");
    assert_eq!(app.get(&path, Some(&rival)).await.0, 404);

    // Apply: the acknowledgement (built-in) reaches the candidate.
    let cand_email = unique("awa");
    let cand = token(&app, &cand_email, "candidate").await;
    let (s, applied) = app
        .post(
            "/api/applications/my/applications",
            json!({"job_id": job}),
            Some(&cand),
        )
        .await;
    assert_eq!(s, 200, "{applied}");
    let id = applied["id"].as_i64().unwrap();
    let mails = capture
        .wait_for(&cand_email, 1, Duration::from_secs(15))
        .await;
    assert_eq!(
        mails[0].subject,
        "Nous avons bien reçu votre candidature : Dev <Rust> & Ops"
    );
    assert!(
        mails[0].text.starts_with("Bonjour Ada,"),
        "{}",
        mails[0].text
    );
    assert!(
        mails[0].html.contains("Dev &lt;Rust&gt; &amp; Ops"),
        "{}",
        mails[0].html
    );

    // Interview: the company's default template, its variables filled (escaped in HTML).
    let status = format!("/api/applications/employer/applications/{id}/status");
    let put = |body| call(&app, Method::PUT, &status, Some(&boss), Some(body));
    assert_eq!(put(json!({"status": "interview"})).await.0, 200);
    let mails = capture
        .wait_for(&cand_email, 2, Duration::from_secs(15))
        .await;
    let invite = &mails[1];
    assert_eq!(
        invite.subject,
        format!("Entretien Dev <Rust> & Ops chez {company}")
    );
    assert!(
        invite.text.contains("Bonjour Ada Lovelace,"),
        "{}",
        invite.text
    );
    assert!(
        invite
            .text
            .contains("pour Dev <Rust> & Ops nous plaît. Signé Ada Lovelace.")
    );
    assert!(
        invite.html.contains("pour Dev &lt;Rust&gt; &amp; Ops"),
        "{}",
        invite.html
    );
    assert!(!invite.text.contains('{'), "{}", invite.text);
    let (_, listed) = app.get("/api/email-templates", Some(&boss)).await;
    assert_eq!(listed[0]["usage_count"], 1, "{listed}");

    // Rejection: no company template of that type, the built-in one.
    assert_eq!(put(json!({"status": "rejected"})).await.0, 200);
    let mails = capture
        .wait_for(&cand_email, 3, Duration::from_secs(15))
        .await;
    assert_eq!(
        mails[2].subject,
        "Votre candidature au poste Dev <Rust> & Ops"
    );
    assert!(
        mails[2].text.contains("ne donnerons pas suite"),
        "{}",
        mails[2].text
    );

    // Quick message (HEAD's QuickMessageModal body): plain text, the script stays text.
    let quick = format!("/api/applications/employer/applications/{id}/quick-message");
    let body = json!({
        "status": "interview",
        "subject": "Invitation à un entretien — Dev",
        "message": "Bonjour Ada,\n<script>alert('x')</script>\nÀ bientôt"
    });
    let (s, sent) = app.post(&quick, body, Some(&boss)).await;
    assert_eq!(s, 200, "{sent}");
    assert_eq!(sent["email_sent"], true);
    assert_eq!(sent["new_status"], "interview");
    let mails = capture
        .wait_for(&cand_email, 4, Duration::from_secs(15))
        .await;
    let message = &mails[3];
    assert_eq!(message.subject, "Invitation à un entretien — Dev");
    assert!(
        message.text.contains("<script>alert('x')</script>"),
        "{}",
        message.text
    );
    assert!(message.html.is_empty(), "no HTML part: {}", message.html);
    // One action, one mail: the quick message replaced the interview template mail.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let all = capture
        .wait_for(&cand_email, 4, Duration::from_secs(1))
        .await;
    assert_eq!(all.len(), 4);
}

both_backends!(candidate_mails_arrive_with_their_templates);
