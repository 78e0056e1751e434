//! A clean-up run: purge long-inactive CVs, then sweep the files no row refers to.

use std::sync::Arc;

use derive_new::new;
use tracing::{info, warn};

use super::error::CleanupError;
use super::port::CvMaintenanceRepository;
use super::report::{CleanupOptions, CleanupReport};
use crate::files::{FileKey, FileStore, FileStoreError};
use crate::ports::Clock;

#[derive(new)]
pub struct CvCleanup {
    pub(super) repo: Arc<dyn CvMaintenanceRepository>,
    pub(super) files: Arc<dyn FileStore>,
    pub(super) clock: Arc<dyn Clock>,
}

impl CvCleanup {
    /// Purges first, then sweeps, so the files of CVs purged now but not removable are picked up
    /// by a later sweep. A file that cannot be removed is reported, never fatal.
    pub async fn run(&self, opts: CleanupOptions) -> Result<CleanupReport, CleanupError> {
        let now = self.clock.now();
        let cutoff = now - opts.inactive_older_than;
        let mut report = CleanupReport {
            dry_run: opts.dry_run,
            cutoff: Some(cutoff),
            ..CleanupReport::default()
        };
        let purgeable = self.repo.purgeable(cutoff).await?;
        if opts.dry_run {
            report.purged = purgeable;
        } else if !purgeable.is_empty() {
            let ids = purgeable.iter().map(|p| p.id).collect();
            report.purged = self.repo.purge(cutoff, ids).await?;
            for cv in &report.purged {
                if let Err(e) = self.remove(&cv.storage_key).await {
                    warn!(key = %cv.storage_key, error = %e, "purged CV file not removed");
                    report
                        .file_failures
                        .push((cv.storage_key.clone(), e.to_string()));
                }
            }
            info!(purged = report.purged.len(), "inactive CVs purged");
        }
        self.sweep(now, &mut report).await?;
        Ok(report)
    }

    async fn remove(&self, raw: &str) -> Result<(), FileStoreError> {
        let key = FileKey::parse(raw)
            .map_err(|_| FileStoreError::Backend(format!("invalid storage key {raw:?}")))?;
        self.files.delete(&key).await
    }
}
