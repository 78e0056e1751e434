//! Operations on sets of job positions ([`RoaringBitmap`]): intersecting a search's filters,
//! counting the result and reading a page off it.

use roaring::RoaringBitmap;

use super::salary::AtLeast;

/// The positions of `found` from its `start`th on.
pub(crate) fn page_of(found: &RoaringBitmap, start: u32) -> impl Iterator<Item = u32> + '_ {
    let first = found.select(start);
    let mut positions = found.iter();
    if let Some(first) = first {
        positions.advance_to(first);
    }
    positions.take_while(move |_| first.is_some())
}

/// How many of `0..len` come before the first index where `before` is false, `before` being true
/// for a prefix: `slice::partition_point` for an order a slice does not hold.
pub(crate) fn partition_point(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, len);
    while low < high {
        let middle = low + (high - low) / 2;
        if before(middle) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    low
}

pub(crate) fn total_of(found: &RoaringBitmap) -> i64 {
    i64::try_from(found.len()).unwrap_or(i64::MAX)
}

/// The positions in every set and meeting the salary floor; `None` when nothing filters (every
/// job). The smallest set is copied and the others intersected into it, so a rare word makes
/// the whole search cheap.
pub(crate) fn matching(
    mut sets: Vec<&RoaringBitmap>,
    salary: Option<AtLeast<'_>>,
) -> Option<RoaringBitmap> {
    sets.sort_by_key(|s| s.len());
    let mut sets = sets.into_iter();
    let base = sets.next().map(|smallest| {
        let mut found = smallest.clone();
        for set in sets {
            if found.is_empty() {
                break;
            }
            found &= set;
        }
        found
    });
    let Some(at_least) = salary else {
        return base;
    };
    Some(match base {
        None => {
            let mut found = at_least.whole.cloned().unwrap_or_default();
            found.extend(at_least.partial_positions());
            found
        }
        Some(base) => {
            let mut found = at_least
                .whole
                .map_or_else(RoaringBitmap::new, |whole| &base & whole);
            found.extend(at_least.partial_positions().filter(|&p| base.contains(p)));
            found
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_point_agrees_with_the_slice_one() {
        let items = [1, 3, 3, 5, 8, 8, 9];
        for x in 0..11 {
            let expected = items.partition_point(|&i| i < x);
            assert_eq!(
                partition_point(items.len(), |k| items[k] < x),
                expected,
                "{x}"
            );
        }
        assert_eq!(partition_point(0, |_| true), 0);
    }
}
