//! The store of the back-office's company use cases. A removed company is gone for every method.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::records::{AdminCompany, CompanyVerification};
use super::removal::{CompanyApplicant, CompanyRemoval, RemovedCompany};
use crate::admin::AuditRecord;
use crate::error::RepoError;
use crate::ids::CompanyId;
use crate::ports::Commit;

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait AdminCompanyRepository: Send + Sync {
    /// Every company, by name then id, with its counters and recruiters. `search` keeps the
    /// names containing it, case-insensitively, `%` and `_` literal. MUST run a fixed number of
    /// statements whatever the number of companies and recruiters.
    async fn list_companies(&self, search: Option<String>) -> Result<Vec<AdminCompany>, RepoError>;

    async fn find_company(&self, id: CompanyId) -> Result<Option<CompanyVerification>, RepoError>;

    /// In one write transaction: `is_verified = verified_at.is_some()`, `verified_at`, and
    /// `audit`. `Ok(None)` when the company does not exist; nothing is written then.
    async fn set_verified(
        &self,
        id: CompanyId,
        verified_at: Option<DateTime<Utc>>,
        audit: AuditRecord,
    ) -> Result<Option<CompanyVerification>, RepoError>;

    /// The applications to the company's jobs that are not archived, ascending by application.
    async fn applicants(&self, id: CompanyId) -> Result<Vec<CompanyApplicant>, RepoError>;

    /// Commits `removal` in one write transaction: every job of the company not yet archived
    /// becomes `archived` (`updated_at = removal.at`), the notifications are written, every
    /// employer attached to it is detached (`company_id` null), the company is marked removed, and
    /// `audit` is written. MUST answer `NotFound` when the company does not exist, and `Stale`
    /// when [`AdminCompanyRepository::applicants`] no longer equals `removal.applications`,
    /// writing nothing in both cases.
    async fn remove(
        &self,
        removal: CompanyRemoval,
        audit: AuditRecord,
    ) -> Result<Commit<RemovedCompany>, RepoError>;
}
