//! Readiness: can this instance serve requests that need the database and file storage?

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tracing::warn;

use crate::files::FileStore;
use crate::ports::DatabaseHealth;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Readiness {
    pub database: bool,
    pub storage: bool,
}

impl Readiness {
    pub fn is_ready(self) -> bool {
        self.database && self.storage
    }
}

/// How long a storage check result is reused. The check writes a probe object; without the cache
/// anyone could turn the public readiness route into a stream of storage writes.
const STORAGE_CHECK_TTL: Duration = Duration::from_secs(10);

pub struct HealthService {
    db: Arc<dyn DatabaseHealth>,
    files: Arc<dyn FileStore>,
    storage_checked: Mutex<Option<(Instant, bool)>>,
}

impl HealthService {
    pub fn new(db: Arc<dyn DatabaseHealth>, files: Arc<dyn FileStore>) -> Self {
        Self {
            db,
            files,
            storage_checked: Mutex::new(None),
        }
    }

    async fn storage_ready(&self) -> bool {
        let cached = *self
            .storage_checked
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if let Some((at, ok)) = cached
            && at.elapsed() < STORAGE_CHECK_TTL
        {
            return ok;
        }
        let ok = match self.files.check().await {
            Ok(()) => true,
            Err(e) => {
                warn!(error = %e, "readiness: file storage check failed");
                false
            }
        };
        *self
            .storage_checked
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some((Instant::now(), ok));
        ok
    }

    pub async fn database_ready(&self) -> bool {
        match self.db.ping().await {
            Ok(()) => true,
            Err(e) => {
                warn!(error = %e, "readiness: database check failed");
                false
            }
        }
    }

    pub async fn readiness(&self) -> Readiness {
        let database = self.database_ready().await;
        let storage = self.storage_ready().await;
        Readiness { database, storage }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::MockFileStore;
    use crate::ports::MockDatabaseHealth;

    #[tokio::test]
    async fn storage_checks_are_cached_between_readiness_probes() {
        let mut db = MockDatabaseHealth::new();
        db.expect_ping().times(3).returning(|| Ok(()));
        let mut files = MockFileStore::new();
        files.expect_check().times(1).returning(|| Ok(()));
        let health = HealthService::new(Arc::new(db), Arc::new(files));
        for _ in 0..3 {
            assert!(health.readiness().await.is_ready());
        }
    }
}
