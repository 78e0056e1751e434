//! A search over a snapshot and the edits made since it was read: the snapshot's matches minus
//! the jobs written since, merged in the list's order with the written jobs' current rows that
//! match.

use std::sync::Arc;

use chrono::NaiveDateTime;
use intowork_domain::job::PublicJobFilter;
use roaring::RoaringBitmap;

use super::edits::Edits;
use super::row::IndexedRow;
use super::sets::{page_of, partition_point, total_of};
use super::snapshot::{Matched, Snapshot};

#[derive(Debug)]
pub(crate) struct View {
    pub(crate) snapshot: Arc<Snapshot>,
    pub(crate) edits: Arc<Edits>,
}

impl View {
    /// The total of `filter` and the ids of the page `(limit, offset)`, in the list's order.
    pub(crate) fn find(&self, filter: &PublicJobFilter, window: (i64, i64)) -> (i64, Vec<i64>) {
        if self.edits.is_empty() {
            return self.snapshot.find(filter, window);
        }
        let mut found = match self.snapshot.filtered(filter) {
            Matched::All => {
                let mut all = RoaringBitmap::new();
                all.insert_range(0..self.snapshot.len());
                all
            }
            Matched::Some(found) => found,
        };
        found -= &self.edits.removed;
        let written: Vec<&(u32, IndexedRow)> = self
            .edits
            .jobs
            .iter()
            .filter(|(_, row)| row.matches(filter))
            .collect();
        let total = total_of(&found) + i64::try_from(written.len()).unwrap_or(i64::MAX);
        (total, self.merged_page(&found, &written, window))
    }

    /// How many open jobs were posted at or after `since`: the snapshot's, less the written ones
    /// it held, plus the written ones open now.
    pub(crate) fn count_posted_since(&self, since: NaiveDateTime) -> i64 {
        let snapshot = &self.snapshot;
        let replaced = self
            .edits
            .removed
            .iter()
            .filter(|&p| snapshot.posted_at_or_after(p, since))
            .count();
        let written = self
            .edits
            .jobs
            .iter()
            .filter(|(_, row)| row.posted_at.is_some_and(|at| at >= since))
            .count();
        snapshot.posted_since(since) - replaced as i64 + written as i64
    }

