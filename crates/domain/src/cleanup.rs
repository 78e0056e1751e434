//! CV storage maintenance, run by the operator (`intowork cleanup-cvs`, CONTRACT 9.4 and 9.12):
//! purge long-inactive CVs nobody needs any more, then sweep files no row refers to.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration as StdDuration, SystemTime};

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use thiserror::Error;
use tracing::{info, warn};

use crate::error::RepoError;
use crate::files::{FileKey, FileStore, FileStoreError};
use crate::ids::CvId;
use crate::ports::Clock;

/// The key prefix CV files live under (`cv/<uuid>.pdf`).
pub const CV_PREFIX: &str = "cv";

/// A file no row refers to is only removed once it is this old: an upload writes its file before
/// its row (9.12), so a younger file may belong to a row about to be committed.
pub const ORPHAN_MIN_AGE: StdDuration = StdDuration::from_secs(3600);

/// An inactive CV that may go: every application that used it is final (rejected, accepted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PurgeableCv {
    pub id: CvId,
    pub storage_key: String,
    /// Final applications whose `cv_id` is (or would be) cleared.
    pub final_applications: i64,
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait CvMaintenanceRepository: Send + Sync {
    /// Inactive CVs last changed before `cutoff` that no application in a non-final status refers
    /// to, oldest first.
    async fn purgeable(&self, cutoff: DateTime<Utc>) -> Result<Vec<PurgeableCv>, RepoError>;

    /// In one transaction: re-checks each CV against the rule of [`Self::purgeable`], clears the
    /// `cv_id` of its final applications and deletes its row. CVs that stopped qualifying (an
    /// application moved back to a non-final status meanwhile) are left untouched. Returns the
    /// CVs deleted; their files are the caller's to remove, after the commit.
    async fn purge(
        &self,
        cutoff: DateTime<Utc>,
        ids: Vec<CvId>,
    ) -> Result<Vec<PurgeableCv>, RepoError>;

    /// Every storage key a CV row refers to, active or not.
    async fn referenced_keys(&self) -> Result<HashSet<String>, RepoError>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CleanupOptions {
    /// Only CVs inactive and unchanged for at least this long are purged.
    pub inactive_older_than: Duration,
    /// Report what would be done; change nothing.
    pub dry_run: bool,
}

/// What a run did (or, in a dry run, would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CleanupReport {
    pub dry_run: bool,
    pub cutoff: Option<DateTime<Utc>>,
    /// CV rows purged (or purgeable).
    pub purged: Vec<PurgeableCv>,
    /// Files of purged CVs that could not be removed (left to a later sweep), with the reason.
    pub file_failures: Vec<(String, String)>,
    /// Files older than [`ORPHAN_MIN_AGE`] that no row refers to: removed (or removable).
    pub orphans: Vec<String>,
    /// Unreferenced files too young to be called orphans: kept.
    pub recent_unreferenced: Vec<String>,
    /// Rows whose file is not in storage. Reported only: the file cannot be brought back.
    pub rows_without_file: Vec<String>,
}

impl CleanupReport {
    pub fn cleared_applications(&self) -> i64 {
        self.purged.iter().map(|p| p.final_applications).sum()
    }
}

#[derive(Debug, Error)]
pub enum CleanupError {
    #[error("database: {0}")]
    Repo(#[from] RepoError),
    #[error("file storage: {0}")]
    Storage(#[from] FileStoreError),
}

pub struct CvCleanup {
    repo: Arc<dyn CvMaintenanceRepository>,
    files: Arc<dyn FileStore>,
    clock: Arc<dyn Clock>,
}

impl CvCleanup {
    pub fn new(
        repo: Arc<dyn CvMaintenanceRepository>,
        files: Arc<dyn FileStore>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self { repo, files, clock }
    }

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

    /// Lists the files before reading the keys: a file written after the listing is not judged,
    /// and a row committed after its file was listed is seen.
    async fn sweep(
        &self,
        now: DateTime<Utc>,
        report: &mut CleanupReport,
    ) -> Result<(), CleanupError> {
        let prefix = FileKey::parse(CV_PREFIX).map_err(|_| {
            FileStoreError::Backend(format!("invalid storage prefix {CV_PREFIX:?}"))
        })?;
        let listed = self.files.list(&prefix).await?;
        let referenced = self.repo.referenced_keys().await?;
        let old_before = SystemTime::from(now) - ORPHAN_MIN_AGE;
        let in_storage: HashSet<&str> = listed.iter().map(|f| f.key.as_str()).collect();
        let purged: HashSet<&str> = report
            .purged
            .iter()
            .map(|p| p.storage_key.as_str())
            .collect();
        let mut rows_without_file: Vec<String> = referenced
            .iter()
            .filter(|k| !in_storage.contains(k.as_str()))
            .cloned()
            .collect();
        rows_without_file.sort();
        report.rows_without_file = rows_without_file;

        let mut unreferenced: Vec<_> = listed
            .iter()
            .filter(|f| !referenced.contains(f.key.as_str()))
            // A purged CV's file that could not be removed is already reported (and in a dry run
            // its row still refers to it).
            .filter(|f| !purged.contains(f.key.as_str()))
            .collect();
        unreferenced.sort_by(|a, b| a.key.as_str().cmp(b.key.as_str()));
        for file in unreferenced {
            let key = file.key.as_str().to_owned();
            if file.modified > old_before {
                report.recent_unreferenced.push(key);
                continue;
            }
            if !report.dry_run
                && let Err(e) = self.files.delete(&file.key).await
            {
                warn!(key = %key, error = %e, "orphan file not removed");
                report.file_failures.push((key, e.to_string()));
                continue;
            }
            report.orphans.push(key);
        }
        if !report.dry_run && !report.orphans.is_empty() {
            info!(removed = report.orphans.len(), "orphan CV files removed");
        }
        Ok(())
    }

    async fn remove(&self, raw: &str) -> Result<(), FileStoreError> {
        let key = FileKey::parse(raw)
            .map_err(|_| FileStoreError::Backend(format!("invalid storage key {raw:?}")))?;
        self.files.delete(&key).await
    }
}

#[cfg(test)]
mod tests;
