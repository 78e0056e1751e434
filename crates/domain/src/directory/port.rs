//! The store behind the public pages. Each method MUST run a fixed, small number of statements
//! whatever the data size.

use async_trait::async_trait;

use super::records::{DirectoryPage, MarketStats, PublicCounts};
use crate::error::RepoError;
use crate::job::Paging;

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait DirectoryRepository: Send + Sync {
    async fn public_counts(&self) -> Result<PublicCounts, RepoError>;

    /// `jobs_by_country` holds at most `top_countries` rows and `top_industries` at most
    /// `top_industries`.
    async fn market_stats(
        &self,
        top_countries: i64,
        top_industries: i64,
    ) -> Result<MarketStats, RepoError>;

    /// Companies that are not removed, newest first (`created_at DESC, id DESC`).
    async fn companies(&self, paging: Paging) -> Result<DirectoryPage, RepoError>;
}
