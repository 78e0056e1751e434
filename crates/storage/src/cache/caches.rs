//! The process's read caches, and what each write event evicts from them.
//!
//! Two kinds of answer are kept:
//!
//! - totals: counting is the one part of a list request whose cost grows with the data (at 100,000
//!   jobs the public list's `count(*)` took 95 to 150 ms, its page 0.5 ms; docs/performance.md);
//! - the rows of public job-list pages, which every visitor shares (the per-viewer `has_applied`
//!   flag is looked up separately, for the page's ids only).
//!
//! The frontend polls these, mostly while nothing changes. The repositories whose writes change a
//! cached answer publish a [`CacheEvent`] after the commit, which evicts exactly the answers it
//! may change; a write by another process (a second replica, the CLI) is seen within the TTL. Job
//! views publish nothing: a listed view count may lag by the TTL.
//!
//! Anyone can ask for any filters, so the caches are bounded in bytes (`READ_CACHE_MAX_MB`, shared
//! out in [`ReadCaches::with_limits`]) and keep a hash of each key rather than its text; a page
//! holds list rows ([`JobSummary`]), never the detail's long texts.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use intowork_domain::job::JobSummary;
use intowork_domain::user::Role;
use intowork_domain::{CompanyId, EmployerId, JobId};

use super::job_edits::JobEdits;
use super::keys::{
    DirectoryAnswer, DirectoryKey, EmployerApplications, JobCount, JobCountTag, JobPageKey,
    Searched,
};
use super::read_cache::{ReadCache, TTL};

/// The default budget of all read caches together: [`ReadCaches::bounded`].
pub const DEFAULT_READ_CACHE_MAX_BYTES: usize = 32 * 1024 * 1024;

/// A committed write that changes cached answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CacheEvent {
    /// Jobs were created, edited, archived or deleted together, or an employer's account was
    /// activated or deactivated: any public list, its total and the job counts may differ.
    JobsChanged,
    /// As [`CacheEvent::JobsChanged`], for one job: the job search index re-reads only its row.
    JobWritten { job: JobId },
    /// What the list rows show of `job` changed (its picture), nothing a filter or a count sees.
    JobRowChanged { job: JobId },
    /// An application to `job` (of `employer`) was made or withdrawn: the job's
    /// `applications_count` on the pages that show it, and the employer's totals.
    ApplicationsChanged { employer: EmployerId, job: JobId },
    /// An application to one of `employer`'s jobs changed status: its totals by status.
    ApplicationStatusChanged { employer: EmployerId },
    /// What job pages show of `company` changed; `renamed` when its name (and with it its jobs'
    /// search text, so which jobs a text search finds) did.
    CompanyChanged { company: CompanyId, renamed: bool },
    /// An account with this role was deleted with everything attached.
    AccountRemoved { role: Role },
}

/// The read caches of one process. Clones share them: the server makes one and hands it to the
/// cached repositories and to the repositories whose writes evict from it.
#[derive(Clone, Debug)]
pub struct ReadCaches {
    inner: Arc<Caches>,
}

#[derive(Debug)]
pub(crate) struct Caches {
    pub(crate) job_counts: ReadCache<JobCount, i64>,
    pub(crate) job_pages: ReadCache<JobPageKey, Arc<Vec<JobSummary>>>,
    pub(crate) application_totals: ReadCache<EmployerApplications, i64>,
    /// The public pages' figures and directory pages ([`super::CachedDirectory`]).
    pub(crate) directory: ReadCache<DirectoryKey, DirectoryAnswer>,
    /// Counts the events that may change which jobs a public search finds: a snapshot of the job
    /// search index read before the last one is stale (`crate::search`).
    jobs_generation: AtomicU64,
    /// The jobs of the [`CacheEvent::JobWritten`] events, which the search index re-reads.
    job_edits: Mutex<JobEdits>,
}

impl Default for ReadCaches {
    fn default() -> Self {
        ReadCaches::with_limits(TTL, DEFAULT_READ_CACHE_MAX_BYTES)
    }
}

impl ReadCaches {
    /// Answers reused for at most 5 s without an eviction, within the default budget.
    pub fn new() -> Self {
        ReadCaches::default()
    }

    /// Answers reused for at most 5 s without an eviction; keys and values of all the caches
    /// together count at most about `max_bytes`.
    pub fn bounded(max_bytes: usize) -> Self {
        ReadCaches::with_limits(TTL, max_bytes)
    }

    /// Answers reused for at most `ttl` without an eviction (tests shorten it).
    pub fn with_ttl(ttl: Duration) -> Self {
        ReadCaches::with_limits(ttl, DEFAULT_READ_CACHE_MAX_BYTES)
    }