    /// The page `(limit, offset)` of the snapshot's `found` positions and the `written` rows
    /// together. A written row with place `p` comes right before the snapshot's position `p`, so
    /// its rank in the whole list is its rank among the written rows plus the number of found
    /// positions below `p`.
    fn merged_page(
        &self,
        found: &RoaringBitmap,
        written: &[&(u32, IndexedRow)],
        (limit, offset): (i64, i64),
    ) -> Vec<i64> {
        let start = u64::try_from(offset.max(0)).unwrap_or(u64::MAX);
        let limit = usize::try_from(limit.max(0)).unwrap_or(0);
        let rank = |j: usize, place: u32| j as u64 + found.range_cardinality(..place);
        // The written rows before the page, then the snapshot's positions before it.
        let skipped = partition_point(written.len(), |j| rank(j, written[j].0) < start);
        let from = u32::try_from(start - skipped as u64).unwrap_or(u32::MAX);
        let mut positions = page_of(found, from).peekable();
        let mut rows = written[skipped..].iter().peekable();
        let mut page = Vec::with_capacity(limit);
        while page.len() < limit {
            let next_row = rows.peek().map(|(place, _)| *place);
            match (positions.peek().copied(), next_row) {
                (Some(position), Some(place)) if position < place => {
                    page.push(self.snapshot.ids[position as usize]);
                    positions.next();
                }
                (_, Some(_)) => {
                    page.extend(rows.next().map(|(_, row)| row.id));
                }
                (Some(position), None) => {
                    page.push(self.snapshot.ids[position as usize]);
                    positions.next();
                }
                (None, None) => break,
            }
        }
        page
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use intowork_domain::job::{CodeMatch, JobType};
    use intowork_testkit::Dice;

    use super::super::snapshot::SnapshotBuilder;
    use super::*;

    fn row(dice: &mut Dice, id: i64) -> IndexedRow {
        let words = ["alpha", "beta", "gamma"];
        IndexedRow {
            id,
            text: format!("{} {}", words[dice.next(3)], id),
            location: String::new(),
            values: [
                Some(["full_time", "contract"][dice.next(2)].to_owned()),
                None,
                None,
                None,
                None,
            ],
            salary_min: (dice.next(3) > 0).then(|| dice.next(10) as i32 * 100),
            // Ties on the second (ordered by id), and a few never posted (listed first).
            posted_at: (dice.next(20) > 0).then(|| {
                DateTime::from_timestamp(dice.next(50) as i64, 0)
                    .unwrap()
                    .naive_utc()
            }),
        }
    }

    /// The list's order, the slow way.
    fn sorted(mut rows: Vec<IndexedRow>) -> Vec<IndexedRow> {
        rows.sort_by_key(|r| std::cmp::Reverse((r.posted_at.is_none(), r.posted_at, r.id)));
        rows
    }

    fn filter(dice: &mut Dice) -> PublicJobFilter {
        PublicJobFilter {
            text: (dice.next(2) == 0).then(|| ["alpha", "beta", "a", "1"][dice.next(4)].into()),
            location: None,
            job_type: (dice.next(3) == 0).then_some(JobType::Contract),
            location_type: None,
            salary_min: (dice.next(3) == 0).then(|| dice.next(12) as i32 * 100 - 100),
            codes: CodeMatch::default(),
        }
    }

    #[test]
    fn a_view_answers_as_the_snapshot_with_the_edits_applied() {
        let mut dice = Dice(0x0ddb_a11c_afe5_eed5);
        let mut rows: Vec<IndexedRow> = (1..=300).map(|id| row(&mut dice, id)).collect();
        rows = sorted(rows);
        let mut builder = SnapshotBuilder::default();
        for r in &rows {
            builder.push(r);
        }
        let snapshot = Arc::new(builder.finish((0, None, [None, None]), 0));
        let mut edits = Arc::new(Edits::none(0));
        for round in 0..40 {
            // Edit, remove or add a few jobs; the written rows are what is open now.
            let mut written = Vec::new();
            let mut fresh: Vec<IndexedRow> = Vec::new();
            for _ in 0..dice.next(4) {
                let id = 1 + dice.next(330) as i64;
                written.push(id);
                rows.retain(|r| r.id != id);
                fresh.retain(|r| r.id != id);
                if dice.next(3) > 0 {
                    let r = row(&mut dice, id);
                    rows.push(r.clone());
                    fresh.push(r);
                }
            }
            rows = sorted(rows);
            edits = Arc::new(edits.with(&snapshot, &written, fresh, round + 1));
            let view = View {
                snapshot: snapshot.clone(),
                edits: edits.clone(),
            };
            let since = DateTime::from_timestamp(dice.next(55) as i64, 0)
                .unwrap()
                .naive_utc();
            let posted = rows
                .iter()
                .filter(|r| r.posted_at.is_some_and(|at| at >= since));
            assert_eq!(
                view.count_posted_since(since),
                posted.count() as i64,
                "round {round}"
            );
            for _ in 0..25 {
                let f = filter(&mut dice);
                let kept: Vec<i64> = rows
                    .iter()
                    .filter(|r| r.matches(&f))
                    .map(|r| r.id)
                    .collect();
                let (limit, offset) = (1 + dice.next(12) as i64, dice.next(40) as i64);
                let page: Vec<i64> = kept
                    .iter()
                    .skip(offset as usize)
                    .take(limit as usize)
                    .copied()
                    .collect();
                let expected = (kept.len() as i64, page);
                assert_eq!(
                    view.find(&f, (limit, offset)),
                    expected,
                    "round {round}: {f:?} {limit}@{offset}"
                );
            }
        }
    }
}
