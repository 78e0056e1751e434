//! Unit tests of the job rules and service tests of the job use cases.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::company::{Employer, MockCompanyRepository};
use crate::ids::{CompanyId, EmployerId, JobId, UserId};
use crate::ports::MockClock;
use crate::user::{Role, User};

pub(super) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

pub(super) fn user(id: i64, role: Role) -> User {
    User {
        id: UserId(id),
        email: format!("u{id}@example.com"),
        role,
        first_name: "A".into(),
        last_name: "B".into(),
        name: None,
        image: None,
        is_active: true,
        token_version: 0,
        password_hash: None,
        created_at: now(),
        updated_at: now(),
    }
}

pub(super) fn employer(id: i64, user: i64, company: Option<i64>) -> Employer {
    Employer {
        id: EmployerId(id),
        user_id: UserId(user),
        company_id: company.map(CompanyId),
        position: None,
        department: None,
        phone: None,
        can_create_jobs: true,
        can_manage_candidates: true,
        is_admin: false,
    }
}

pub(super) fn fields() -> JobFields {
    JobFields {
        title: "Développeur".into(),
        description: "Rust".into(),
        requirements: Some("req".into()),
        responsibilities: Some("resp".into()),
        benefits: Some("ben".into()),
        job_type: JobType::FullTime,
        location_type: LocationType::Remote,
        location: Some("Paris".into()),
        salary_min: Some(40_000),
        salary_max: Some(60_000),
        currency: "EUR".into(),
    }
}

pub(super) fn job(id: i64, employer: i64, status: JobStatus) -> Job {
    Job {
        id: JobId(id),
        employer_id: EmployerId(employer),
        company_id: CompanyId(1),
        fields: fields(),
        status,
        is_featured: false,
        views_count: 4,
        applications_count: 0,
        posted_at: Some(now()),
        created_at: now(),
        updated_at: now(),
    }
}

pub(super) fn listing(job: Job, owner: i64, active: bool) -> JobListing {
    JobListing {
        job,
        company: JobCompany::default(),
        has_applied: false,
        owner_user_id: UserId(owner),
        owner_active: active,
    }
}

pub(super) fn service(jobs: MockJobRepository, companies: MockCompanyRepository) -> JobService {
    let mut clock = MockClock::new();
    clock.expect_now().returning(now);
    JobService::new(Arc::new(jobs), Arc::new(companies), Arc::new(clock))
}

/// Users 10 and 20 are employers 1 and 2.
pub(super) fn two_employers() -> MockCompanyRepository {
    let mut c = MockCompanyRepository::new();
    c.expect_employer_by_user().returning(|u| {
        Ok(match u.get() {
            10 => Some(employer(1, 10, Some(1))),
            20 => Some(employer(2, 20, Some(2))),
            _ => None,
        })
    });
    c
}

#[test]
fn enums_parse_exact_values_only() {
    assert_eq!(JobType::parse("full_time"), Some(JobType::FullTime));
    assert_eq!(JobType::parse("FULL_TIME"), None);
    assert_eq!(LocationType::parse("on_site"), Some(LocationType::OnSite));
    assert_eq!(JobStatus::parse("archived"), Some(JobStatus::Archived));
}

#[test]
fn descriptions_are_cut_at_300_code_points() {
    let exact = "é".repeat(300);
    assert_eq!(truncate_description(&exact), exact);
    let long = "é".repeat(301);
    assert_eq!(
        truncate_description(&long),
        format!("{}...", "é".repeat(300))
    );
}

#[test]
fn salary_range_needs_both_non_zero() {
    assert_eq!(
        salary_range(Some(40_000), Some(60_000), "EUR").as_deref(),
        Some("40,000 - 60,000 EUR")
    );
    assert_eq!(
        salary_range(Some(1_234_567), Some(999), "XOF").as_deref(),
        Some("1,234,567 - 999 XOF")
    );
    assert_eq!(salary_range(Some(0), Some(10), "EUR"), None);
    assert_eq!(salary_range(None, Some(10), "EUR"), None);
}

#[test]
fn paging_arithmetic() {
    let p = Paging { page: 3, limit: 10 };
    assert_eq!(p.offset(), 20);
    assert_eq!(p.total_pages(0), 0);
    assert_eq!(p.total_pages(21), 3);
    assert_eq!(
        Paging {
            page: i64::MAX,
            limit: 50
        }
        .offset(),
        i64::MAX
    );
}

#[tokio::test]
async fn public_list_normalises_and_ignores_unknown_filters() {
    let mut jobs = MockJobRepository::new();
    jobs.expect_list_public()
        .withf(|q| {
            q.text.as_deref() == Some("developpeur")
                && q.location.as_deref() == Some("ile")
                && q.job_type.is_none()
                && q.location_type == Some(LocationType::Hybrid)
                && q.salary_min.is_none()
                && q.viewer == Some(UserId(5))
        })
        .returning(|_| Ok(JobPage::default()));
    let s = PublicJobSearch {
        paging: Paging { page: 1, limit: 10 },
        search: Some("DÉVELOPPEUR".into()),
        location: Some("Île".into()),
        job_type: Some("freelance".into()),
        location_type: Some("hybrid".into()),
        salary_min: Some(0),
    };
    service(jobs, MockCompanyRepository::new())
        .list_public(Some(&user(5, Role::Candidate)), s)
        .await
        .unwrap();
}

