//! The back-office's company use cases.

use std::sync::Arc;

use tracing::{info, instrument};

use super::errors::{RemoveCompanyError, VerifyCompanyError};
use super::port::AdminCompanyRepository;
use super::records::{AdminCompany, CompanyVerification};
use super::removal::{CompanyRemoval, RemovedCompany};
use crate::admin::{Actor, AuditAction, json_string};
use crate::error::RepoError;
use crate::ids::CompanyId;
use crate::ports::{Clock, Commit, DECISION_ATTEMPTS, facts_kept_changing};

pub struct CompanyAdminService {
    repo: Arc<dyn AdminCompanyRepository>,
    clock: Arc<dyn Clock>,
}

impl CompanyAdminService {
    pub fn new(repo: Arc<dyn AdminCompanyRepository>, clock: Arc<dyn Clock>) -> Self {
        Self { repo, clock }
    }

    /// A blank search is no filter.
    #[instrument(skip_all)]
    pub async fn list(&self, search: Option<String>) -> Result<Vec<AdminCompany>, RepoError> {
        let search = search
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        self.repo.list_companies(search).await
    }

    /// Sets the badge to `wanted`, or flips it when `wanted` is `None` (HEAD's route toggles).
    /// Asking for the state the company is already in changes nothing and writes no audit row.
    #[instrument(skip_all, fields(company_id = %id))]
    pub async fn verify(
        &self,
        actor: &Actor,
        id: CompanyId,
        wanted: Option<bool>,
    ) -> Result<CompanyVerification, VerifyCompanyError> {
        let current = self
            .repo
            .find_company(id)
            .await?
            .ok_or(VerifyCompanyError::NotFound)?;
        let verified = wanted.unwrap_or(!current.is_verified);
        if verified == current.is_verified {
            return Ok(current);
        }
        let now = self.clock.now();
        let action = if verified {
            AuditAction::CompanyVerify
        } else {
            AuditAction::CompanyUnverify
        };
        let details = format!(
            r#"{{"company_id":{id},"company":{},"is_verified":{verified},"via":"{}"}}"#,
            json_string(&current.name),
            actor.via()
        );
        let audit = actor.audit(action, details, now);
        let updated = self
            .repo
            .set_verified(id, verified.then_some(now), audit)
            .await?
            .ok_or(VerifyCompanyError::NotFound)?;
        info!(actor = %actor.label(), action = action.as_str(), company_id = %id, "admin action");
        Ok(updated)
    }

    /// Archives the company's jobs (their applicants are told), detaches its employers and
    /// removes it, with its audit row, in one transaction. When a candidate applies meanwhile the
    /// commit is refused and the decision made again.
    #[instrument(skip_all, fields(company_id = %id))]
    pub async fn remove(
        &self,
        actor: &Actor,
        id: CompanyId,
    ) -> Result<(CompanyVerification, RemovedCompany), RemoveCompanyError> {
        let company = self
            .repo
            .find_company(id)
            .await?
            .ok_or(RemoveCompanyError::NotFound)?;
        let details = format!(
            r#"{{"company_id":{id},"company":{},"via":"{}"}}"#,
            json_string(&company.name),
            actor.via()
        );
        let audit = actor.audit(AuditAction::CompanyDelete, details, self.clock.now());
        for _ in 0..DECISION_ATTEMPTS {
            let applicants = self.repo.applicants(id).await?;
            let removal = CompanyRemoval::decide(id, &applicants, audit.at);
            match self.repo.remove(removal, audit.clone()).await? {
                Commit::Done(removed) => {
                    info!(
                        actor = %actor.label(),
                        action = AuditAction::CompanyDelete.as_str(),
                        company_id = %id,
                        archived_jobs = removed.archived_jobs,
                        detached_employers = removed.detached_employers,
                        notified = applicants.len(),
                        "admin action"
                    );
                    return Ok((company, removed));
                }
                Commit::NotFound => return Err(RemoveCompanyError::NotFound),
                Commit::Stale => info!("applications changed meanwhile; deciding again"),
            }
        }
        Err(facts_kept_changing().into())
    }
}
