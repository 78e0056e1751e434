//! [`JobSearchIndex`]: the current [`Snapshot`] of the open jobs, and when to read a new one.
//!
//! Freshness follows the read caches (`cache::read_cache`). A job written by this process
//! publishes its id: the next search re-reads that job's row (one statement by id) and searches
//! the snapshot without the job and the row beside it ([`View`]); past [`EDITS_MAX`] jobs, or after
//! a write of many jobs at once (a company renamed, an employer deactivated), the snapshot is
//! unusable at once and searches go to SQL until a new one is read. A write made by another
//! process (a second replica, the CLI) is noticed by the fingerprint, checked every `max_age` (or
//! four times as long as the last read took, so reads take at most a fifth of a core), and is
//! unseen for at most that long plus one read. Snapshot reads run on a thread of their own, one
//! at a time; searches never wait for one.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use tracing::{debug, info, warn};

use super::edits::{EDITS_MAX, Edits};
use super::kept_connection::{KeptConnection, read_with};
use super::load;
use super::view::View;
use crate::cache::ReadCaches;
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
    current: RwLock<Option<Arc<View>>>,
    /// Taken to re-read written jobs: one request reads them, the others then find them.
    catching_up: tokio::sync::Mutex<()>,
    /// A background read is queued or running.
    reading: AtomicBool,
    /// The next read replaces the snapshot even if the database looks unchanged: this process
    /// wrote more jobs than the edits hold.
    stale: AtomicBool,
    /// Held through every read: one at a time, so an older read never replaces a newer one. It
    /// keeps the reads' own connection, outside the pool: a read of 100,000 jobs must not hold a
    /// request's connection, and its statements are no request's (`Database::statement_count`).
    read_lock: Mutex<KeptConnection>,
    checked_at: Mutex<Option<Instant>>,
    /// How long the last snapshot read took.
    last_read: Mutex<Duration>,
    snapshots_read: AtomicU64,
    searches_in_sql: AtomicU64,
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
                catching_up: tokio::sync::Mutex::new(()),
                reading: AtomicBool::new(false),
                stale: AtomicBool::new(false),
                read_lock: Mutex::new(KeptConnection(None)),
                checked_at: Mutex::new(None),
                last_read: Mutex::new(Duration::ZERO),
                snapshots_read: AtomicU64::new(0),
                searches_in_sql: AtomicU64::new(0),
                retry_at: Mutex::new(None),
            }),
        }
    }

    /// What to search, or `None` (search with SQL) while nothing reflects this process's
    /// writes; either way a snapshot read is started when one is due.
    pub(crate) async fn view(&self) -> Option<Arc<View>> {
        let view = self.current_or_caught_up().await;
        if view.is_none() {
            self.inner.searches_in_sql.fetch_add(1, Ordering::Relaxed);
        }
        view
    }

    /// How many snapshots of every open job were read so far.
    pub fn snapshots_read(&self) -> u64 {
        self.inner.snapshots_read.load(Ordering::Relaxed)
    }

    /// How many searches found no usable snapshot and went to SQL.
    pub fn searches_in_sql(&self) -> u64 {
        self.inner.searches_in_sql.load(Ordering::Relaxed)
    }

    async fn current_or_caught_up(&self) -> Option<Arc<View>> {
        let generation = self.inner.caches.jobs_generation();
        let seq = self.inner.caches.job_edit_seq();
        let Some(view) = self
            .current()
            .filter(|v| v.snapshot.generation == generation)
        else {
            self.read_in_background();
            return None;
        };
        if self.check_due() {
            self.read_in_background();
        }
        if view.edits.seen >= seq {
            return Some(view);
        }
        self.catch_up(generation).await
    }

    fn current(&self) -> Option<Arc<View>> {
        self.inner
            .current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Re-reads the jobs written since the current view and installs the view with them.
    async fn catch_up(&self, generation: u64) -> Option<Arc<View>> {
        let _turn = self.inner.catching_up.lock().await;
        // Before the rows are read: every edit before it is committed and will be seen.
        let seq = self.inner.caches.job_edit_seq();
        let view = self
            .current()
            .filter(|v| v.snapshot.generation == generation)?;
        if view.edits.seen >= seq {
            return Some(view);
        }
        let written = self.inner.caches.job_edits_since(view.edits.seen);
        let Some(written) = written.filter(|w| view.edits.len() + w.len() <= EDITS_MAX) else {
            // Too far behind: a new snapshot, and SQL until it is read.
            self.inner.stale.store(true, Ordering::Release);
            self.read_in_background();
            return None;
        };
        let ids = written.clone();
        let rows = self
            .inner
            .db
            .run(move |conn| load::open_rows(conn, ids).map_err(map_db_error))
            .await;
        let rows = match rows {
            Ok(rows) => rows,
            Err(e) => {
                warn!(error = %e, "job search index: written jobs not read");
                return None;
            }
        };
        let snapshot = view.snapshot.clone();
        let caught_up = tokio::task::spawn_blocking(move || {
            let edits = view.edits.with(&snapshot, &written, rows, seq);
            Arc::new(View {
                snapshot,
                edits: Arc::new(edits),
            })
        })
        .await
        .ok()?;
        let mut current = self
            .inner
            .current
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        // Unless a new snapshot came meanwhile, which holds these edits or will catch up on them.
        if current
            .as_ref()
            .is_some_and(|c| Arc::ptr_eq(&c.snapshot, &caught_up.snapshot))
        {
            *current = Some(caught_up.clone());
        }
        Some(caught_up)
    }

    fn check_due(&self) -> bool {
        let checked = self
            .inner
            .checked_at
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let last_read = *self
            .inner
            .last_read
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let every = self.inner.max_age.max(last_read * 4);
        checked.is_none_or(|at| at.elapsed() >= every)
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
        // Before the read: an event published during it leaves the new snapshot stale, and the
        // edits from this one on are caught up on over it.
        let generation = self.caches.jobs_generation();
        let edits_seen = self.caches.job_edit_seq();
        let forced = self.stale.swap(false, Ordering::AcqRel);
        let current = self
            .current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let started = Instant::now();
        let read = read_with(&mut connection.0, &self.db, |conn| {
            let fingerprint = load::fingerprint(conn)?;
            let unchanged = !forced
                && current.as_ref().is_some_and(|v| {
                    v.snapshot.generation == generation && v.snapshot.fingerprint == fingerprint
                });
            if unchanged {
                return Ok(None);
            }
            load::snapshot(conn, fingerprint, generation).map(Some)
        });
        match read {
            Ok(Some(snapshot)) => {
                // The words searched on the old snapshot are scanned before the new one is used
                // (for at most as long again as the read), so its first searches find them.
                if let Some(old) = &current {
                    snapshot.warm_up(&old.snapshot, started.elapsed());
                }
                let elapsed = started.elapsed();
                info!(
                    jobs = snapshot.ids.len(),
                    heap_mb = snapshot.heap_bytes() >> 20,
                    elapsed_ms = elapsed.as_millis() as u64,
                    "job search index read"
                );
                *self
                    .last_read
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner) = elapsed;
                self.snapshots_read.fetch_add(1, Ordering::Relaxed);
                *self.current.write().unwrap_or_else(PoisonError::into_inner) =
                    Some(Arc::new(View {
                        snapshot: Arc::new(snapshot),
                        edits: Arc::new(Edits::none(edits_seen)),
                    }));
            }
            Ok(None) => debug!("job search index unchanged"),
            // Searches keep using SQL (or the last snapshot) and the next one tries again.
            Err(e) => {
                if forced {
                    self.stale.store(true, Ordering::Release);
                }
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
