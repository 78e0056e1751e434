//! Employers and their company: the employer profile, one company per employer (created and
//! attached in one step, CONTRACT 8.8, 9.15), company stats, and onboarding (`complete-registration`,
//! 9.14). An employer can only ever see or edit the company attached to them.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::error::RepoError;
use crate::ids::{CandidateId, CompanyId, EmployerId, UserId};

/// The optional, free-text fields of a company (CONTRACT 2.7).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompanyDetails {
    pub description: Option<String>,
    pub industry: Option<String>,
    pub size: Option<String>,
    pub website_url: Option<String>,
    pub linkedin_url: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub logo_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Company {
    pub id: CompanyId,
    pub name: String,
    pub details: CompanyDetails,
}

#[derive(Debug, Error, PartialEq, Eq)]
#[error("company name must not be empty")]
pub struct EmptyCompanyName;

/// A company name: never empty or blank (CONTRACT 3.5: `name`, when given, must be a non-empty
/// string).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyName(String);

impl CompanyName {
    pub fn parse(raw: String) -> Result<CompanyName, EmptyCompanyName> {
        if raw.trim().is_empty() {
            Err(EmptyCompanyName)
        } else {
            Ok(CompanyName(raw))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCompany {
    pub name: CompanyName,
    pub details: CompanyDetails,
}

/// A partial update: `None` keeps a field, `Some(None)` clears it, `Some(Some(v))` writes `v`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompanyPatch {
    pub name: Option<CompanyName>,
    pub description: Option<Option<String>>,
    pub industry: Option<Option<String>>,
    pub size: Option<Option<String>>,
    pub website_url: Option<Option<String>>,
    pub linkedin_url: Option<Option<String>>,
    pub address: Option<Option<String>>,
    pub city: Option<Option<String>>,
    pub country: Option<Option<String>>,
    pub logo_url: Option<Option<String>>,
}

impl CompanyPatch {
    /// The company after the patch.
    pub fn apply(self, mut c: Company) -> Company {
        if let Some(name) = self.name {
            c.name = name.0;
        }
        let d = &mut c.details;
        let fields = [
            (self.description, &mut d.description),
            (self.industry, &mut d.industry),
            (self.size, &mut d.size),
            (self.website_url, &mut d.website_url),
            (self.linkedin_url, &mut d.linkedin_url),
            (self.address, &mut d.address),
            (self.city, &mut d.city),
            (self.country, &mut d.country),
            (self.logo_url, &mut d.logo_url),
        ];
        for (patch, slot) in fields {
            if let Some(value) = patch {
                *slot = value;
            }
        }
        c
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Employer {
    pub id: EmployerId,
    pub user_id: UserId,
    pub company_id: Option<CompanyId>,
    pub position: Option<String>,
    pub department: Option<String>,
    pub phone: Option<String>,
    pub can_create_jobs: bool,
    pub can_manage_candidates: bool,
    pub is_admin: bool,
}

/// Employer fields to write; `None` keeps the stored value (the reference applies only non-null
/// values, so a field cannot be cleared through this route).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmployerUpdate {
    pub position: Option<String>,
    pub department: Option<String>,
    pub phone: Option<String>,
}

/// `PUT /api/employers/me`: `company_id` may only name the caller's current company (8.8).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmployerProfileCommand {
    pub company_id: Option<CompanyId>,
    pub fields: EmployerUpdate,
}

/// Company-wide counters (CONTRACT 3.5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompanyStats {
    pub active_jobs: i64,
    pub total_jobs: i64,
    pub total_applications: i64,
    pub total_employers: i64,
}

/// The candidate fields onboarding fills in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CandidateContact {
    pub phone: Option<String>,
    pub location: Option<String>,
    pub title: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CandidateContactProfile {
    pub id: CandidateId,
    pub user_id: UserId,
    pub contact: CandidateContact,
}

/// `POST /api/auth/complete-registration` (9.14). Raw strings: the route checks nothing itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompleteRegistrationCommand {
    pub role: Option<String>,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub title: Option<String>,
    pub company_name: Option<String>,
    pub company_industry: Option<String>,
    pub position: Option<String>,
}

