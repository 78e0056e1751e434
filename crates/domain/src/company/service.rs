//! The employer, company and onboarding use cases.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tracing::{info, instrument};

use super::*;
use crate::error::RepoError;
use crate::ids::CompanyId;
use crate::ports::Clock;
use crate::user::{Role, User};

pub struct CompanyService {
    repo: Arc<dyn CompanyRepository>,
    clock: Arc<dyn Clock>,
}

impl CompanyService {
    pub fn new(repo: Arc<dyn CompanyRepository>, clock: Arc<dyn Clock>) -> Self {
        Self { repo, clock }
    }

    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn employer_profile(&self, user: &User) -> Result<Employer, EmployerProfileError> {
        self.repo
            .employer_by_user(user.id)
            .await?
            .ok_or(EmployerProfileError::NotFound)
    }

    /// Applies the non-null fields. A `company_id` other than the current one is refused: 404 if
    /// no such company exists, 403 otherwise (never attaching to someone else's company, A1).
    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn update_employer_profile(
        &self,
        user: &User,
        cmd: EmployerProfileCommand,
    ) -> Result<Employer, EmployerProfileError> {
        let employer = self.employer_profile(user).await?;
        if let Some(wanted) = cmd.company_id
            && employer.company_id != Some(wanted)
        {
            return match self.repo.find_company(wanted).await? {
                None => Err(EmployerProfileError::CompanyNotFound),
                Some(_) => Err(EmployerProfileError::CompanyForbidden),
            };
        }
        self.repo
            .update_employer(employer.id, cmd.fields, self.clock.now())
            .await?
            .ok_or(EmployerProfileError::NotFound)
    }

    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn create_company(
        &self,
        user: &User,
        new: NewCompany,
    ) -> Result<Company, CreateCompanyError> {
        let employer = self
            .repo
            .employer_by_user(user.id)
            .await?
            .ok_or(CreateCompanyError::EmployerNotFound)?;
        if employer.company_id.is_some() {
            return Err(CreateCompanyError::AlreadyHasCompany);
        }
        let (_, company) = self
            .repo
            .register_employer(
                employer.id,
                EmployerUpdate::default(),
                Some(new),
                self.clock.now(),
            )
            .await?;
        let company = company
            .ok_or_else(|| RepoError::Internal("company insert returned no company".to_owned()))?;
        info!(company_id = %company.id, "company created and attached");
        Ok(company)
    }

    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn my_company(&self, user: &User) -> Result<Company, MyCompanyError> {
        let company_id = self.my_company_id(user).await?;
        self.repo
            .find_company(company_id)
            .await?
            .ok_or(MyCompanyError::CompanyNotFound)
    }

    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn update_my_company(
        &self,
        user: &User,
        patch: CompanyPatch,
    ) -> Result<Company, MyCompanyError> {
        let current = self.my_company(user).await?;
        self.repo
            .save_company(patch.apply(current), self.clock.now())
            .await?
            .ok_or(MyCompanyError::CompanyNotFound)
    }

    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn my_company_stats(&self, user: &User) -> Result<CompanyStats, MyCompanyError> {
        let company_id = self.my_company_id(user).await?;
        Ok(self.repo.company_stats(company_id).await?)
    }

    async fn my_company_id(&self, user: &User) -> Result<CompanyId, MyCompanyError> {
        self.repo
            .employer_by_user(user.id)
            .await?
            .ok_or(MyCompanyError::EmployerNotFound)?
            .company_id
            .ok_or(MyCompanyError::CompanyNotFound)
    }

    /// Onboarding (9.14): the account's stored role decides what is written; a body `role` that
    /// names another role is refused.
    #[instrument(skip_all, fields(user_id = %user.id, role = user.role.as_str()))]
    pub async fn complete_registration(
        &self,
        user: &User,
        cmd: CompleteRegistrationCommand,
    ) -> Result<Registration, CompleteRegistrationError> {
        if let Some(role) = &cmd.role
            && Role::parse(role) != Some(user.role)
        {
            return Err(CompleteRegistrationError::RoleMismatch);
        }
        let now = self.clock.now();
        match user.role {
            Role::Candidate => {
                let contact = CandidateContact {
                    phone: cmd.phone,
                    location: cmd.location,
                    title: cmd.title,
                };
                let profile = self
                    .repo
                    .update_candidate_contact(user.id, contact, now)
                    .await?
                    .ok_or(CompleteRegistrationError::ProfileNotFound)?;
                Ok(Registration::Candidate(profile))
            }
            Role::Employer => self.register_employer(user, cmd, now).await,
            Role::Admin => Ok(Registration::Admin),
        }
    }

    async fn register_employer(
        &self,
        user: &User,
        cmd: CompleteRegistrationCommand,
        now: DateTime<Utc>,
    ) -> Result<Registration, CompleteRegistrationError> {
        let employer = self
            .repo
            .employer_by_user(user.id)
            .await?
            .ok_or(CompleteRegistrationError::ProfileNotFound)?;
        // No company name: only the employer's own fields are written.
        let company = match cmd.company_name {
            Some(name) => Some(NewCompany {
                name: CompanyName::parse(name)
                    .map_err(|_| CompleteRegistrationError::EmptyCompanyName)?,
                details: CompanyDetails {
                    industry: cmd.company_industry,
                    ..CompanyDetails::default()
                },
            }),
            None => None,
        };
        let update = EmployerUpdate {
            position: cmd.position,
            department: None,
            phone: cmd.phone,
        };
        let (employer, company) = self
            .repo
            .register_employer(employer.id, update, company, now)
            .await
            .map_err(|e| match e {
                RegisterEmployerError::AlreadyHasCompany => {
                    CompleteRegistrationError::AlreadyHasCompany
                }
                RegisterEmployerError::EmployerNotFound => {
                    CompleteRegistrationError::ProfileNotFound
                }
                RegisterEmployerError::Repo(e) => CompleteRegistrationError::Repo(e),
            })?;
        // Without a new company, answer with the one already attached, if any.
        let company = match (company, employer.company_id) {
            (Some(c), _) => Some(c),
            (None, Some(id)) => self.repo.find_company(id).await?,
            (None, None) => None,
        };
        Ok(Registration::Employer { employer, company })
    }
}
