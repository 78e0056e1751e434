//! The template repository port.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::entity::{EmailTemplate, NewTemplate, TemplateId, TemplatePatch, UsageStats};
use super::kind::TemplateType;
use crate::error::RepoError;
use crate::ids::CompanyId;

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait EmailTemplateRepository: Send + Sync {
    /// The company's templates, filtered when asked, by type, defaults first, then name; one
    /// statement.
    async fn list(
        &self,
        company: CompanyId,
        kind: Option<TemplateType>,
        active: Option<bool>,
    ) -> Result<Vec<EmailTemplate>, RepoError>;

    /// `Ok(None)` when the template does not exist or belongs to another company.
    async fn find(
        &self,
        company: CompanyId,
        id: TemplateId,
    ) -> Result<Option<EmailTemplate>, RepoError>;

    /// In one write transaction: when `new.draft.is_default`, unsets the company's other default
    /// of the type, then inserts.
    async fn create(&self, new: NewTemplate) -> Result<EmailTemplate, RepoError>;

    /// In one write transaction: applies the given fields; when the template ends up the default,
    /// unsets the company's other default of its (new) type. `Ok(None)`, nothing written, when
    /// the template does not exist or belongs to another company.
    async fn update(
        &self,
        company: CompanyId,
        id: TemplateId,
        patch: TemplatePatch,
        now: DateTime<Utc>,
    ) -> Result<Option<EmailTemplate>, RepoError>;

    /// `Ok(false)` when the template does not exist or belongs to another company.
    async fn delete(&self, company: CompanyId, id: TemplateId) -> Result<bool, RepoError>;

    /// The types the company has at least one template of, in one statement.
    async fn types_in_use(&self, company: CompanyId) -> Result<Vec<TemplateType>, RepoError>;

    /// The company's figures, in a constant number of statements.
    async fn usage(&self, company: CompanyId) -> Result<UsageStats, RepoError>;
}
