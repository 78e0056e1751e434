//! Email templates: one default per company and type, writes scoped to the company, usage in one
//! statement; and the candidate mails queued in the transaction of apply and of a status change,
//! from the company's default template (counted) or the built-in one, nothing when it fails.

use diesel::prelude::*;
use intowork_domain::application::{
    ApplicationRepository, ApplicationStatus, CreateApplicationError, NewApplication, QuickMessage,
    StatusUpdate,
};
use intowork_domain::email_template::{
    EmailTemplateRepository, NewTemplate, TemplateDraft, TemplateId, TemplatePatch, TemplateType,
};
use intowork_domain::notification::{NewNotification, NotificationKind};
use intowork_domain::{ApplicationId, CandidateId, CompanyId, UserId};
use intowork_storage::schema::mail_outbox;
use intowork_storage::{Database, DieselApplicationRepository, DieselEmailTemplateRepository};
use intowork_testkit::TestDb;

use crate::job_fixtures::{Repos, fields};
use crate::support::*;

fn draft(kind: TemplateType, name: &str, is_default: bool) -> TemplateDraft {
    TemplateDraft {
        name: name.into(),
        kind,
        subject: "Entretien {job_title} chez {company_name}".into(),
        body: "<p>Bonjour {candidate_first_name}, poste {job_title}</p>".into(),
        is_default,
    }
}

fn new(company: CompanyId, author: UserId, d: TemplateDraft) -> NewTemplate {
    NewTemplate {
        company,
        author,
        draft: d,
        is_active: true,
        now: at(5),
    }
}

fn notice(to: UserId) -> NewNotification {
    NewNotification {
        user_id: to,
        kind: NotificationKind::StatusChange,
        title: "t".into(),
        message: "m".into(),
        related_job_id: None,
        related_application_id: None,
    }
}

/// `(kind, to, subject, text, html)` of every queued mail, oldest first.
type Mail = (String, String, String, String, Option<String>);

async fn mails(db: &Database) -> Vec<Mail> {
    with_conn(db, |c| {
        mail_outbox::table
            .order(mail_outbox::id)
            .select((
                mail_outbox::kind,
                mail_outbox::to_address,
                mail_outbox::subject,
                mail_outbox::text_body,
                mail_outbox::html_body,
            ))
            .load(c)
    })
    .await
}

async fn templates_keep_one_default_per_type_and_stay_in_their_company(test_db: TestDb) {
    let db = migrated(&test_db);
    let r = Repos::new(db.clone());
    let (boss, _, acme) = r.employer("boss@acme.fr", "Acme").await;
    let (_, _, rival) = r.employer("boss@rival.fr", "Rival").await;
    let repo = DieselEmailTemplateRepository::new(db.clone());
    let kind = TemplateType::InterviewInvitation;
    let first = repo
        .create(new(acme, boss, draft(kind, "A", true)))
        .await
        .unwrap();
    let second = repo
        .create(new(acme, boss, draft(kind, "B", true)))
        .await
        .unwrap();
    let first = repo.find(acme, first.id).await.unwrap().unwrap();
    assert!(!first.is_default && second.is_default);
    assert_eq!(second.created_by, Some(boss));
    // Making the first the default again through a patch moves the flag back.
    let patch = TemplatePatch {
        is_default: Some(true),
        name: Some("A2".into()),
        ..TemplatePatch::default()
    };
    let patched = repo
        .update(acme, first.id, patch, at(9))
        .await
        .unwrap()
        .unwrap();
    assert!(patched.is_default && patched.name == "A2" && patched.updated_at == at(9));
    assert!(
        !repo
            .find(acme, second.id)
            .await
            .unwrap()
            .unwrap()
            .is_default
    );
    // Another company sees, changes and deletes nothing.
    assert!(repo.find(rival, first.id).await.unwrap().is_none());
    let patch = TemplatePatch {
        name: Some("x".into()),
        ..TemplatePatch::default()
    };
    assert!(
        repo.update(rival, first.id, patch, at(9))
            .await
            .unwrap()
            .is_none()
    );
    assert!(!repo.delete(rival, first.id).await.unwrap());
    assert!(repo.list(rival, None, None).await.unwrap().is_empty());
    // Lists: defaults first within a type; filters.
    let other = draft(TemplateType::Custom, "C", false);
    repo.create(new(acme, boss, other)).await.unwrap();
    let all = repo.list(acme, None, None).await.unwrap();
    let names: Vec<_> = all.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["C", "A2", "B"]);
    let only = repo.list(acme, Some(kind), None).await.unwrap();
    assert_eq!(only.len(), 2);
    let mut types = repo.types_in_use(acme).await.unwrap();
    types.sort_by_key(|t| t.as_str());
    assert_eq!(
        types,
        [TemplateType::Custom, TemplateType::InterviewInvitation]
    );
    let before = db.statement_count();
    let usage = repo.usage(acme).await.unwrap();
    assert!(db.statement_count() - before <= 2);
    assert_eq!((usage.total, usage.active, usage.total_usage), (3, 3, 0));
    assert!(repo.delete(acme, second.id).await.unwrap());
    assert!(repo.find(acme, second.id).await.unwrap().is_none());
    assert!(repo.find(acme, TemplateId(999)).await.unwrap().is_none());
}

