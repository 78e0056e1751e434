//! [`JobSearchIndex`]: the current [`Snapshot`] of the open jobs, and when to read a new one.
//!
//! Freshness follows the read caches (`cache::read_cache`): a write committed in this process
//! publishes a job event, which makes the snapshot unusable at once (searches go to SQL until a
//! new one is read); a write made by another process (a second replica, the CLI) is noticed by
//! the fingerprint, checked at most every `max_age`, and is unseen for at most that long plus
//! one read. Reads run on a thread of their own, one at a time; searches never wait for one.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use intowork_domain::RepoError;
use tracing::{debug, info, warn};

use super::load;
use super::snapshot::Snapshot;
use crate::cache::ReadCaches;
use crate::conn::DbConn;
use crate::database::Database;
use crate::error::map_db_error;

/// How often the fingerprint is checked by default: the read caches' time to live.
pub const DEFAULT_MAX_AGE: Duration = crate::cache::TTL;

#[derive(Clone, Debug)]
pub struct JobSearchIndex {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    db: Database,
    caches: ReadCaches,
    max_age: Duration,
    current: RwLock<Option<Arc<Snapshot>>>,
    /// A background read is queued or running.
    reading: AtomicBool,
    /// Held through every read: one at a time, so an older read never replaces a newer one. It
    /// keeps the reads' own connection, outside the pool: a read of 100,000 jobs must not hold a
    /// request's connection, and its statements are no request's (`Database::statement_count`).
    read_lock: Mutex<KeptConnection>,
    checked_at: Mutex<Option<Instant>>,
    /// After a failed read, none starts before this (the database may be down).
    retry_at: Mutex<Option<Instant>>,
}

/// How long after a failed read the next one waits.
const RETRY_DELAY: Duration = Duration::from_secs(1);

impl JobSearchIndex {
    /// An index over `db` made stale by the job events published to `caches`; nothing is read
    /// until the first search.
    pub fn new(db: Database, caches: ReadCaches, max_age: Duration) -> Self {
        JobSearchIndex {
            inner: Arc::new(Inner {
                db,
                caches,
                max_age,
                current: RwLock::new(None),
                reading: AtomicBool::new(false),
                read_lock: Mutex::new(KeptConnection(None)),
                checked_at: Mutex::new(None),
                retry_at: Mutex::new(None),
            }),
        }
    }

    /// The snapshot to search, or `None` (search with SQL) while none reflects this process's
    /// writes; either way a read is started when one is due.
    pub(crate) fn snapshot(&self) -> Option<Arc<Snapshot>> {
        let generation = self.inner.caches.jobs_generation();
        let current = self
            .inner
            .current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        match current {
            Some(s) if s.generation == generation => {
                if self.check_due() {
                    self.read_in_background();
                }
                Some(s)
            }
            _ => {
                self.read_in_background();
                None
            }
        }
    }

    fn check_due(&self) -> bool {
        let checked = self
            .inner
            .checked_at
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        checked.is_none_or(|at| at.elapsed() >= self.inner.max_age)
    }

    fn read_in_background(&self) {
        let retry_at = *self
            .inner
            .retry_at
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if retry_at.is_some_and(|at| Instant::now() < at)
            || self.inner.reading.swap(true, Ordering::AcqRel)
        {
            return;
        }
        let inner = self.inner.clone();
        let spawned = std::thread::Builder::new()
            .name("job-search-index".into())
            .spawn(move || {
                inner.refresh();
                inner.reading.store(false, Ordering::Release);
            });
        if let Err(e) = spawned {
            warn!(error = %e, "job search index: no thread for a read");
            self.inner.reading.store(false, Ordering::Release);
        }
    }

    /// Reads a snapshot now, on this thread, unless the current one is still the database's.
    pub fn refresh_now(&self) {
        self.inner.refresh();
    }
}

impl Inner {
    /// Reads a new snapshot unless the fingerprint shows the current one is still the database's.
    fn refresh(&self) {
        let mut connection = self
            .read_lock
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // Before the read: an event published during it leaves the new snapshot stale.
        let generation = self.caches.jobs_generation();
        let current = self
            .current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let started = Instant::now();
        let read = read_with(&mut connection.0, &self.db, |conn| {
            let fingerprint = load::fingerprint(conn)?;
            let unchanged = current
                .as_ref()
                .is_some_and(|s| s.generation == generation && s.fingerprint == fingerprint);
            if unchanged {
                return Ok(None);
            }
            load::snapshot(conn, fingerprint, generation).map(Some)
        });
        match read {
            Ok(Some(snapshot)) => {
                info!(
                    jobs = snapshot.jobs.len(),
                    heap_mb = snapshot.heap_bytes() >> 20,
                    elapsed_ms = started.elapsed().as_millis() as u64,
                    "job search index read"
                );
                *self.current.write().unwrap_or_else(PoisonError::into_inner) =
                    Some(Arc::new(snapshot));
            }
            Ok(None) => debug!("job search index unchanged"),
            // Searches keep using SQL (or the last snapshot) and the next one tries again.
            Err(e) => {
                warn!(error = %e, "job search index: read failed");
                *self.retry_at.lock().unwrap_or_else(PoisonError::into_inner) =
                    Some(Instant::now() + RETRY_DELAY);
                return;
            }
        }
        *self
            .checked_at
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(Instant::now());
    }
}

/// The index's own connection, while one is open.
struct KeptConnection(Option<DbConn>);

impl std::fmt::Debug for KeptConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeptConnection")
            .field("open", &self.0.is_some())
            .finish()
    }
}

/// Runs `read` on the kept connection, opening one first if there is none; a connection whose
/// read failed is dropped, and the next read opens a new one.
fn read_with<T>(
    connection: &mut Option<DbConn>,
    db: &Database,
    read: impl FnOnce(&mut DbConn) -> diesel::QueryResult<T>,
) -> Result<T, RepoError> {
    let conn = match connection {
        Some(conn) => conn,
        None => connection.insert(db.dedicated_connection()?),
    };
    let result = read(conn).map_err(map_db_error);
    if result.is_err() {
        *connection = None;
    }
    result
}
