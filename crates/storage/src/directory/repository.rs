//! `DirectoryRepository` over diesel. Read-only; [`crate::CachedDirectory`] keeps its answers.

use async_trait::async_trait;
use intowork_domain::RepoError;
use intowork_domain::directory::{DirectoryPage, DirectoryRepository, MarketStats, PublicCounts};
use intowork_domain::job::Paging;

use super::companies::directory_page;
use super::figures::{market_stats, public_counts};
use crate::Database;

#[derive(Clone, Debug)]
pub struct DieselDirectoryRepository {
    db: Database,
}

impl DieselDirectoryRepository {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

#[async_trait]
impl DirectoryRepository for DieselDirectoryRepository {
    #[tracing::instrument(name = "db.directory.public_counts", skip_all)]
    async fn public_counts(&self) -> Result<PublicCounts, RepoError> {
        self.db.run(public_counts).await
    }

    #[tracing::instrument(name = "db.directory.market_stats", skip_all)]
    async fn market_stats(
        &self,
        top_countries: i64,
        top_industries: i64,
    ) -> Result<MarketStats, RepoError> {
        self.db
            .run(move |conn| market_stats(conn, top_countries, top_industries))
            .await
    }

    #[tracing::instrument(name = "db.directory.companies", skip_all, fields(page = paging.page, limit = paging.limit))]
    async fn companies(&self, paging: Paging) -> Result<DirectoryPage, RepoError> {
        self.db.run(move |conn| directory_page(conn, paging)).await
    }
}
