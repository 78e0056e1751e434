use std::sync::Arc;

use chrono::{TimeZone, Utc};

use super::*;
use crate::application::ApplicationStatus;
use crate::company::{Employer, MockCompanyRepository};
use crate::ids::{CompanyId, EmployerId, UserId};
use crate::mail::MailKind;
use crate::ports::MockClock;

fn employer(company: Option<i64>) -> Employer {
    Employer {
        id: EmployerId(5),
        user_id: UserId(50),
        company_id: company.map(CompanyId),
        position: None,
        department: None,
        phone: None,
        can_create_jobs: true,
        can_manage_candidates: true,
        is_admin: false,
    }
}

fn service(templates: MockEmailTemplateRepository, company: Option<i64>) -> EmailTemplateService {
    let mut companies = MockCompanyRepository::new();
    companies
        .expect_employer_by_user()
        .returning(move |_| Ok(Some(employer(company))));
    let mut clock = MockClock::new();
    clock
        .expect_now()
        .returning(|| Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap());
    EmailTemplateService::new(Arc::new(templates), Arc::new(companies), Arc::new(clock))
}

fn draft(subject: &str, body: &str) -> TemplateDraft {
    TemplateDraft {
        name: "Relance".into(),
        kind: TemplateType::Custom,
        subject: subject.into(),
        body: body.into(),
        is_default: false,
    }
}

fn ctx() -> MailContext {
    MailContext {
        candidate_first_name: "Awa".into(),
        candidate_last_name: "<b>Diallo</b>".into(),
        candidate_email: "awa@example.com".into(),
        job_title: "Dev & Ops".into(),
        job_location: Some("Dakar".into()),
        company_name: "Acme".into(),
        recruiter_name: "Jean Dupont".into(),
        recruiter_email: "jean@acme.test".into(),
        status: ApplicationStatus::Interview,
        applied_at: Utc.with_ymd_and_hms(2026, 2, 3, 9, 0, 0).unwrap(),
    }
}

#[test]
fn an_unknown_variable_is_named_as_written() {
    assert_eq!(
        check_variables("Bonjour {candidate_name}, {not_a_variable} !"),
        Err("{not_a_variable}".to_owned())
    );
    assert_eq!(check_variables("p { color: red } {job_title} {"), Ok(()));
}

#[test]
fn every_built_in_template_uses_known_variables_only_and_is_french() {
    for t in BUILT_IN {
        assert_eq!(check_variables(t.subject), Ok(()), "{}", t.name);
        assert_eq!(check_variables(t.body), Ok(()), "{}", t.name);
        assert!(t.body.contains("Bonjour"), "{}", t.name);
    }
    for kind in [
        TemplateType::ApplicationReceived,
        TemplateType::InterviewInvitation,
        TemplateType::ApplicationRejected,
        TemplateType::OfferLetter,
    ] {
        assert!(built_in(kind).is_some(), "{kind:?}");
    }
}

#[test]
fn types_round_trip_and_name_their_mail_kind() {
    for t in TemplateType::ALL {
        assert_eq!(TemplateType::parse(t.as_str()), Some(t));
        assert_eq!(t.mail_kind().as_str(), t.as_str());
    }
    assert_eq!(TemplateType::parse("OFFER"), None);
}

#[test]
fn statuses_that_send_a_mail() {
    use ApplicationStatus as S;
    assert_eq!(
        TemplateType::for_status(S::Interview),
        Some(TemplateType::InterviewInvitation)
    );
    assert_eq!(
        TemplateType::for_status(S::Rejected),
        Some(TemplateType::ApplicationRejected)
    );
    assert_eq!(
        TemplateType::for_status(S::Accepted),
        Some(TemplateType::OfferLetter)
    );
    for s in [S::Applied, S::Viewed, S::Shortlisted] {
        assert_eq!(TemplateType::for_status(s), None);
    }
}

