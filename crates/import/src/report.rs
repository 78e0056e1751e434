//! What happened to each table: the counts and reasons the summary prints.

use std::collections::BTreeMap;

/// The reason recorded for rows a previous run imported.
pub const ALREADY_IMPORTED: &str = "already imported";

/// What happened to one table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableReport {
    pub table: String,
    pub read: usize,
    pub imported: usize,
    /// Why rows were not imported, with their reference ids.
    pub skipped: BTreeMap<String, Vec<i64>>,
    /// What was changed on imported rows to fit our rules, with their ids.
    pub adjusted: BTreeMap<String, Vec<i64>>,
    /// The largest reference id read. The table's id sequence is moved past it, so the ids of
    /// rows skipped now stay free for a later run (once their file or parent is there).
    pub max_id: i64,
}

impl TableReport {
    pub fn new(table: impl Into<String>) -> Self {
        Self {
            table: table.into(),
            ..Self::default()
        }
    }

    pub fn skipped_count(&self) -> usize {
        self.skipped.values().map(Vec::len).sum()
    }

    pub fn skip(&mut self, reason: impl Into<String>, id: i64) {
        self.skipped.entry(reason.into()).or_default().push(id);
    }

    pub fn adjust(&mut self, what: impl Into<String>, id: i64) {
        self.adjusted.entry(what.into()).or_default().push(id);
    }
}
