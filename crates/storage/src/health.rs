//! `DatabaseHealth` over the pool.

use async_trait::async_trait;
use intowork_domain::RepoError;
use intowork_domain::ports::DatabaseHealth;

use crate::database::{Database, ping};
use crate::error::map_db_error;

/// Readiness probe: `SELECT 1` through [`Database::run`], so it fails while the database is down
/// or not yet migrated.
#[derive(Clone, Debug)]
pub struct DieselHealth {
    db: Database,
}

impl DieselHealth {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

#[async_trait]
impl DatabaseHealth for DieselHealth {
    async fn ping(&self) -> Result<(), RepoError> {
        self.db.run(|conn| ping(conn).map_err(map_db_error)).await
    }
}
