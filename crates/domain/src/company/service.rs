//! The employer's own profile and company: read and update them, create the company.

use std::sync::Arc;

use derive_new::new;
use tracing::{info, instrument};

use super::employer::{Employer, EmployerProfileCommand, EmployerUpdate};
use super::entity::{Company, CompanyPatch, CompanyStats, NewCompany};
use super::error::{CreateCompanyError, EmployerProfileError, MyCompanyError};
use super::port::CompanyRepository;
use crate::error::RepoError;
use crate::ids::CompanyId;
use crate::image::ImageStore;
use crate::ports::Clock;
use crate::user::User;

/// Employers, their company, and onboarding (in `onboarding.rs`).
#[derive(new)]
pub struct CompanyService {
    pub(super) repo: Arc<dyn CompanyRepository>,
    pub(super) clock: Arc<dyn Clock>,
    /// Uploaded logos (`logo.rs`): removed when replaced or when `logo_url` stops pointing at
    /// them.
    pub(super) images: ImageStore,
}

impl CompanyService {
    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn employer_profile(&self, user: &User) -> Result<Employer, EmployerProfileError> {
        self.employer_or(user, EmployerProfileError::NotFound).await
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
            .employer_or(user, CreateCompanyError::EmployerNotFound)
            .await?;
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
        let saved = self
            .repo
            .save_company(patch.apply(current), self.clock.now())
            .await?
            .ok_or(MyCompanyError::CompanyNotFound)?;
        if let Some(key) = saved.released_logo_key {
            self.images.discard(&key).await;
        }
        Ok(saved.company)
    }

    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn my_company_stats(&self, user: &User) -> Result<CompanyStats, MyCompanyError> {
        let company_id = self.my_company_id(user).await?;
        Ok(self.repo.company_stats(company_id).await?)
    }

    pub(super) async fn my_company_id(&self, user: &User) -> Result<CompanyId, MyCompanyError> {
        self.employer_or(user, MyCompanyError::EmployerNotFound)
            .await?
            .company_id
            .ok_or(MyCompanyError::CompanyNotFound)
    }

    /// The caller's employer profile; `missing`, in the use case's own error, without one.
    pub(super) async fn employer_or<E: From<RepoError>>(
        &self,
        user: &User,
        missing: E,
    ) -> Result<Employer, E> {
        self.repo.employer_by_user(user.id).await?.ok_or(missing)
    }
}
