//! One immutable copy of what the public list filters on, for every open job, newest first (the
//! list's order). A search walks it in memory and answers the total and the page's ids; the rows
//! themselves are read from the database by id.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use intowork_domain::job::PublicJobFilter;

use super::column::TextColumn;

/// What a snapshot's text matches may hold, keys and positions together, before they are all
/// forgotten (searches then scan again): a common word matched by every job of a board of
/// 100,000 costs 400 KB.
const MATCHES_MAX_BYTES: usize = 64 << 20;

/// The filterable fields of one open job: its exact-match values as [`Values`] numbers, so that
/// a search's walk over tens of thousands of jobs reads 32 bytes each and compares integers.
#[derive(Debug)]
pub(crate) struct IndexedJob {
    pub(crate) id: i64,
    pub(crate) salary_min: Option<i32>,
    /// `[job_type, location_type, country, currency, language]`, the codes ASCII-lowercased as
    /// `lower()` folds them for the SQL filters; [`NO_VALUE`] for a null.
    pub(crate) values: [u32; 5],
}

/// A null in [`IndexedJob::values`]: no filter value is ever it.
pub(crate) const NO_VALUE: u32 = u32::MAX;

/// The distinct stored values of the exact-match fields, numbered.
#[derive(Debug, Default)]
pub(crate) struct Values {
    numbers: HashMap<Box<str>, u32>,
}

impl Values {
    pub(crate) fn number(&mut self, value: Option<&str>) -> u32 {
        let Some(value) = value else { return NO_VALUE };
        if let Some(n) = self.numbers.get(value) {
            return *n;
        }
        let n = u32::try_from(self.numbers.len()).unwrap_or(NO_VALUE - 1);
        self.numbers.insert(value.into(), n);
        n
    }

    /// The number of a filter value: `None` for no filter, `Some(NO_VALUE)` for a value no job
    /// has (nothing matches).
    fn wanted(&self, value: Option<&str>) -> Option<u32> {
        value.map(|v| self.numbers.get(v).copied().unwrap_or(NO_VALUE))
    }
}

/// A database state a snapshot was read from: it changes with any job, company or account write
/// that can change the public list (see `load::fingerprint`).
pub(crate) type Fingerprint = (
    i64,
    Option<chrono::NaiveDateTime>,
    [Option<chrono::NaiveDateTime>; 2],
);

#[derive(Debug)]
pub(crate) struct Snapshot {
    pub(crate) jobs: Vec<IndexedJob>,
    /// `jobs.search_text` of each job, in the same order.
    pub(crate) texts: TextColumn,
    /// `jobs.location_norm` of each job, in the same order.
    pub(crate) locations: TextColumn,
    pub(crate) values: Values,
    pub(crate) fingerprint: Fingerprint,
    /// The read caches' job generation when the read began.
    pub(crate) generation: u64,
    matches: Mutex<Matches>,
}

/// Which jobs contain a searched text, per column and text: the scan is the costly part of a
/// search, and the same words come back with other filters and pages.
#[derive(Debug, Default)]
struct Matches {
    by_text: HashMap<(Field, Box<str>), Arc<[u32]>>,
    bytes: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Field {
    Text,
    Location,
}

impl Snapshot {
    pub(crate) fn new(
        jobs: Vec<IndexedJob>,
        texts: TextColumn,
        locations: TextColumn,
        values: Values,
        fingerprint: Fingerprint,
        generation: u64,
    ) -> Self {
        Snapshot {
            jobs,
            texts,
            locations,
            values,
            fingerprint,
            generation,
            matches: Mutex::default(),
        }
    }

    /// The total of `filter` and the ids of the page `(limit, offset)`, in the list's order.
    pub(crate) fn find(
        &self,
        filter: &PublicJobFilter,
        (limit, offset): (i64, i64),
    ) -> (i64, Vec<i64>) {
        let wanted = [
            self.values.wanted(filter.job_type.map(|t| t.as_str())),
            self.values.wanted(filter.location_type.map(|t| t.as_str())),
            self.values.wanted(filter.codes.country.as_deref()),
            self.values.wanted(filter.codes.currency.as_deref()),
            self.values.wanted(filter.codes.language.as_deref()),
        ];
        let texts = filter
            .text
            .as_deref()
            .map(|t| self.containing(Field::Text, t));
        let places = filter
            .location
            .as_deref()
            .map(|l| self.containing(Field::Location, l));
        let candidates: Box<dyn Iterator<Item = u32>> = match (&texts, &places) {
            (Some(t), Some(p)) => Box::new(Intersection::new(t, p)),
            (Some(only), None) | (None, Some(only)) => Box::new(only.iter().copied()),
            (None, None) => Box::new(0..u32::try_from(self.jobs.len()).unwrap_or(u32::MAX)),
        };
        let (start, end) = (offset.max(0), offset.max(0).saturating_add(limit.max(0)));
        let mut total = 0_i64;
        let mut page = Vec::new();
        for position in candidates {
            let job = &self.jobs[position as usize];
            if keeps(&wanted, filter.salary_min, job) {
                if total >= start && total < end {
                    page.push(job.id);
                }
                total += 1;
            }
        }
        (total, page)
    }

    fn containing(&self, field: Field, needle: &str) -> Arc<[u32]> {
        let key = (field, Box::<str>::from(needle));
        if let Some(found) = self.lock().by_text.get(&key) {
            return found.clone();
        }
        let column = match field {
            Field::Text => &self.texts,
            Field::Location => &self.locations,
        };
        let found: Arc<[u32]> = column.containing(needle).into();
        let cost = found.len() * size_of::<u32>() + needle.len() + 64;
        let mut matches = self.lock();
        if matches.bytes + cost > MATCHES_MAX_BYTES {
            *matches = Matches::default();
        }
        matches.bytes += cost;
        matches.by_text.insert(key, found.clone());
        found
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Matches> {
        self.matches.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.texts.heap_bytes()
            + self.locations.heap_bytes()
            + self.jobs.capacity() * size_of::<IndexedJob>()
    }
}

/// The filters other than the two texts, as the SQL of `jobs::filters::public_filtered`: each
/// wanted value equal (a null never equals one), the salary floor met by a known salary.
fn keeps(wanted: &[Option<u32>; 5], salary_min: Option<i32>, job: &IndexedJob) -> bool {
    wanted
        .iter()
        .zip(job.values)
        .all(|(w, v)| w.is_none_or(|w| w == v && v != NO_VALUE))
        && salary_min.is_none_or(|min| job.salary_min.is_some_and(|s| s >= min))
}

/// The positions in both ascending lists.
struct Intersection<'a> {
    a: &'a [u32],
    b: &'a [u32],
}

impl<'a> Intersection<'a> {
    fn new(a: &'a [u32], b: &'a [u32]) -> Self {
        Self { a, b }
    }
}

impl Iterator for Intersection<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        while let (Some(&x), Some(&y)) = (self.a.first(), self.b.first()) {
            match x.cmp(&y) {
                std::cmp::Ordering::Less => self.a = &self.a[1..],
                std::cmp::Ordering::Greater => self.b = &self.b[1..],
                std::cmp::Ordering::Equal => {
                    self.a = &self.a[1..];
                    self.b = &self.b[1..];
                    return Some(x);
                }
            }
        }
        None
    }
}
