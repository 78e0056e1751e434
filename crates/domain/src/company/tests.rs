//! Service tests for employers, companies and onboarding, against mockall doubles.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use mockall::predicate::eq;

use super::*;
use crate::files::MockFileStore;
use crate::ids::{CandidateId, CompanyId, EmployerId, UserId};
use crate::image::{ImageStore, MockImageKeys};
use crate::ports::MockClock;
use crate::user::{Role, User};

pub(super) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

pub(super) fn user(role: Role) -> User {
    User {
        id: UserId(7),
        email: "boss@example.com".into(),
        role,
        first_name: "Ada".into(),
        last_name: "L".into(),
        name: None,
        image: None,
        is_active: true,
        token_version: 0,
        password_hash: None,
        created_at: now(),
        updated_at: now(),
    }
}

pub(super) fn employer(company: Option<i64>) -> Employer {
    Employer {
        id: EmployerId(3),
        user_id: UserId(7),
        company_id: company.map(CompanyId),
        position: None,
        department: None,
        phone: None,
        can_create_jobs: true,
        can_manage_candidates: true,
        is_admin: false,
    }
}

pub(super) fn company(id: i64, name: &str) -> Company {
    Company {
        id: CompanyId(id),
        name: name.into(),
        details: CompanyDetails::default(),
    }
}

fn service(repo: MockCompanyRepository) -> CompanyService {
    service_with_files(repo, MockFileStore::new(), MockImageKeys::new())
}

pub(super) fn service_with_files(
    repo: MockCompanyRepository,
    files: MockFileStore,
    keys: MockImageKeys,
) -> CompanyService {
    let mut clock = MockClock::new();
    clock.expect_now().returning(now);
    let images = ImageStore::new(Arc::new(files), Arc::new(keys));
    CompanyService::new(Arc::new(repo), Arc::new(clock), images)
}

fn new_company(name: &str) -> NewCompany {
    NewCompany {
        name: CompanyName::parse(name.into()).unwrap(),
        details: CompanyDetails::default(),
    }
}

#[test]
fn company_names_must_not_be_blank() {
    assert_eq!(CompanyName::parse("".into()), Err(EmptyCompanyName));
    assert_eq!(CompanyName::parse("  ".into()), Err(EmptyCompanyName));
    assert_eq!(CompanyName::parse("Acme".into()).unwrap().as_str(), "Acme");
}

#[test]
fn patch_writes_present_keys_including_null_and_keeps_absent_ones() {
    let mut c = company(1, "Acme");
    c.details.city = Some("Paris".into());
    c.details.size = Some("1-10".into());
    let patch = CompanyPatch {
        name: Some(CompanyName::parse("Acme SA".into()).unwrap()),
        city: Some(None),
        website_url: Some(Some(String::new())),
        ..CompanyPatch::default()
    };
    let after = patch.apply(c);
    assert_eq!(after.name, "Acme SA");
    assert_eq!(after.details.city, None);
    assert_eq!(after.details.website_url, Some(String::new()));
    assert_eq!(after.details.size, Some("1-10".into()));
}

#[tokio::test]
async fn creating_a_company_attaches_it() {
    let mut repo = MockCompanyRepository::new();
    repo.expect_employer_by_user()
        .returning(|_| Ok(Some(employer(None))));
    repo.expect_register_employer()
        .withf(|id, update, company, _| {
            *id == EmployerId(3)
                && *update == EmployerUpdate::default()
                && company.as_ref().is_some_and(|c| c.name.as_str() == "Acme")
        })
        .returning(|_, _, _, _| Ok((employer(Some(9)), Some(company(9, "Acme")))));
    let c = service(repo)
        .create_company(&user(Role::Employer), new_company("Acme"))
        .await
        .unwrap();
    assert_eq!(c.id, CompanyId(9));
}

#[tokio::test]
async fn a_second_company_is_refused_without_writing() {
    let mut repo = MockCompanyRepository::new();
    repo.expect_employer_by_user()
        .returning(|_| Ok(Some(employer(Some(1)))));
    repo.expect_register_employer().never();
    let err = service(repo)
        .create_company(&user(Role::Employer), new_company("Other"))
        .await
        .unwrap_err();
    assert!(matches!(err, CreateCompanyError::AlreadyHasCompany));
}

#[tokio::test]
async fn a_race_lost_inside_the_write_is_also_already_has_company() {
    let mut repo = MockCompanyRepository::new();
    repo.expect_employer_by_user()
        .returning(|_| Ok(Some(employer(None))));
    repo.expect_register_employer()
        .returning(|_, _, _, _| Err(RegisterEmployerError::AlreadyHasCompany));
    let err = service(repo)
        .create_company(&user(Role::Employer), new_company("Other"))
        .await
        .unwrap_err();
    assert!(matches!(err, CreateCompanyError::AlreadyHasCompany));
}

