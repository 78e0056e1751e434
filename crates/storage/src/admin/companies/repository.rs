//! `AdminCompanyRepository` over diesel.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use intowork_domain::admin::AuditRecord;
use intowork_domain::admin::companies::{
    AdminCompany, AdminCompanyRepository, CompanyApplicant, CompanyRemoval, CompanyVerification,
    RemovedCompany,
};
use intowork_domain::ports::Commit;
use intowork_domain::{CompanyId, RepoError};

use super::list::{find_company, list_companies, verification};
use super::removal::{applicants, remove, set_verified};
use crate::cache::{CacheEvent, evicting_repository, publish};
use crate::error::map_db_error;

evicting_repository!(
    /// Given the [`crate::ReadCaches`], the badge evicts the job pages that show the company, and
    /// a removal the job lists (its jobs leave them).
    DieselAdminCompanyRepository
);

#[async_trait]
impl AdminCompanyRepository for DieselAdminCompanyRepository {
    #[tracing::instrument(name = "db.admin.list_companies", skip_all)]
    async fn list_companies(&self, search: Option<String>) -> Result<Vec<AdminCompany>, RepoError> {
        self.db
            .run(move |conn| list_companies(conn, search.as_deref()))
            .await
    }

    #[tracing::instrument(name = "db.admin.find_company", skip_all, fields(company_id = id.get()))]
    async fn find_company(&self, id: CompanyId) -> Result<Option<CompanyVerification>, RepoError> {
        self.db.run(move |conn| find_company(conn, id.get())).await
    }

    #[tracing::instrument(name = "db.admin.set_verified", skip_all, fields(company_id = id.get()))]
    async fn set_verified(
        &self,
        id: CompanyId,
        verified_at: Option<DateTime<Utc>>,
        audit: AuditRecord,
    ) -> Result<Option<CompanyVerification>, RepoError> {
        let row = self
            .db
            .run(move |conn| {
                set_verified(conn, id.get(), verified_at.map(|t| t.naive_utc()), &audit)
                    .map_err(map_db_error)
            })
            .await?;
        if row.is_some() {
            let event = CacheEvent::CompanyChanged {
                company: id,
                renamed: false,
            };
            publish(&self.caches, event);
        }
        Ok(row.map(verification))
    }

    #[tracing::instrument(name = "db.admin.company_applicants", skip_all, fields(company_id = id.get()))]
    async fn applicants(&self, id: CompanyId) -> Result<Vec<CompanyApplicant>, RepoError> {
        self.db
            .run(move |conn| applicants(conn, id.get()).map_err(map_db_error))
            .await
    }

    #[tracing::instrument(name = "db.admin.remove_company", skip_all, fields(company_id = removal.company.get()))]
    async fn remove(
        &self,
        removal: CompanyRemoval,
        audit: AuditRecord,
    ) -> Result<Commit<RemovedCompany>, RepoError> {
        let commit = self
            .db
            .run(move |conn| remove(conn, &removal, &audit).map_err(map_db_error))
            .await?;
        if let Commit::Done(_) = commit {
            publish(&self.caches, CacheEvent::JobsChanged);
        }
        Ok(commit)
    }
}
