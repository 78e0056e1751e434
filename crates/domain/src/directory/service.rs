//! The public pages' use cases.

use std::sync::Arc;

use tracing::instrument;

use super::port::DirectoryRepository;
use super::records::{DirectoryPage, MarketStats, PublicCounts};
use crate::error::RepoError;
use crate::job::Paging;

/// Bars of the countries chart (HEAD's page shows ten).
pub const MARKET_TOP_COUNTRIES: i64 = 10;
/// Bars of the industries chart (HEAD's page shows eight).
pub const MARKET_TOP_INDUSTRIES: i64 = 8;

pub struct DirectoryService {
    repo: Arc<dyn DirectoryRepository>,
}

impl DirectoryService {
    pub fn new(repo: Arc<dyn DirectoryRepository>) -> Self {
        Self { repo }
    }

    #[instrument(skip_all)]
    pub async fn public_counts(&self) -> Result<PublicCounts, RepoError> {
        self.repo.public_counts().await
    }

    #[instrument(skip_all)]
    pub async fn market_stats(&self) -> Result<MarketStats, RepoError> {
        self.repo
            .market_stats(MARKET_TOP_COUNTRIES, MARKET_TOP_INDUSTRIES)
            .await
    }

    #[instrument(skip_all)]
    pub async fn companies(&self, paging: Paging) -> Result<DirectoryPage, RepoError> {
        self.repo.companies(paging).await
    }
}
