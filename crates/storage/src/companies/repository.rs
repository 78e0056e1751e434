//! `CompanyRepository` over diesel: employer profiles, companies, company stats and the candidate
//! fields written by onboarding.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use intowork_domain::company::{
    CandidateContact, CandidateContactProfile, Company, CompanyRepository, CompanyStats, Employer,
    EmployerUpdate, NewCompany, RegisterEmployerError, SavedCompany,
};
use intowork_domain::image::ReplacedImage;
use intowork_domain::{CompanyId, EmployerId, RepoError, UserId};

use super::rows::{COMPANY_COLUMNS, CompanyRow, EMPLOYER_COLUMNS, EmployerRow, employer_changes};
use super::stats::{stats, update_candidate_contact};
use super::writes::{register, replace_logo, save};
use crate::cache::{CacheEvent, evicting_repository, publish};
use crate::database::write_tx;
use crate::error::{TxError, map_db_error};
use crate::schema::{companies, employers};
use crate::stored::naive;

evicting_repository!(
    /// Given the [`crate::ReadCaches`], saving a company evicts the job pages that show it.
    DieselCompanyRepository
);

#[async_trait]
impl CompanyRepository for DieselCompanyRepository {
    #[tracing::instrument(name = "db.employers.by_user", skip_all, fields(user_id = user.get()))]
    async fn employer_by_user(&self, user: UserId) -> Result<Option<Employer>, RepoError> {
        self.db
            .run(move |conn| {
                employers::table
                    .filter(employers::user_id.eq(user.get()))
                    .select(EMPLOYER_COLUMNS)
                    .first::<EmployerRow>(conn)
                    .optional()
                    .map(|r| r.map(Employer::from))
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.employers.update", skip_all, fields(employer_id = id.get()))]
    async fn update_employer(
        &self,
        id: EmployerId,
        update: EmployerUpdate,
        now: DateTime<Utc>,
    ) -> Result<Option<Employer>, RepoError> {
        self.db
            .run(move |conn| {
                diesel::update(employers::table.find(id.get()))
                    .set(&employer_changes(&update, naive(now)))
                    .returning(EMPLOYER_COLUMNS)
                    .get_result::<EmployerRow>(conn)
                    .optional()
                    .map(|r| r.map(Employer::from))
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.employers.register", skip_all, fields(employer_id = id.get()))]
    async fn register_employer(
        &self,
        id: EmployerId,
        update: EmployerUpdate,
        company: Option<NewCompany>,
        now: DateTime<Utc>,
    ) -> Result<(Employer, Option<Company>), RegisterEmployerError> {
        let result = self
            .db
            .run(move |conn| {
                Ok(write_tx(conn, |conn| {
                    register(conn, id.get(), &update, company.as_ref(), naive(now))
                }))
            })
            .await?;
        result.map_err(TxError::into_domain)
    }

    #[tracing::instrument(name = "db.companies.find", skip_all, fields(company_id = id.get()))]
    async fn find_company(&self, id: CompanyId) -> Result<Option<Company>, RepoError> {
        self.db
            .run(move |conn| {
                companies::table
                    .find(id.get())
                    .select(COMPANY_COLUMNS)
                    .first::<CompanyRow>(conn)
                    .optional()
                    .map(|r| r.map(Company::from))
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.companies.save", skip_all, fields(company_id = company.id.get()))]
    async fn save_company(
        &self,
        company: Company,
        now: DateTime<Utc>,
    ) -> Result<Option<SavedCompany>, RepoError> {
        let saved = self
            .db
            .run(move |conn| {
                write_tx(conn, |conn| save(conn, &company, naive(now))).map_err(map_db_error)
            })
            .await?;
        Ok(saved.map(|(saved, renamed)| {
            let event = CacheEvent::CompanyChanged {
                company: saved.company.id,
                renamed,
            };
            publish(&self.caches, event);
            saved
        }))
    }

    #[tracing::instrument(name = "db.companies.replace_logo", skip_all, fields(company_id = id.get()))]
    async fn replace_logo(
        &self,
        id: CompanyId,
        key: String,
        url: String,
        now: DateTime<Utc>,
    ) -> Result<Option<ReplacedImage>, RepoError> {
        let replaced = self
            .db
            .run(move |conn| {
                write_tx(conn, |conn| {
                    replace_logo(conn, id.get(), &key, &url, naive(now))
                })
                .map_err(map_db_error)
            })
            .await;
        // The job pages show the company's logo: evict them even when the commit's outcome is
        // unknown.
        if replaced.as_ref().map_or(true, Option::is_some) {
            let event = CacheEvent::CompanyChanged {
                company: id,
                renamed: false,
            };
            publish(&self.caches, event);
        }
        replaced
    }

    #[tracing::instrument(name = "db.companies.stats", skip_all, fields(company_id = id.get()))]
    async fn company_stats(&self, id: CompanyId) -> Result<CompanyStats, RepoError> {
        self.db
            .run(move |conn| stats(conn, id.get()).map_err(map_db_error))
            .await
    }

    #[tracing::instrument(name = "db.candidates.update_contact", skip_all, fields(user_id = user.get()))]
    async fn update_candidate_contact(
        &self,
        user: UserId,
        contact: CandidateContact,
        now: DateTime<Utc>,
    ) -> Result<Option<CandidateContactProfile>, RepoError> {
        self.db
            .run(move |conn| {
                update_candidate_contact(conn, user, &contact, naive(now)).map_err(map_db_error)
            })
            .await
    }
}
