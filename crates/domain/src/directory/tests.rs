//! The public pages ask the store for what HEAD's pages show, and nothing more.

use std::sync::Arc;

use mockall::predicate::eq;

use super::*;
use crate::job::Paging;

#[tokio::test]
async fn the_market_page_asks_for_ten_countries_and_eight_industries() {
    let mut repo = MockDirectoryRepository::new();
    repo.expect_market_stats()
        .with(eq(10), eq(8))
        .times(1)
        .returning(|_, _| {
            Ok(MarketStats {
                total_jobs: 3,
                ..MarketStats::default()
            })
        });
    let stats = DirectoryService::new(Arc::new(repo))
        .market_stats()
        .await
        .unwrap();
    assert_eq!(stats.total_jobs, 3);
}

#[tokio::test]
async fn counts_and_directory_pages_come_from_the_store() {
    let mut repo = MockDirectoryRepository::new();
    repo.expect_public_counts().times(1).returning(|| {
        Ok(PublicCounts {
            candidates: 4,
            companies: 2,
            active_jobs: 5,
            applications: 7,
        })
    });
    let paging = Paging {
        page: 2,
        limit: 1000,
    };
    repo.expect_companies()
        .with(eq(paging))
        .times(1)
        .returning(|_| Ok(DirectoryPage::default()));
    let svc = DirectoryService::new(Arc::new(repo));
    assert_eq!(svc.public_counts().await.unwrap().applications, 7);
    assert_eq!(svc.companies(paging).await.unwrap().total, 0);
}