// Built once per onboarding request and returned straight away: boxing buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Registration {
    Candidate(CandidateContactProfile),
    Employer {
        employer: Employer,
        company: Option<Company>,
    },
    /// Admins have no profile to complete.
    Admin,
}

#[derive(Debug, Error)]
pub enum RegisterEmployerError {
    /// The employer already has a company (decided inside the write, so two concurrent requests
    /// cannot both attach one).
    #[error("employer already has a company")]
    AlreadyHasCompany,
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait CompanyRepository: Send + Sync {
    /// The employer profile of a user, `Ok(None)` when the user has none.
    async fn employer_by_user(&self, user: UserId) -> Result<Option<Employer>, RepoError>;

    /// Writes the given fields. `Ok(None)` when the employer no longer exists.
    async fn update_employer(
        &self,
        id: EmployerId,
        update: EmployerUpdate,
        now: DateTime<Utc>,
    ) -> Result<Option<Employer>, RepoError>;

    /// In one transaction: applies `update`, and with `company` inserts it and attaches it to the
    /// employer. MUST return `AlreadyHasCompany` (and change nothing) when the employer already
    /// has a company at the time of the write, and `EmployerNotFound` when the employer is gone.
    async fn register_employer(
        &self,
        id: EmployerId,
        update: EmployerUpdate,
        company: Option<NewCompany>,
        now: DateTime<Utc>,
    ) -> Result<(Employer, Option<Company>), RegisterEmployerError>;

    async fn find_company(&self, id: CompanyId) -> Result<Option<Company>, RepoError>;

    /// Stores the company as given. When the name changes, the search texts of the company's jobs
    /// are rewritten in the same transaction. `Ok(None)` when the company does not exist.
    async fn save_company(
        &self,
        company: Company,
        now: DateTime<Utc>,
    ) -> Result<Option<Company>, RepoError>;

    /// Counters over the whole company, in a fixed number of statements whatever its size.
    async fn company_stats(&self, id: CompanyId) -> Result<CompanyStats, RepoError>;

    /// Writes the non-`None` fields into the user's candidate profile. `Ok(None)` without one.
    async fn update_candidate_contact(
        &self,
        user: UserId,
        contact: CandidateContact,
        now: DateTime<Utc>,
    ) -> Result<Option<CandidateContactProfile>, RepoError>;
}

#[derive(Debug, Error)]
pub enum EmployerProfileError {
    #[error("employer profile not found")]
    NotFound,
    #[error("company not found")]
    CompanyNotFound,
    #[error("company belongs to someone else")]
    CompanyForbidden,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum CreateCompanyError {
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error("employer already has a company")]
    AlreadyHasCompany,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

/// Errors of the `my-company` routes (read, update, stats).
#[derive(Debug, Error)]
pub enum MyCompanyError {
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error("no company attached")]
    CompanyNotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum CompleteRegistrationError {
    /// The body names a role other than the account's.
    #[error("role does not match the account")]
    RoleMismatch,
    #[error("profile not found")]
    ProfileNotFound,
    #[error("company name must not be empty")]
    EmptyCompanyName,
    #[error("employer already has a company")]
    AlreadyHasCompany,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

impl From<RegisterEmployerError> for CreateCompanyError {
    fn from(e: RegisterEmployerError) -> Self {
        match e {
            RegisterEmployerError::AlreadyHasCompany => CreateCompanyError::AlreadyHasCompany,
            RegisterEmployerError::EmployerNotFound => CreateCompanyError::EmployerNotFound,
            RegisterEmployerError::Repo(e) => CreateCompanyError::Repo(e),
        }
    }
}

mod service;
pub use service::CompanyService;

#[cfg(test)]
mod tests;
