//! [`CachedDirectory`]: the public pages' figures and directory pages, remembered.

use std::sync::Arc;

use async_trait::async_trait;
use intowork_domain::RepoError;
use intowork_domain::directory::{DirectoryPage, DirectoryRepository, MarketStats, PublicCounts};
use intowork_domain::job::Paging;

use super::caches::ReadCaches;
use super::keys::{DirectoryAnswer, DirectoryKey};

/// Wraps a [`DirectoryRepository`]: every answer is shared by all visitors (nothing in it depends
/// on who asks) and kept while no write evicted it (any job, application, company or account
/// event clears them all; they cost a few statements to rebuild) and for at most the caches' TTL,
/// which also bounds how long a new sign-up takes to show in the counters.
#[derive(Clone, Debug)]
pub struct CachedDirectory<R> {
    inner: R,
    caches: ReadCaches,
}

impl<R: DirectoryRepository> CachedDirectory<R> {
    pub fn new(inner: R, caches: ReadCaches) -> Self {
        Self { inner, caches }
    }

    async fn answer<F>(&self, key: DirectoryKey, load: F) -> Result<DirectoryAnswer, RepoError>
    where
        F: Future<Output = Result<DirectoryAnswer, RepoError>>,
    {
        self.caches.caches().directory.get_or(key, || load).await
    }
}

/// An answer stored under another key's kind: a bug, reported rather than served.
fn mismatched() -> RepoError {
    RepoError::Internal("directory cache: answer of another kind".into())
}

#[async_trait]
impl<R: DirectoryRepository> DirectoryRepository for CachedDirectory<R> {
    async fn public_counts(&self) -> Result<PublicCounts, RepoError> {
        let load = async { Ok(DirectoryAnswer::Counts(self.inner.public_counts().await?)) };
        match self.answer(DirectoryKey::Counts, load).await? {
            DirectoryAnswer::Counts(counts) => Ok(counts),
            _ => Err(mismatched()),
        }
    }

    async fn market_stats(
        &self,
        top_countries: i64,
        top_industries: i64,
    ) -> Result<MarketStats, RepoError> {
        let key = DirectoryKey::Market {
            top_countries,
            top_industries,
        };
        let load = async {
            let stats = self
                .inner
                .market_stats(top_countries, top_industries)
                .await?;
            Ok(DirectoryAnswer::Market(Arc::new(stats)))
        };
        match self.answer(key, load).await? {
            DirectoryAnswer::Market(stats) => Ok(Arc::unwrap_or_clone(stats)),
            _ => Err(mismatched()),
        }
    }

    async fn companies(&self, paging: Paging) -> Result<DirectoryPage, RepoError> {
        let key = DirectoryKey::Companies {
            limit: paging.limit,
            offset: paging.offset(),
        };
        let load = async {
            let page = self.inner.companies(paging).await?;
            Ok(DirectoryAnswer::Companies(Arc::new(page)))
        };
        match self.answer(key, load).await? {
            DirectoryAnswer::Companies(page) => Ok(Arc::unwrap_or_clone(page)),
            _ => Err(mismatched()),
        }
    }
}
