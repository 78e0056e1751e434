//! One immutable copy of what the public list filters on, for every open job, newest first (the
//! list's order, so a job's position is its rank in the unfiltered list). Every filter is a set of
//! positions ([`RoaringBitmap`]); a search intersects them, counts the result and reads the page's
//! positions off it, so its cost follows the number of jobs only through a few word-sized
//! operations per 64 jobs. The rows themselves are read from the database by id.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDateTime};
use intowork_domain::job::PublicJobFilter;
use roaring::RoaringBitmap;

use super::column::TextColumn;
use super::matches::{Field, Matches};
use super::row::{IndexedRow, VALUE_FIELDS, wanted_values};
use super::salary::Salaries;
use super::sets::{matching, page_of, partition_point, total_of};

/// How many of the most searched texts a new snapshot scans before it is used.
const WARMED_MAX: usize = 64;

/// A database state a snapshot was read from: it changes with any job, company or account write
/// that can change the public list (see `load::fingerprint`).
pub(crate) type Fingerprint = (
    i64,
    Option<chrono::NaiveDateTime>,
    [Option<chrono::NaiveDateTime>; 2],
);

#[derive(Debug)]
pub(crate) struct Snapshot {
    /// The id of the job at each position.
    pub(crate) ids: Vec<i64>,
    /// The [`posted_key`] of the job at each position: with the id, its place in the list.
    posted: Vec<i64>,
    /// `(id, position)` of every job, by id.
    by_id: Vec<(i64, u32)>,
    /// `jobs.search_text` of each job, by position.
    texts: TextColumn,
    /// `jobs.location_norm` of each job, by position.
    locations: TextColumn,
    /// Per exact-match field, the positions of the jobs holding each stored value (the codes
    /// ASCII-lowercased as `lower()` folds them for the SQL filters; a null is in no set).
    by_value: [HashMap<Box<str>, RoaringBitmap>; VALUE_FIELDS],
    salaries: Salaries,
    pub(crate) fingerprint: Fingerprint,
    /// The read caches' job generation when the read began.
    pub(crate) generation: u64,
    matches: Matches,
}

/// Builds a [`Snapshot`] one job at a time, newest first.
#[derive(Debug, Default)]
pub(crate) struct SnapshotBuilder {
    ids: Vec<i64>,
    posted: Vec<i64>,
    texts: TextColumn,
    locations: TextColumn,
    by_value: [HashMap<Box<str>, RoaringBitmap>; VALUE_FIELDS],
    salaries: Vec<(u32, i32)>,
}

impl SnapshotBuilder {
    /// Adds the next job.
    pub(crate) fn push(&mut self, job: &IndexedRow) {
        let position = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.push(job.id);
        self.posted.push(posted_key(job.posted_at));
        self.texts.push(&job.text);
        self.locations.push(&job.location);
        for (sets, value) in self.by_value.iter_mut().zip(&job.values) {
            if let Some(value) = value.as_deref() {
                let set = match sets.get_mut(value) {
                    Some(set) => set,
                    None => sets.entry(value.into()).or_default(),
                };
                // Positions only grow: each push appends.
                let _ = set.try_push(position);
            }
        }
        if let Some(salary) = job.salary_min {
            self.salaries.push((position, salary));
        }
    }

    pub(crate) fn finish(mut self, fingerprint: Fingerprint, generation: u64) -> Snapshot {
        self.ids.shrink_to_fit();
        self.posted.shrink_to_fit();
        let mut by_id: Vec<(i64, u32)> = self.ids.iter().copied().zip(0..).collect();
        by_id.sort_unstable();
        self.texts.finish();
        self.locations.finish();
        for set in self.by_value.iter_mut().flat_map(HashMap::values_mut) {
            set.optimize();
        }
        Snapshot {
            ids: self.ids,
            posted: self.posted,
            by_id,
            texts: self.texts,
            locations: self.locations,
            by_value: self.by_value,
            salaries: Salaries::new(self.salaries),
            fingerprint,
            generation,
            matches: Matches::default(),
        }
    }
}

impl Snapshot {
    /// The total of `filter` and the ids of the page `(limit, offset)`, in the list's order.
    pub(crate) fn find(
        &self,
        filter: &PublicJobFilter,
        (limit, offset): (i64, i64),
    ) -> (i64, Vec<i64>) {
        let start = u32::try_from(offset.max(0)).unwrap_or(u32::MAX);
        let limit = usize::try_from(limit.max(0)).unwrap_or(0);
        match self.filtered(filter) {
            Matched::All => {
                let total = self.ids.len();
                let from = (start as usize).min(total);
                let page = self.ids[from..total.min(from.saturating_add(limit))].to_vec();
                (i64::try_from(total).unwrap_or(i64::MAX), page)
            }
            Matched::Some(found) => {
                let page = page_of(&found, start)
                    .take(limit)
                    .map(|p| self.ids[p as usize])
                    .collect();
                (total_of(&found), page)
            }
        }
    }

