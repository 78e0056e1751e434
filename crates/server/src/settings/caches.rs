//! The read caches' budget: `READ_CACHE_MAX_MB`.

use super::problems::Problems;
use super::raw::Raw;
use super::values::parse_range;

/// Bytes in a MiB.
const MIB: usize = 1024 * 1024;

/// `READ_CACHE_MAX_MB` in bytes: what the process's read caches (list totals and public job
/// pages) may hold together, whatever the filters clients send.
pub(super) fn parse(raw: &Raw, problems: &mut Problems) -> Option<usize> {
    let mib = problems.check(parse_range(
        "READ_CACHE_MAX_MB",
        &raw.read_cache_max_mb,
        1,
        4096,
    ))?;
    Some(mib as usize * MIB)
}
