//! Unit tests of the job rules and service tests of the job use cases.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::company::{Employer, MockCompanyRepository};
use crate::files::MockFileStore;
use crate::ids::{CompanyId, EmployerId, JobId, UserId};
use crate::image::{ImageStore, MockImageKeys};
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
        sections: JobSections {
            context: Some("Une PME en croissance".into()),
            profil_autre: Some("Permis B".into()),
            ..JobSections::default()
        },
        country: Some("SN".into()),
        zone: Some("UEMOA".into()),
        language: Some("fr".into()),
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
        image_key: None,
        linkedin_published_at: None,
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
    service_with_images(jobs, companies, MockFileStore::new(), MockImageKeys::new())
}

/// [`service`] whose image store writes through these doubles.
pub(super) fn service_with_images(
    jobs: MockJobRepository,
    companies: MockCompanyRepository,
    files: MockFileStore,
    keys: MockImageKeys,
) -> JobService {
    let mut clock = MockClock::new();
    clock.expect_now().returning(now);
    let images = ImageStore::new(Arc::new(files), Arc::new(keys));
    JobService::new(Arc::new(jobs), Arc::new(companies), Arc::new(clock), images)
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
async fn public_list_normalises_texts_and_passes_the_parsed_filters() {
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
        job_type: None,
        location_type: Some(LocationType::Hybrid),
        salary_min: Some(0),
        codes: CodeFilters::default(),
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
        codes: CodeFilters::default(),
    };
    service(jobs, MockCompanyRepository::new())
        .list_public(Some(&user(10, Role::Employer)), s)
        .await
        .unwrap();
}

fn create_cmd() -> CreateJobCommand {
    let mut fields = fields();
    fields.location_type = LocationType::Remote;
    fields.job_type = JobType::Internship;
    CreateJobCommand { fields }
}

/// An update that sets the required fields and leaves every optional one as it is.
pub(super) fn update_cmd(title: &str) -> UpdateJobCommand {
    UpdateJobCommand {
        title: title.into(),
        description: "D".into(),
        location_type: LocationType::Remote,
        job_type: JobType::Contract,
        currency: "EUR".into(),
        location: None,
        salary_min: None,
        salary_max: None,
        requirements: None,
        responsibilities: None,
        benefits: None,
        sections: JobSectionsPatch::default(),
        country: None,
        zone: None,
        language: None,
    }
}

/// Users 10, 11 are employers with and without a company; user 12 has no employer row.
fn posting_employers() -> MockCompanyRepository {
    let mut companies = MockCompanyRepository::new();
    companies.expect_employer_by_user().returning(|u| {
        Ok((u.get() != 12).then(|| employer(1, u.get(), (u.get() == 10).then_some(1))))
    });
    companies
}

#[tokio::test]
async fn create_needs_an_employer_row_then_a_company() {
    let mut jobs = MockJobRepository::new();
    jobs.expect_create()
        .withf(|new| {
            new.employer_id == EmployerId(1)
                && new.company_id == CompanyId(1)
                && new.status == JobStatus::Published
                && new.posted_at == now()
                && new.fields.location_type == LocationType::Remote
                && new.fields.job_type == JobType::Internship
        })
        .times(1)
        .returning(|new| {
            let mut j = job(9, 1, JobStatus::Published);
            j.fields = new.fields;
            Ok(listing(j, 10, true))
        });
    let svc = service(jobs, posting_employers());
    let err = svc
        .create(&user(12, Role::Employer), create_cmd())
        .await
        .unwrap_err();
    assert!(matches!(err, CreateJobError::EmployerNotFound));
    let err = svc
        .create(&user(11, Role::Employer), create_cmd())
        .await
        .unwrap_err();
    assert!(matches!(err, CreateJobError::CompanyNotFound));
    let created = svc
        .create(&user(10, Role::Employer), create_cmd())
        .await
        .unwrap();
    assert_eq!(created.job.fields.job_type, JobType::Internship);
}

/// What the edge runs before reporting an enum it could not parse (CONTRACT 3.6).
#[tokio::test]
async fn the_posting_checks_alone_write_nothing() {
    let mut jobs = MockJobRepository::new();
    jobs.expect_create().never();
    let svc = service(jobs, posting_employers());
    assert!(matches!(
        svc.check_can_post(&user(12, Role::Employer)).await,
        Err(CreateJobError::EmployerNotFound)
    ));
    assert!(matches!(
        svc.check_can_post(&user(11, Role::Employer)).await,
        Err(CreateJobError::CompanyNotFound)
    ));
    svc.check_can_post(&user(10, Role::Employer)).await.unwrap();
}

/// Missing and other employers' jobs alike are "not found" (A6); the owner passes.
#[tokio::test]
async fn the_edit_checks_alone_write_nothing() {
    let mut jobs = MockJobRepository::new();
    jobs.expect_find()
        .returning(|id| Ok((id.get() == 7).then(|| job(7, 1, JobStatus::Published))));
    jobs.expect_update().never();
    let svc = service(jobs, two_employers());
    let owner = user(10, Role::Employer);
    svc.check_editable(&owner, JobId(7)).await.unwrap();
    for (who, id) in [
        (&owner, 8),
        (&user(20, Role::Employer), 7),
        (&user(30, Role::Employer), 7),
    ] {
        assert!(matches!(
            svc.check_editable(who, JobId(id)).await,
            Err(UpdateJobError::NotFound)
        ));
    }
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
        location: Some(None),
        salary_min: Some(Some(1)),
        ..update_cmd("New")
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
    let cmd = update_cmd("x");
    // 404: existence is not revealed (A6).
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
    // The stored count read with the detail is handed on; the answer is what the port counted.
    jobs.expect_record_view()
        .withf(|_, stored| *stored == 4)
        .returning(|_, stored| Ok(Some(stored + 1)));
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
