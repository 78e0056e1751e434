//! The sweep: files in storage that no CV row refers to (CONTRACT 9.12), and rows whose file is
//! gone.

use std::collections::HashSet;
use std::time::{Duration as StdDuration, SystemTime};

use chrono::{DateTime, Utc};
use tracing::{info, warn};

use super::error::CleanupError;
use super::report::CleanupReport;
use super::service::CvCleanup;
use crate::files::{FileKey, FileStoreError};

/// The key prefix CV files live under (`cv/<uuid>.pdf`).
pub const CV_PREFIX: &str = "cv";

/// A file no row refers to is only removed once it is this old: an upload writes its file before
/// its row (9.12), so a younger file may belong to a row about to be committed.
pub const ORPHAN_MIN_AGE: StdDuration = StdDuration::from_secs(3600);

impl CvCleanup {
    /// Lists the files before reading the keys: a file written after the listing is not judged,
    /// and a row committed after its file was listed is seen.
    pub(super) async fn sweep(
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
}