async fn candidate_mails_are_queued_with_their_change(test_db: TestDb) {
    let db = migrated(&test_db);
    let r = Repos::new(db.clone());
    let boss = r.employer("boss@acme.fr", "Acme").await;
    let job = r.job(boss, fields("Dev <Rust>")).await.job.id;
    let (user, cand) = r.candidate("awa@example.com").await;
    let apps = DieselApplicationRepository::new(db.clone());
    let templates = DieselEmailTemplateRepository::new(db.clone());
    let kind = TemplateType::InterviewInvitation;
    let tpl = templates
        .create(new(boss.2, boss.0, draft(kind, "Mine", true)))
        .await
        .unwrap();
    let apply = NewApplication {
        job_id: job,
        candidate_id: CandidateId(cand),
        cover_letter: None,
        cv: None,
        source_ref: None,
        actor: user,
        now: at(10),
        candidate_mail: Some(TemplateType::ApplicationReceived),
    };
    let created = apps.create(apply.clone(), notice(boss.0)).await.unwrap();
    // A second application fails whole: no second mail.
    let again = apps.create(apply, notice(boss.0)).await;
    assert!(matches!(again, Err(CreateApplicationError::AlreadyApplied)));
    let got = mails(&db).await;
    assert_eq!(got.len(), 1);
    let (kind0, to, subject, text, html) = &got[0];
    assert_eq!(
        (kind0.as_str(), to.as_str()),
        ("application_received", "awa@example.com")
    );
    assert!(subject.contains("Dev <Rust>"), "{subject}");
    assert!(text.contains("Dev <Rust>"), "{text}");
    assert!(html.as_deref().unwrap().contains("Dev &lt;Rust&gt;"));

    let update = |status, candidate_mail| StatusUpdate {
        status,
        actor: boss.0,
        at: at(20),
        candidate_mail,
    };
    let id = created.id;
    let interview = ApplicationStatus::Interview;
    let mail = TemplateType::for_status(interview);
    apps.change_status(id, update(interview, mail), notice(user))
        .await
        .unwrap();
    // The same status again writes nothing, mail included.
    apps.change_status(id, update(interview, mail), notice(user))
        .await
        .unwrap();
    // An application that does not exist queues nothing.
    let gone = apps
        .change_status(ApplicationId(999), update(interview, mail), notice(user))
        .await
        .unwrap();
    assert!(gone.is_none());
    let got = mails(&db).await;
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].0, "interview_invitation");
    assert_eq!(got[1].2, "Entretien Dev <Rust> chez Acme");
    let used = templates.find(boss.2, tpl.id).await.unwrap().unwrap();
    assert_eq!((used.usage_count, used.last_used_at), (1, Some(at(20))));
    // Without a company template of the type, the built-in one.
    let rejected = ApplicationStatus::Rejected;
    let mail = TemplateType::for_status(rejected);
    apps.change_status(id, update(rejected, mail), notice(user))
        .await
        .unwrap();
    let got = mails(&db).await;
    assert_eq!(got[2].0, "application_rejected");
    assert!(got[2].3.starts_with("Bonjour "), "{}", got[2].3);
}

async fn a_quick_message_is_one_plain_mail_with_its_status_change(test_db: TestDb) {
    let db = migrated(&test_db);
    let r = Repos::new(db.clone());
    let boss = r.employer("boss@acme.fr", "Acme").await;
    let job = r.job(boss, fields("Dev")).await.job.id.get();
    let (user, cand) = r.candidate("awa@example.com").await;
    let app = ApplicationId(r.apply(job, cand).await);
    let apps = DieselApplicationRepository::new(db.clone());
    let message = QuickMessage {
        subject: "Entretien".into(),
        text: "<script>alert(1)</script>".into(),
    };
    let update = StatusUpdate {
        status: ApplicationStatus::Interview,
        actor: boss.0,
        at: at(30),
        candidate_mail: None,
    };
    let sent = apps
        .quick_message(app, update, notice(user), message.clone())
        .await
        .unwrap();
    assert_eq!(sent, Some(true));
    let got = mails(&db).await;
    assert_eq!(got.len(), 1, "the message only, no template mail");
    assert_eq!(
        got[0],
        (
            "quick_message".to_owned(),
            "awa@example.com".to_owned(),
            "Entretien".to_owned(),
            "<script>alert(1)</script>".to_owned(),
            None
        )
    );
    let filter = format!("application_id = {} AND to_status = 'interview'", app.get());
    assert_eq!(count(&db, "application_status_history", &filter).await, 1);
    // The same status again: the mail only. A missing application: nothing.
    let sent = apps
        .quick_message(app, update, notice(user), message.clone())
        .await
        .unwrap();
    assert_eq!(sent, Some(false));
    assert_eq!(count(&db, "application_status_history", &filter).await, 1);
    let gone = apps
        .quick_message(ApplicationId(999), update, notice(user), message)
        .await
        .unwrap();
    assert_eq!(gone, None);
    assert_eq!(mails(&db).await.len(), 2);
}

intowork_testkit::test_both_backends!(
    templates_keep_one_default_per_type_and_stay_in_their_company,
    candidate_mails_are_queued_with_their_change,
    a_quick_message_is_one_plain_mail_with_its_status_change,
);