#[tokio::test]
async fn has_applied_is_not_asked_for_employers() {
    let mut jobs = MockJobRepository::new();
    jobs.expect_list_public()
        .withf(|q| q.viewer.is_none())
        .returning(|_| Ok(JobPage::default()));
    let s = PublicJobSearch {
        paging: Paging { page: 1, limit: 10 },
        search: None,
        location: None,
        job_type: None,
        location_type: None,
        salary_min: None,
    };
    service(jobs, MockCompanyRepository::new())
        .list_public(Some(&user(10, Role::Employer)), s)
        .await
        .unwrap();
}

fn create_cmd(location_type: &str, job_type: &str) -> CreateJobCommand {
    CreateJobCommand {
        title: "T".into(),
        description: "D".into(),
        location: None,
        location_type: location_type.into(),
        job_type: job_type.into(),
        salary_min: None,
        salary_max: None,
        currency: "XOF".into(),
        requirements: None,
        responsibilities: None,
        benefits: None,
    }
}

#[tokio::test]
async fn create_checks_company_before_enums_and_location_type_first() {
    let mut companies = MockCompanyRepository::new();
    companies
        .expect_employer_by_user()
        .returning(|u| Ok(Some(employer(1, u.get(), (u.get() == 10).then_some(1)))));
    let mut jobs = MockJobRepository::new();
    jobs.expect_create().never();
    let svc = service(jobs, companies);
    let err = svc
        .create(&user(11, Role::Employer), create_cmd("moon", "gig"))
        .await
        .unwrap_err();
    assert!(matches!(err, CreateJobError::CompanyNotFound));
    let err = svc
        .create(&user(10, Role::Employer), create_cmd("moon", "gig"))
        .await
        .unwrap_err();
    assert!(matches!(err, CreateJobError::InvalidLocationType(v) if v == "moon"));
    let err = svc
        .create(&user(10, Role::Employer), create_cmd("remote", "gig"))
        .await
        .unwrap_err();
    assert!(matches!(err, CreateJobError::InvalidJobType(v) if v == "gig"));
}

#[tokio::test]
async fn update_keeps_absent_fields_and_clears_explicit_nulls() {
    let mut jobs = MockJobRepository::new();
    jobs.expect_find()
        .returning(|id| Ok(Some(job(id.get(), 1, JobStatus::Published))));
    jobs.expect_update()
        .withf(|_, f, _| {
            f.requirements.as_deref() == Some("req")
                && f.benefits.as_deref() == Some("ben")
                && f.location.is_none()
                && f.salary_min == Some(1)
                && f.salary_max == Some(60_000)
                && f.title == "New"
        })
        .returning(|id, fields, _| {
            let mut j = job(id.get(), 1, JobStatus::Published);
            j.fields = fields;
            Ok(Some(listing(j, 10, true)))
        });
    let cmd = UpdateJobCommand {
        title: "New".into(),
        description: "D".into(),
        location_type: "remote".into(),
        job_type: "contract".into(),
        currency: "EUR".into(),
        location: Some(None),
        salary_min: Some(Some(1)),
        salary_max: None,
        requirements: None,
        responsibilities: None,
        benefits: None,
    };
    let l = service(jobs, two_employers())
        .update(&user(10, Role::Employer), JobId(7), cmd)
        .await
        .unwrap();
    assert_eq!(l.job.fields.job_type, JobType::Contract);
}

#[tokio::test]
async fn another_employers_job_is_not_found_for_update_and_delete() {
    let mut jobs = MockJobRepository::new();
    jobs.expect_find()
        .returning(|id| Ok(Some(job(id.get(), 1, JobStatus::Published))));
    jobs.expect_update().never();
    jobs.expect_applicants().never();
    jobs.expect_delete().never();
    jobs.expect_archive().never();
    let svc = service(jobs, two_employers());
    let rival = user(20, Role::Employer);
    let cmd = UpdateJobCommand {
        title: "x".into(),
        description: "x".into(),
        location_type: "nope".into(),
        job_type: "nope".into(),
        currency: "EUR".into(),
        location: None,
        salary_min: None,
        salary_max: None,
        requirements: None,
        responsibilities: None,
        benefits: None,
    };
    // 404 even with invalid enums: existence is not revealed (A6).
    assert!(matches!(
        svc.update(&rival, JobId(7), cmd).await.unwrap_err(),
        UpdateJobError::NotFound
    ));
    assert!(matches!(
        svc.delete(&rival, JobId(7)).await.unwrap_err(),
        DeleteJobError::NotFound
    ));
}

#[tokio::test]
async fn detail_visibility_and_view_count() {
    let mut jobs = MockJobRepository::new();
    jobs.expect_find_listing().returning(|id, _| {
        Ok(Some(match id.get() {
            1 => listing(job(1, 1, JobStatus::Published), 10, true),
            2 => listing(job(2, 1, JobStatus::Archived), 10, true),
            _ => listing(job(3, 1, JobStatus::Published), 10, false),
        }))
    });
    jobs.expect_record_view().returning(|_| Ok(Some(5)));
    let svc = service(jobs, MockCompanyRepository::new());
    let owner = user(10, Role::Employer);
    let other = user(20, Role::Employer);
    let l = svc.view(None, JobId(1)).await.unwrap();
    assert_eq!(l.job.views_count, 5);
    assert!(matches!(
        svc.view(Some(&other), JobId(2)).await,
        Err(ViewJobError::NotFound)
    ));
    assert!(svc.view(Some(&owner), JobId(2)).await.is_ok());
    // A deactivated employer's job is hidden from the public.
    assert!(matches!(
        svc.view(None, JobId(3)).await,
        Err(ViewJobError::NotFound)
    ));
}
