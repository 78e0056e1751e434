//! What a clean-up run is asked to do, and what it reports.

use chrono::{DateTime, Duration, Utc};

use super::port::PurgeableCv;

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
    /// Files older than [`ORPHAN_MIN_AGE`](super::sweep::ORPHAN_MIN_AGE) that no row refers to: removed
    /// (or removable).
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