    /// The positions of the jobs that `filter` keeps.
    pub(crate) fn filtered(&self, filter: &PublicJobFilter) -> Matched {
        let mut sets: Vec<&RoaringBitmap> = Vec::new();
        for (by_value, wanted) in self.by_value.iter().zip(wanted_values(filter)) {
            if let Some(value) = wanted {
                match by_value.get(value) {
                    Some(set) => sets.push(set),
                    // No job holds it (a null equals nothing either).
                    None => return Matched::Some(RoaringBitmap::new()),
                }
            }
        }
        let texts = filter
            .text
            .as_deref()
            .map(|t| self.containing(Field::Text, t));
        let places = filter
            .location
            .as_deref()
            .map(|l| self.containing(Field::Location, l));
        sets.extend(texts.as_deref());
        sets.extend(places.as_deref());
        let salary = filter.salary_min.map(|floor| self.salaries.at_least(floor));
        matching(sets, salary).map_or(Matched::All, Matched::Some)
    }

    pub(crate) fn len(&self) -> u32 {
        u32::try_from(self.ids.len()).unwrap_or(u32::MAX)
    }

    /// How many of the snapshot's jobs were posted at or after `since` (a job never posted has no
    /// date, and is not counted).
    pub(crate) fn posted_since(&self, since: NaiveDateTime) -> i64 {
        let since = posted_key(Some(since));
        // Positions are in descending key order, the never-posted jobs first.
        let never_posted = self.posted.partition_point(|&key| key == NEVER_POSTED);
        let from_since = self.posted.partition_point(|&key| key >= since);
        i64::try_from(from_since.saturating_sub(never_posted)).unwrap_or(i64::MAX)
    }

    /// Whether the job at `position` was posted at or after `since`.
    pub(crate) fn posted_at_or_after(&self, position: u32, since: NaiveDateTime) -> bool {
        let key = self.posted[position as usize];
        key != NEVER_POSTED && key >= posted_key(Some(since))
    }

    /// The position of job `id`, if the snapshot holds it.
    pub(crate) fn position_of(&self, id: i64) -> Option<u32> {
        let at = self.by_id.binary_search_by_key(&id, |&(id, _)| id).ok()?;
        Some(self.by_id[at].1)
    }

    /// How many of the snapshot's jobs come before a job posted at `posted_at` with this id in
    /// the list's order (posted_at descending, nulls first, then id descending).
    pub(crate) fn place_of(&self, posted_at: Option<NaiveDateTime>, id: i64) -> u32 {
        let key = (posted_key(posted_at), id);
        // The positions are in that order.
        let before = partition_point(self.ids.len(), |p| (self.posted[p], self.ids[p]) > key);
        u32::try_from(before).unwrap_or(u32::MAX)
    }

    fn containing(&self, field: Field, needle: &str) -> Arc<RoaringBitmap> {
        let column = match field {
            Field::Text => &self.texts,
            Field::Location => &self.locations,
        };
        self.matches
            .get_or_scan((field, needle.into()), || column.containing(needle))
    }

    /// Scans the texts searched most often in `searched` (an older snapshot) until `budget`
    /// is spent, so that a new snapshot answers them at once.
    pub(crate) fn warm_up(&self, searched: &Snapshot, budget: std::time::Duration) {
        let started = std::time::Instant::now();
        for (field, text) in searched.matches.most_searched(WARMED_MAX) {
            if started.elapsed() >= budget {
                break;
            }
            self.containing(field, &text);
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.texts.heap_bytes()
            + self.locations.heap_bytes()
            + self.ids.capacity() * size_of::<i64>()
            + self.posted.capacity() * size_of::<i64>()
            + self.by_id.capacity() * size_of::<(i64, u32)>()
            + self
                .by_value
                .iter()
                .flat_map(HashMap::values)
                .map(RoaringBitmap::serialized_size)
                .sum::<usize>()
            + self.salaries.heap_bytes()
    }
}

/// What a filter keeps: every job, or the positions in a set.
pub(crate) enum Matched {
    All,
    Some(RoaringBitmap),
}

/// The [`posted_key`] of a job never posted.
const NEVER_POSTED: i64 = i64::MAX;

/// The list's order as one integer per job, larger first: `posted_at` in nanoseconds, a null
/// (never posted, listed first) above every date.
pub(crate) fn posted_key(posted_at: Option<NaiveDateTime>) -> i64 {
    posted_at.map_or(NEVER_POSTED, |at| {
        at.and_utc()
            .timestamp_nanos_opt()
            .unwrap_or(if at.year() < 1970 {
                i64::MIN
            } else {
                i64::MAX - 1
            })
    })
}