    /// `max_bytes` is shared out: job pages hold texts (five eighths), totals are a few dozen
    /// bytes an entry (an eighth each: some tens of thousands of filters), and the public pages'
    /// answers, a handful of keys whose directory pages hold company texts, get an eighth.
    pub fn with_limits(ttl: Duration, max_bytes: usize) -> Self {
        let eighth = max_bytes / 8;
        ReadCaches {
            inner: Arc::new(Caches {
                job_counts: ReadCache::new(ttl, eighth),
                job_pages: ReadCache::new(ttl, max_bytes - 3 * eighth),
                application_totals: ReadCache::new(ttl, eighth),
                directory: ReadCache::new(ttl, eighth),
                jobs_generation: AtomicU64::new(0),
                job_edits: Mutex::default(),
            }),
        }
    }

    pub(crate) fn caches(&self) -> &Caches {
        &self.inner
    }

    /// See [`Caches::jobs_generation`].
    pub(crate) fn jobs_generation(&self) -> u64 {
        self.inner.jobs_generation.load(Ordering::Acquire)
    }

    /// The sequence number of the next [`CacheEvent::JobWritten`]: every one so far is before it.
    pub(crate) fn job_edit_seq(&self) -> u64 {
        self.edits().seq()
    }

    /// The jobs written one at a time from sequence number `seq` on, or `None` when some of them
    /// were forgotten.
    pub(crate) fn job_edits_since(&self, seq: u64) -> Option<Vec<i64>> {
        self.edits().since(seq)
    }

    fn edits(&self) -> std::sync::MutexGuard<'_, JobEdits> {
        self.inner
            .job_edits
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Evicts what `event` may have changed. Called after the write's commit.
    pub(crate) fn publish(&self, event: CacheEvent) {
        tracing::trace!(?event, "read caches: evicting");
        let c = &self.inner;
        // The public pages count jobs, applications, companies and accounts, and list companies:
        // only a status change leaves them as they were.
        if !matches!(event, CacheEvent::ApplicationStatusChanged { .. }) {
            c.directory.clear();
        }
        if matches!(
            event,
            CacheEvent::JobsChanged
                | CacheEvent::CompanyChanged { renamed: true, .. }
                | CacheEvent::AccountRemoved {
                    role: Role::Employer
                }
        ) {
            c.jobs_generation.fetch_add(1, Ordering::AcqRel);
        }
        match event {
            CacheEvent::JobsChanged => {
                c.job_counts.clear();
                c.job_pages.clear();
            }
            CacheEvent::JobWritten { job } => {
                self.edits().push(job.get());
                c.job_counts.clear();
                c.job_pages.clear();
            }
            CacheEvent::JobRowChanged { job } => {
                c.job_pages
                    .evict(|_, page| page.iter().any(|l| l.id == job));
            }
            CacheEvent::ApplicationsChanged { employer, job } => {
                c.application_totals.evict(|k, _| k.employer == employer);
                c.job_pages
                    .evict(|_, page| page.iter().any(|l| l.id == job));
            }
            CacheEvent::ApplicationStatusChanged { employer } => {
                c.application_totals.evict(|k, _| k.employer == employer);
            }
            CacheEvent::CompanyChanged { company, renamed } => {
                c.job_pages.evict(|&Searched(searched), page| {
                    (renamed && searched) || page.iter().any(|l| l.company_id == company)
                });
                if renamed {
                    c.job_counts
                        .evict(|k, _| matches!(k, JobCountTag::Public { searched: true }));
                }
            }
            // Which employers' applications went with a candidate, or which totals named the
            // employer, is not known here: every application total goes.
            CacheEvent::AccountRemoved { role } => match role {
                Role::Candidate => {
                    c.application_totals.clear();
                    c.job_pages.clear();
                }
                Role::Employer => {
                    c.application_totals.clear();
                    c.job_pages.clear();
                    c.job_counts.clear();
                }
                Role::Admin => {}
            },
        }
    }
}

/// Publishes `event` when the repository was given the caches.
pub(crate) fn publish(caches: &Option<ReadCaches>, event: CacheEvent) {
    if let Some(caches) = caches {
        caches.publish(event);
    }
}

/// A repository over the [`crate::Database`] whose writes change cached answers: `new(db)` evicts
/// nothing (nothing is cached for it), `with_caches(caches)` publishes its events to `caches`.
macro_rules! evicting_repository {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        pub struct $name {
            db: crate::Database,
            caches: Option<crate::ReadCaches>,
        }

        impl $name {
            pub fn new(db: crate::Database) -> Self {
                Self { db, caches: None }
            }

            pub fn with_caches(self, caches: crate::ReadCaches) -> Self {
                Self {
                    caches: Some(caches),
                    ..self
                }
            }
        }
    };
}
pub(crate) use evicting_repository;
