//! The process's open-file limit, raised at start: every connection is a descriptor, and the
//! soft limit a container starts with (often 1024) would refuse connections long before memory
//! or CPU run short.

/// Descriptors kept out of the connection budget: database and Redis connections, SQLite's
/// files, uploads being written, the SMTP connection, logs.
const RESERVED: u64 = 512;

/// Raises the soft `RLIMIT_NOFILE` to the hard limit and returns the soft limit now in force
/// (`None`: unlimited or unknown). Failing to raise it is logged, never fatal.
#[cfg(unix)]
pub(super) fn raise_open_file_limit() -> Option<u64> {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};

    let before = getrlimit(Resource::Nofile);
    if before.current != before.maximum {
        let raised = Rlimit {
            current: before.maximum,
            maximum: before.maximum,
        };
        if let Err(error) = setrlimit(Resource::Nofile, raised) {
            tracing::warn!(%error, soft = ?before.current, "could not raise the open-file limit");
        }
    }
    let now = getrlimit(Resource::Nofile);
    tracing::info!(
        soft = ?now.current,
        hard = ?now.maximum,
        was = ?before.current,
        "open-file limit"
    );
    now.current
}

#[cfg(not(unix))]
pub(super) fn raise_open_file_limit() -> Option<u64> {
    None
}

/// Connections each worker may hold so that all of them together leave [`RESERVED`]
/// descriptors free: past it a worker stops accepting (new connections wait in the listen
/// backlog) instead of running out of descriptors, which would also fail database connections
/// and file writes. `None`: no limit to respect (actix's default then applies).
pub(super) fn connections_per_worker(
    open_file_limit: Option<u64>,
    workers: usize,
) -> Option<usize> {
    let budget = open_file_limit?.saturating_sub(RESERVED).max(64);
    let per_worker = budget / u64::try_from(workers.max(1)).unwrap_or(u64::MAX);
    usize::try_from(per_worker).ok().map(|n| n.max(16))
}

#[cfg(test)]
mod tests {
    use super::connections_per_worker;

    #[test]
    fn the_budget_leaves_the_reserve_and_is_shared_by_the_workers() {
        assert_eq!(connections_per_worker(Some(20_000), 2), Some(9_744));
        assert_eq!(connections_per_worker(Some(1024), 4), Some(128));
        assert_eq!(connections_per_worker(Some(256), 8), Some(16));
        assert_eq!(connections_per_worker(None, 2), None);
    }
}
