//! The readiness probe's view of the database.

use async_trait::async_trait;

use crate::error::RepoError;

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait DatabaseHealth: Send + Sync {
    /// Runs a trivial query. `Err` when the database is unreachable or not yet migrated.
    async fn ping(&self) -> Result<(), RepoError>;
}