#[tokio::test]
async fn company_id_must_be_the_callers_own() {
    let cmd = |id| EmployerProfileCommand {
        company_id: Some(CompanyId(id)),
        fields: EmployerUpdate::default(),
    };
    // Another employer's company: 403, nothing written.
    let mut repo = MockCompanyRepository::new();
    repo.expect_employer_by_user()
        .returning(|_| Ok(Some(employer(Some(1)))));
    repo.expect_find_company()
        .with(eq(CompanyId(2)))
        .returning(|_| Ok(Some(company(2, "Rival"))));
    repo.expect_find_company()
        .with(eq(CompanyId(404)))
        .returning(|_| Ok(None));
    repo.expect_update_employer().never();
    let svc = service(repo);
    let u = user(Role::Employer);
    assert!(matches!(
        svc.update_employer_profile(&u, cmd(2)).await.unwrap_err(),
        EmployerProfileError::CompanyForbidden
    ));
    assert!(matches!(
        svc.update_employer_profile(&u, cmd(404)).await.unwrap_err(),
        EmployerProfileError::CompanyNotFound
    ));
}

#[tokio::test]
async fn the_current_company_id_is_accepted_and_fields_written() {
    let mut repo = MockCompanyRepository::new();
    repo.expect_employer_by_user()
        .returning(|_| Ok(Some(employer(Some(1)))));
    repo.expect_find_company().never();
    repo.expect_update_employer()
        .withf(|_, u, _| u.position.as_deref() == Some("CTO"))
        .returning(|_, u, _| {
            let mut e = employer(Some(1));
            e.position = u.position;
            Ok(Some(e))
        });
    let cmd = EmployerProfileCommand {
        company_id: Some(CompanyId(1)),
        fields: EmployerUpdate {
            position: Some("CTO".into()),
            ..EmployerUpdate::default()
        },
    };
    let e = service(repo)
        .update_employer_profile(&user(Role::Employer), cmd)
        .await
        .unwrap();
    assert_eq!(e.position.as_deref(), Some("CTO"));
}

#[tokio::test]
async fn my_company_errors_distinguish_employer_and_company() {
    let mut repo = MockCompanyRepository::new();
    repo.expect_employer_by_user().returning(|_| Ok(None));
    let err = service(repo)
        .my_company(&user(Role::Employer))
        .await
        .unwrap_err();
    assert!(matches!(err, MyCompanyError::EmployerNotFound));

    let mut repo = MockCompanyRepository::new();
    repo.expect_employer_by_user()
        .returning(|_| Ok(Some(employer(None))));
    repo.expect_company_stats().never();
    let err = service(repo)
        .my_company_stats(&user(Role::Employer))
        .await
        .unwrap_err();
    assert!(matches!(err, MyCompanyError::CompanyNotFound));
}

#[tokio::test]
async fn registration_refuses_a_different_role() {
    let mut repo = MockCompanyRepository::new();
    repo.expect_update_candidate_contact().never();
    repo.expect_register_employer().never();
    let cmd = CompleteRegistrationCommand {
        role: Some(Role::Employer),
        ..CompleteRegistrationCommand::default()
    };
    let err = service(repo)
        .complete_registration(&user(Role::Candidate), cmd)
        .await
        .unwrap_err();
    assert!(matches!(err, CompleteRegistrationError::RoleMismatch));
}

#[tokio::test]
async fn candidate_registration_writes_contact_fields() {
    let mut repo = MockCompanyRepository::new();
    repo.expect_update_candidate_contact()
        .withf(|u, c, _| *u == UserId(7) && c.title.as_deref() == Some("Dev"))
        .returning(|u, contact, _| {
            Ok(Some(CandidateContactProfile {
                id: CandidateId(4),
                user_id: u,
                contact,
            }))
        });
    let cmd = CompleteRegistrationCommand {
        role: Some(Role::Candidate),
        title: Some("Dev".into()),
        phone: Some("0600".into()),
        ..CompleteRegistrationCommand::default()
    };
    let r = service(repo)
        .complete_registration(&user(Role::Candidate), cmd)
        .await
        .unwrap();
    assert!(matches!(r, Registration::Candidate(p) if p.contact.phone.as_deref() == Some("0600")));
}

#[tokio::test]
async fn employer_registration_creates_the_company_with_position_and_phone() {
    let mut repo = MockCompanyRepository::new();
    repo.expect_employer_by_user()
        .returning(|_| Ok(Some(employer(None))));
    repo.expect_register_employer()
        .withf(|_, u, c, _| {
            u.position.as_deref() == Some("RH")
                && u.phone.as_deref() == Some("01")
                && c.as_ref().is_some_and(|c| {
                    c.name.as_str() == "Acme" && c.details.industry.as_deref() == Some("Tech")
                })
        })
        .returning(|_, _, _, _| Ok((employer(Some(5)), Some(company(5, "Acme")))));
    let cmd = CompleteRegistrationCommand {
        role: Some(Role::Employer),
        company_name: Some("Acme".into()),
        company_industry: Some("Tech".into()),
        position: Some("RH".into()),
        phone: Some("01".into()),
        ..CompleteRegistrationCommand::default()
    };
    let r = service(repo)
        .complete_registration(&user(Role::Employer), cmd)
        .await
        .unwrap();
    assert!(matches!(r, Registration::Employer { company: Some(c), .. } if c.id == CompanyId(5)));
}
