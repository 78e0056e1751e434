//! Fixtures for the company and job contract tests: employers with a company, candidates, and jobs
//! created through the repositories under test.

use chrono::{DateTime, Utc};
use intowork_domain::company::{
    CompanyDetails, CompanyName, CompanyRepository, EmployerUpdate, NewCompany,
};
use intowork_domain::job::{
    CodeMatch, Job, JobFields, JobListing, JobRemovalPlan, JobRepository, JobSections, JobStatus,
    JobType, LocationType, NewJob, Paging, PublicJobQuery,
};
use intowork_domain::ports::{Commit, UserRepository};
use intowork_domain::user::Role;
use intowork_domain::{CompanyId, EmployerId, UserId};
use intowork_storage::{
    Database, DieselCompanyRepository, DieselJobRepository, DieselUserRepository,
};

use crate::support::*;

/// A job published at `posted_at`, as the job service decides it.
pub fn published(
    employer: EmployerId,
    company: CompanyId,
    fields: JobFields,
    posted_at: DateTime<Utc>,
) -> NewJob {
    NewJob {
        employer_id: employer,
        company_id: company,
        fields,
        status: JobStatus::Published,
        posted_at,
    }
}

pub struct Repos {
    pub db: Database,
    pub users: DieselUserRepository,
    pub companies: DieselCompanyRepository,
    pub jobs: DieselJobRepository,
}

impl Repos {
    pub fn new(db: Database) -> Repos {
        Repos {
            users: DieselUserRepository::new(db.clone()),
            companies: DieselCompanyRepository::new(db.clone()),
            jobs: DieselJobRepository::new(db.clone()),
            db,
        }
    }

    /// An employer user with an attached company.
    pub async fn employer(&self, email: &str, company: &str) -> (UserId, EmployerId, CompanyId) {
        let user = self
            .users
            .create_with_profile(new_user(email, Role::Employer))
            .await
            .unwrap();
        let employer = self
            .companies
            .employer_by_user(user.id)
            .await
            .unwrap()
            .unwrap();
        let new = NewCompany {
            name: CompanyName::parse(company.to_owned()).unwrap(),
            details: CompanyDetails::default(),
        };
        let (_, c) = self
            .companies
            .register_employer(employer.id, EmployerUpdate::default(), Some(new), at(1))
            .await
            .unwrap();
        (user.id, employer.id, c.unwrap().id)
    }

    /// A candidate user; returns the user id and candidate id.
    pub async fn candidate(&self, email: &str) -> (UserId, i64) {
        let user = self
            .users
            .create_with_profile(new_user(email, Role::Candidate))
            .await
            .unwrap();
        let uid = user.id.get();
        let cid = with_conn(&self.db, move |c| candidate_id(c, uid)).await;
        (user.id, cid)
    }

    pub async fn job(&self, e: (UserId, EmployerId, CompanyId), f: JobFields) -> JobListing {
        self.jobs
            .create(published(e.1, e.2, f, at(10)))
            .await
            .unwrap()
    }

    pub async fn apply(&self, job: i64, candidate: i64) -> i64 {
        with_conn(&self.db, move |c| application(c, job, candidate, None)).await
    }

    /// Archives (or deletes) the job as the domain decides it, at `at(30)`.
    pub async fn archive(&self, job: &Job) {
        let applicants = self.jobs.applicants(job.id).await.unwrap();
        let commit = match JobRemovalPlan::decide(job, &applicants, at(30)) {
            JobRemovalPlan::Delete(id) => self.jobs.delete(id).await,
            JobRemovalPlan::Archive(work) => self.jobs.archive(work).await,
        };
        assert_eq!(commit.unwrap(), Commit::Done(()));
    }

    pub async fn titles(&self, q: PublicJobQuery) -> Vec<String> {
        let page = self.jobs.list_public(q).await.unwrap();
        page.items.into_iter().map(|l| l.title).collect()
    }
}

pub fn fields(title: &str) -> JobFields {
    JobFields {
        title: title.to_owned(),
        description: "Une belle offre".to_owned(),
        requirements: None,
        responsibilities: None,
        benefits: None,
        job_type: JobType::FullTime,
        location_type: LocationType::Remote,
        location: None,
        salary_min: None,
        salary_max: None,
        currency: "EUR".to_owned(),
        sections: JobSections::default(),
        country: None,
        zone: None,
        language: None,
    }
}

pub fn public(text: Option<&str>) -> PublicJobQuery {
    PublicJobQuery {
        paging: Paging { page: 1, limit: 50 },
        text: text.map(intowork_domain::search::normalize),
        location: None,
        job_type: None,
        location_type: None,
        salary_min: None,
        codes: CodeMatch::default(),
        viewer: None,
    }
}
