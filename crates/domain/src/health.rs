//! Readiness: can this instance serve requests that need the database and file storage?

use std::sync::Arc;

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

pub struct HealthService {
    db: Arc<dyn DatabaseHealth>,
    files: Arc<dyn FileStore>,
}

impl HealthService {
    pub fn new(db: Arc<dyn DatabaseHealth>, files: Arc<dyn FileStore>) -> Self {
        Self { db, files }
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
        let storage = match self.files.check().await {
            Ok(()) => true,
            Err(e) => {
                warn!(error = %e, "readiness: file storage check failed");
                false
            }
        };
        Readiness { database, storage }
    }
}
