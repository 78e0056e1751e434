//! The jobs this process wrote one at a time, in order: the job search index re-reads just those
//! rows instead of its whole snapshot (`crate::search`).

use std::collections::VecDeque;

/// How many edits are remembered (80 KB); an index further behind reads a whole snapshot again.
const KEPT: usize = 10_000;

#[derive(Debug, Default)]
pub(crate) struct JobEdits {
    /// The sequence number of `ids[0]`.
    first: u64,
    ids: VecDeque<i64>,
}

impl JobEdits {
    pub(crate) fn push(&mut self, job: i64) {
        if self.ids.len() == KEPT {
            self.ids.pop_front();
            self.first += 1;
        }
        self.ids.push_back(job);
    }

    /// The sequence number of the next edit: every edit so far is before it.
    pub(crate) fn seq(&self) -> u64 {
        self.first + self.ids.len() as u64
    }

    /// The jobs of the edits from sequence number `seq` on, or `None` when some were forgotten.
    pub(crate) fn since(&self, seq: u64) -> Option<Vec<i64>> {
        let skip = usize::try_from(seq.checked_sub(self.first)?).ok()?;
        Some(self.ids.iter().skip(skip).copied().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_read_from_a_sequence_number_until_forgotten() {
        let mut edits = JobEdits::default();
        assert_eq!(edits.seq(), 0);
        edits.push(7);
        edits.push(9);
        assert_eq!(edits.since(0), Some(vec![7, 9]));
        assert_eq!(edits.since(1), Some(vec![9]));
        assert_eq!(edits.since(2), Some(vec![]));
        for job in 0..KEPT as i64 {
            edits.push(job);
        }
        assert_eq!(edits.seq(), KEPT as u64 + 2);
        assert_eq!(edits.since(1), None, "the first two were forgotten");
        assert_eq!(edits.since(2).map(|ids| ids.len()), Some(KEPT));
    }
}
