//! The jobs this process wrote since a snapshot was read, re-read one by one: a search takes
//! them out of the snapshot and checks their current rows directly, so a write never sends the
//! searches to SQL nor waits for a new snapshot of every job.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use roaring::RoaringBitmap;

use super::row::IndexedRow;
use super::snapshot::{Snapshot, posted_key};

/// How many written jobs the edits hold before a whole snapshot is read again: each search checks
/// every one of them (a substring search in a few hundred bytes).
pub(crate) const EDITS_MAX: usize = 2_000;

/// The written jobs over one snapshot.
#[derive(Debug, Default)]
pub(crate) struct Edits {
    /// The read caches' edit sequence number these cover: every edit before it.
    pub(crate) seen: u64,
    /// The snapshot positions of the written jobs it held: their rows there are out of date.
    pub(crate) removed: RoaringBitmap,
    /// The written jobs open now, in the list's order, each with how many of the snapshot's jobs
    /// come before it ([`Snapshot::place_of`]).
    pub(crate) jobs: Vec<(u32, IndexedRow)>,
    /// Every job written.
    written: HashSet<i64>,
}

impl Edits {
    /// No edits over a snapshot read when the edit sequence was at `seen`.
    pub(crate) fn none(seen: u64) -> Self {
        Edits {
            seen,
            ..Edits::default()
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.jobs.is_empty()
    }

    /// How many jobs were written.
    pub(crate) fn len(&self) -> usize {
        self.written.len()
    }

    /// These edits and those of `written`, whose current open rows are `rows`, up to `seen`.
    pub(crate) fn with(
        &self,
        snapshot: &Snapshot,
        written: &[i64],
        rows: Vec<IndexedRow>,
        seen: u64,
    ) -> Edits {
        let mut removed = self.removed.clone();
        removed.extend(written.iter().filter_map(|&id| snapshot.position_of(id)));
        let mut jobs: HashMap<i64, (u32, IndexedRow)> = self
            .jobs
            .iter()
            .filter(|(_, row)| !written.contains(&row.id))
            .map(|(place, row)| (row.id, (*place, row.clone())))
            .collect();
        for row in rows {
            jobs.insert(row.id, (snapshot.place_of(row.posted_at, row.id), row));
        }
        let mut jobs: Vec<(u32, IndexedRow)> = jobs.into_values().collect();
        jobs.sort_by_key(|(place, row)| (*place, Reverse((posted_key(row.posted_at), row.id))));
        let mut all_written = self.written.clone();
        all_written.extend(written);
        Edits {
            seen,
            removed,
            jobs,
            written: all_written,
        }
    }
}
