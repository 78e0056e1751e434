//! The company repository port: employers, companies and the onboarding writes.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::employer::{Employer, EmployerUpdate};
use super::entity::{Company, CompanyStats, NewCompany, SavedCompany};
use super::error::RegisterEmployerError;
use super::registration::{CandidateContact, CandidateContactProfile};
use crate::error::RepoError;
use crate::ids::{CompanyId, EmployerId, UserId};
use crate::image::ReplacedImage;

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
    /// are rewritten in the same transaction. When `logo_url` changes (see
    /// [`super::logo_key_kept`]) the uploaded logo's key is cleared in the same transaction and
    /// returned as released. `Ok(None)` when the company does not exist.
    async fn save_company(
        &self,
        company: Company,
        now: DateTime<Utc>,
    ) -> Result<Option<SavedCompany>, RepoError>;

    /// Writes `logo_url = url` and the uploaded logo's `key` (`updated_at = now`) in one
    /// transaction, returning the key it replaces. `Ok(None)` when the company does not exist.
    async fn replace_logo(
        &self,
        id: CompanyId,
        key: String,
        url: String,
        now: DateTime<Utc>,
    ) -> Result<Option<ReplacedImage>, RepoError>;

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