#[test]
fn variables_are_escaped_in_html_and_plain_in_text() {
    let mail = compose_candidate_mail(
        TemplateType::InterviewInvitation,
        Some((
            "Entretien {job_title}",
            "<p>Bonjour {candidate_name},</p><p>Poste : {job_title} le {interview_date}</p>",
        )),
        &ctx(),
    )
    .unwrap();
    assert_eq!(mail.kind, MailKind::parse("interview_invitation").unwrap());
    assert_eq!(mail.to, "awa@example.com");
    assert_eq!(mail.subject, "Entretien Dev & Ops");
    let html = mail.html.unwrap();
    assert!(
        html.contains("Bonjour Awa &lt;b&gt;Diallo&lt;/b&gt;,"),
        "{html}"
    );
    assert!(html.contains("Dev &amp; Ops le à convenir"), "{html}");
    assert_eq!(
        mail.text,
        "Bonjour Awa <b>Diallo</b>,\n\nPoste : Dev & Ops le à convenir"
    );
}

#[test]
fn without_a_company_template_the_built_in_one_is_used() {
    let mail = compose_candidate_mail(TemplateType::ApplicationRejected, None, &ctx()).unwrap();
    assert_eq!(mail.subject, "Votre candidature au poste Dev & Ops");
    assert!(mail.text.starts_with("Bonjour Awa,"), "{}", mail.text);
    assert!(mail.text.ends_with("Jean Dupont\nAcme"), "{}", mail.text);
    assert!(compose_candidate_mail(TemplateType::Custom, None, &ctx()).is_none());
}

#[test]
fn a_subject_stays_one_line() {
    let mut c = ctx();
    c.job_title = "Dev\r\nBcc: x@evil.test".into();
    let mail = compose_candidate_mail(TemplateType::OfferLetter, None, &c).unwrap();
    assert!(!mail.subject.contains('\n') && !mail.subject.contains('\r'));
}

#[tokio::test]
async fn create_refuses_an_unknown_variable_before_writing() {
    let mut repo = MockEmailTemplateRepository::new();
    repo.expect_create().never();
    let got = service(repo, Some(1))
        .create(UserId(50), draft("Bonjour", "{not_a_variable}"))
        .await;
    assert!(matches!(got, Err(TemplateError::UnknownVariable(v)) if v == "{not_a_variable}"));
}

#[tokio::test]
async fn create_needs_a_company() {
    let mut repo = MockEmailTemplateRepository::new();
    repo.expect_create().never();
    let got = service(repo, None)
        .create(UserId(50), draft("Bonjour", "{job_title}"))
        .await;
    assert!(matches!(got, Err(TemplateError::CompanyMissing)));
}

#[tokio::test]
async fn activate_copies_the_built_in_as_the_default() {
    let mut repo = MockEmailTemplateRepository::new();
    repo.expect_create()
        .withf(|new| {
            new.company == CompanyId(1)
                && new.author == UserId(50)
                && new.draft.is_default
                && new.draft.kind == TemplateType::OfferLetter
                && new.draft.subject == built_in(TemplateType::OfferLetter).unwrap().subject
        })
        .returning(|_| Err(crate::RepoError::Internal("x".into())));
    let got = service(repo, Some(1))
        .activate_default(UserId(50), TemplateType::OfferLetter)
        .await;
    assert!(matches!(got, Err(TemplateError::Repo(_))));
}

#[tokio::test]
async fn defaults_mark_the_types_in_use() {
    let mut repo = MockEmailTemplateRepository::new();
    repo.expect_types_in_use()
        .returning(|_| Ok(vec![TemplateType::OfferLetter]));
    let defaults = service(repo, Some(1)).defaults(UserId(50)).await.unwrap();
    assert_eq!(defaults.len(), BUILT_IN.len());
    for d in defaults {
        assert_eq!(d.already_activated, d.kind == TemplateType::OfferLetter);
    }
}

#[tokio::test]
async fn another_company_template_is_not_found() {
    let mut repo = MockEmailTemplateRepository::new();
    repo.expect_update().returning(|_, _, _, _| Ok(None));
    let got = service(repo, Some(1))
        .update(UserId(50), TemplateId(9), TemplatePatch::default())
        .await;
    assert!(matches!(got, Err(TemplateError::NotFound)));
}
