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
