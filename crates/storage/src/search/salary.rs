//! The salary floor filter (`salary_min >= floor`) as sets of job positions, so that a search
//! intersects it like the other filters instead of checking every job it walks.
//!
//! The jobs with a known salary are sorted by it, and the positions of every suffix starting at a
//! "cut" are kept as one bitmap. A floor's jobs are then the bitmap of the first cut at or above
//! the floor, plus the few jobs between the floor and that cut, taken one by one: fewer than two
//! steps of jobs, whatever the number of jobs or of distinct salaries.

use roaring::RoaringBitmap;

/// How many bitmaps the cuts may need at most, about: twice this (see [`cut_indices`]). At
/// 1,000,000 jobs a dense bitmap is 125 KB, so the cuts take at most 16 MB, and a floor takes at
/// most 31,250 jobs one by one.
const STEPS: usize = 64;

/// Below this step the one-by-one part is cheaper than one more bitmap.
const MIN_STEP: usize = 512;

#[derive(Debug, Default)]
pub(crate) struct Salaries {
    /// `(salary, position)` of every job with a known salary, by salary, then position.
    sorted: Vec<(i32, u32)>,
    /// Ascending indices into `sorted`, each with the positions of `sorted[index..]`.
    cuts: Vec<(usize, RoaringBitmap)>,
}

/// The jobs whose salary is at least a floor: `whole`, plus `partial`.
#[derive(Debug)]
pub(crate) struct AtLeast<'a> {
    pub(crate) whole: Option<&'a RoaringBitmap>,
    pub(crate) partial: &'a [(i32, u32)],
}

impl AtLeast<'_> {
    /// The positions of `partial`, in no particular order.
    pub(crate) fn partial_positions(&self) -> impl Iterator<Item = u32> + '_ {
        self.partial.iter().map(|&(_, position)| position)
    }
}

impl Salaries {
    /// `known` yields `(position, salary)` of every job with a known salary.
    pub(crate) fn new(known: impl IntoIterator<Item = (u32, i32)>) -> Self {
        let mut sorted: Vec<(i32, u32)> = known.into_iter().map(|(p, s)| (s, p)).collect();
        sorted.sort_unstable();
        sorted.shrink_to_fit();
        let step = (sorted.len() / STEPS).max(MIN_STEP);
        let indices = cut_indices(&sorted, step);
        let mut cuts = Vec::with_capacity(indices.len());
        // From the last cut back: each suffix is the next one plus the jobs between the two.
        let mut suffix = RoaringBitmap::new();
        let mut end = sorted.len();
        for &index in indices.iter().rev() {
            suffix.extend(sorted[index..end].iter().map(|&(_, position)| position));
            cuts.push((index, suffix.clone()));
            end = index;
        }
        cuts.reverse();
        Salaries { sorted, cuts }
    }

    /// The jobs whose salary is at least `floor`.
    pub(crate) fn at_least(&self, floor: i32) -> AtLeast<'_> {
        let from = self.sorted.partition_point(|&(salary, _)| salary < floor);
        let cut = self.cuts.partition_point(|(index, _)| *index < from);
        match self.cuts.get(cut) {
            Some((index, positions)) => AtLeast {
                whole: Some(positions),
                partial: &self.sorted[from..*index],
            },
            None => AtLeast {
                whole: None,
                partial: &self.sorted[from..],
            },
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.sorted.capacity() * size_of::<(i32, u32)>()
            + self
                .cuts
                .iter()
                .map(|(_, b)| b.serialized_size())
                .sum::<usize>()
    }
}

/// Where the cuts go, ascending. A floor's first job is always the first of its salary (a
/// partition point), so it suffices that from any salary's first job the next cut is less than
/// two steps away: a cut starts every salary shared by a step of jobs or more, and any other
/// salary reached a step or more after the last cut.
fn cut_indices(sorted: &[(i32, u32)], step: usize) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut since_cut = 0;
    let mut start = 0;
    while start < sorted.len() {
        let salary = sorted[start].0;
        let run = sorted[start..].partition_point(|&(s, _)| s == salary);
        if run >= step || since_cut >= step || cuts.is_empty() {
            cuts.push(start);
            since_cut = 0;
        }
        since_cut += run;
        start += run;
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The positions with a salary of at least `floor`, the slow way.
    fn expected(jobs: &[Option<i32>], floor: i32) -> Vec<u32> {
        (0..)
            .zip(jobs)
            .filter(|(_, s)| s.is_some_and(|s| s >= floor))
            .map(|(p, _)| p)
            .collect()
    }

    fn found(salaries: &Salaries, floor: i32) -> Vec<u32> {
        let at_least = salaries.at_least(floor);
        let mut found: Vec<u32> = at_least.whole.into_iter().flatten().collect();
        found.extend(at_least.partial_positions());
        found.sort_unstable();
        found
    }

    fn salaries(jobs: &[Option<i32>]) -> Salaries {
        Salaries::new((0..).zip(jobs).filter_map(|(p, s)| s.map(|s| (p, s))))
    }

    #[test]
    fn every_floor_finds_the_jobs_at_or_above_it() {
        // Few distinct salaries shared by many jobs, many distinct ones, nulls, negatives.
        let jobs: Vec<Option<i32>> = (0..5_000_i32)
            .map(|i| match i % 7 {
                0 => None,
                1..=3 => Some((i % 4) * 100_000),
                4 => Some(-i),
                _ => Some(i * 13 % 3_001),
            })
            .collect();
        let s = salaries(&jobs);
        assert!(s.cuts.len() > 2, "the test must cross several cuts");
        for floor in [
            i32::MIN,
            -4_999,
            -1,
            0,
            1,
            99_999,
            100_000,
            100_001,
            300_000,
            300_001,
        ]
        .into_iter()
        .chain((0..3_100).step_by(7))
        {
            assert_eq!(found(&s, floor), expected(&jobs, floor), "floor {floor}");
        }
    }

    #[test]
    fn the_part_taken_one_by_one_stays_under_two_steps() {
        let jobs: Vec<Option<i32>> = (0..100_000).map(|i| Some(i % 977 * 10)).collect();
        let s = salaries(&jobs);
        let step = (jobs.len() / STEPS).max(MIN_STEP);
        for floor in (0..9_800).step_by(3) {
            assert!(s.at_least(floor).partial.len() < 2 * step, "floor {floor}");
        }
        assert!(s.cuts.len() <= 2 * STEPS);
    }

    #[test]
    fn no_salaries_means_no_job_meets_a_floor() {
        let s = salaries(&[None, None]);
        assert!(found(&s, 0).is_empty());
        assert!(found(&s, i32::MIN).is_empty());
    }
}
