//! The sweep: files in storage that no CV row refers to (CONTRACT 9.12), and rows whose file is
//! gone.

use std::collections::HashSet;
use std::time::{Duration as StdDuration, SystemTime};

use chrono::{DateTime, Utc};
use tracing::{info, warn};

use super::error::CleanupError;
use super::report::CleanupReport;
use super::service::CvCleanup;
use crate::files::{FileKey, FileStoreError, StoredFile};

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
        report.rows_without_file = rows_without_file(&referenced, &listed);
        let purged: HashSet<&str> = report
            .purged
            .iter()
            .map(|p| p.storage_key.as_str())
            .collect();
        let mut unreferenced: Vec<&StoredFile> = listed
            .iter()
            .filter(|f| !referenced.contains(f.key.as_str()))
            // A purged CV's file that could not be removed is already reported (and in a dry run
            // its row still refers to it).
            .filter(|f| !purged.contains(f.key.as_str()))
            .collect();
        unreferenced.sort_by(|a, b| a.key.as_str().cmp(b.key.as_str()));
        let old_before = SystemTime::from(now) - ORPHAN_MIN_AGE;
        for file in unreferenced {
            self.judge(file, old_before, report).await;
        }
        if !report.dry_run && !report.orphans.is_empty() {
            info!(removed = report.orphans.len(), "orphan CV files removed");
        }
        Ok(())
    }

    /// Keeps an unreferenced file written after `old_before`; removes an older one, an orphan (a
    /// dry run only reports it).
    async fn judge(&self, file: &StoredFile, old_before: SystemTime, report: &mut CleanupReport) {
        let key = file.key.as_str().to_owned();
        if file.modified > old_before {
            report.recent_unreferenced.push(key);
            return;
        }
        if !report.dry_run
            && let Err(e) = self.files.delete(&file.key).await
        {
            warn!(key = %key, error = %e, "orphan file not removed");
            report.file_failures.push((key, e.to_string()));
            return;
        }
        report.orphans.push(key);
    }
}

/// The referenced keys with no file in storage, sorted.
fn rows_without_file(referenced: &HashSet<String>, listed: &[StoredFile]) -> Vec<String> {
    let in_storage: HashSet<&str> = listed.iter().map(|f| f.key.as_str()).collect();
    let mut rows: Vec<String> = referenced
        .iter()
        .filter(|k| !in_storage.contains(k.as_str()))
        .cloned()
        .collect();
    rows.sort();
    rows
}
