//! [`CachedJobs`]: the job repository port with the public lists' totals and pages remembered.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Timelike, Utc};
use intowork_domain::image::ReplacedImage;
use intowork_domain::job::{
    ArchiveJob, EmployerJobQuery, Job, JobApplicant, JobFields, JobListing, JobPage, JobRepository,
    JobSummary, NewJob, PublicJobFilter, PublicJobQuery,
};
use intowork_domain::ports::Commit;
use intowork_domain::{JobId, RepoError, UserId};

use super::caches::{CacheEvent, ReadCaches};
use super::cold_loads::ColdLoads;
use super::keys::{JobCount, JobPageKey};
use super::read_cache::Lookup;

/// Wraps a [`JobRepository`]: public totals, recent-job counts and public pages come from the
/// [`ReadCaches`] while no write evicted them; a signed-in candidate's `has_applied` is always
/// read live, for the page's ids only. Its own writes (create, update, delete, archive) evict the
/// job lists; job views evict nothing.
#[derive(Clone, Debug)]
pub struct CachedJobs<R> {
    inner: R,
    caches: ReadCaches,
    /// Concurrent misses of one public page load it once.
    cold_loads: Arc<ColdLoads>,
}

impl<R: JobRepository> CachedJobs<R> {
    pub fn new(inner: R, caches: ReadCaches) -> Self {
        Self {
            inner,
            caches,
            cold_loads: Arc::default(),
        }
    }

    fn page_key(q: &PublicJobQuery) -> JobPageKey {
        JobPageKey {
            filter: q.filter(),
            limit: q.paging.limit,
            offset: q.paging.offset(),
        }
    }

    /// A shared page as `viewer` sees it.
    async fn for_viewer(
        &self,
        page: Arc<Vec<JobSummary>>,
        viewer: Option<UserId>,
    ) -> Result<Vec<JobSummary>, RepoError> {
        let mut items = Arc::unwrap_or_clone(page);
        let Some(viewer) = viewer.filter(|_| !items.is_empty()) else {
            return Ok(items);
        };
        let ids = items.iter().map(|l| l.id).collect();
        let applied = self.inner.applied_among(viewer, ids).await?;
        for listing in &mut items {
            listing.has_applied = applied.contains(&listing.id);
        }
        Ok(items)
    }

    /// Evicts the job lists after a write of `job` that may have changed them: a failed write
    /// too, whose commit may or may not have happened. `job` is `None` when a failed create
    /// leaves which job unknown.
    fn written<T>(
        &self,
        job: Option<JobId>,
        result: &Result<T, RepoError>,
        changed: impl Fn(&T) -> bool,
    ) {
        if result.as_ref().map_or(true, changed) {
            self.caches.publish(match job {
                Some(job) => CacheEvent::JobWritten { job },
                None => CacheEvent::JobsChanged,
            });
        }
    }
}

/// The page as anyone sees it, for the cache.
fn shared(items: &[JobSummary]) -> Arc<Vec<JobSummary>> {
    let mut items = items.to_vec();
    for listing in &mut items {
        listing.has_applied = false;
    }
    Arc::new(items)
}

#[async_trait]
impl<R: JobRepository> JobRepository for CachedJobs<R> {
    /// One database call on a miss: both answers from one `list_public` when neither is cached.
    /// Concurrent misses of one page take turns: the first loads, the others then find it.
    async fn list_public(&self, q: PublicJobQuery) -> Result<JobPage, RepoError> {
        let c = self.caches.caches();
        let total = c.job_counts.lookup(JobCount::Public(q.filter()));
        let page = c.job_pages.lookup(Self::page_key(&q));
        if let (Lookup::Hit(total), Lookup::Hit(items)) = (total, page) {
            let items = self.for_viewer(items, q.viewer).await?;
            return Ok(JobPage { items, total });
        }
        // (A miss's loaders were dropped above, so the looking up starts again after the turn.)
        let _turn = self.cold_loads.turn(&Self::page_key(&q)).await;
        let total = c.job_counts.lookup(JobCount::Public(q.filter()));
        let page = c.job_pages.lookup(Self::page_key(&q));
        let (total, items) = match (total, page) {
            (Lookup::Miss(total), Lookup::Miss(page)) => {
                let fresh = self.inner.list_public(q).await?;
                total.store(fresh.total);
                page.store(shared(&fresh.items));
                return Ok(fresh);
            }
            (Lookup::Hit(total), Lookup::Miss(page)) => {
                let items = self.inner.page_public(q).await?;
                page.store(shared(&items));
                (total, items)
            }
            (Lookup::Miss(loader), Lookup::Hit(items)) => {
                let total = self.inner.count_public(q.filter()).await?;
                loader.store(total);
                (total, self.for_viewer(items, q.viewer).await?)
            }
            (Lookup::Hit(total), Lookup::Hit(items)) => {
                (total, self.for_viewer(items, q.viewer).await?)
            }
        };
        Ok(JobPage { items, total })
    }

    async fn count_public(&self, filter: PublicJobFilter) -> Result<i64, RepoError> {
        let key = JobCount::Public(filter.clone());
        let counts = &self.caches.caches().job_counts;
        counts.get_or(key, || self.inner.count_public(filter)).await
    }

    async fn page_public(&self, q: PublicJobQuery) -> Result<Vec<JobSummary>, RepoError> {
        match self.caches.caches().job_pages.lookup(Self::page_key(&q)) {
            Lookup::Hit(items) => self.for_viewer(items, q.viewer).await,
            Lookup::Miss(page) => {
                let items = self.inner.page_public(q).await?;
                page.store(shared(&items));
                Ok(items)
            }
        }
    }

    async fn applied_among(
        &self,
        viewer: UserId,
        jobs: Vec<JobId>,
    ) -> Result<Vec<JobId>, RepoError> {
        self.inner.applied_among(viewer, jobs).await
    }

    async fn list_for_employer(&self, query: EmployerJobQuery) -> Result<JobPage, RepoError> {
        self.inner.list_for_employer(query).await
    }

    /// Whole seconds: the answer is exact for the second and shared within it.
    async fn count_published_since(&self, since: DateTime<Utc>) -> Result<i64, RepoError> {
        let since = since.with_nanosecond(0).unwrap_or(since);
        let counts = &self.caches.caches().job_counts;
        counts
            .get_or(JobCount::PublishedSince(since), || {
                self.inner.count_published_since(since)
            })
            .await
    }

    async fn create(&self, job: NewJob) -> Result<JobListing, RepoError> {
        let created = self.inner.create(job).await;
        let job = created.as_ref().ok().map(|l| l.job.id);
        self.written(job, &created, |_| true);
        created
    }

    async fn find(&self, id: JobId) -> Result<Option<Job>, RepoError> {
        self.inner.find(id).await
    }

    async fn find_listing(
        &self,
        id: JobId,
        viewer: Option<UserId>,
    ) -> Result<Option<JobListing>, RepoError> {
        self.inner.find_listing(id, viewer).await
    }

    /// Evicts nothing: bumped on every job detail, it would otherwise empty the caches
    /// continuously; a listed view count may lag by the TTL.
    async fn record_view(&self, id: JobId, stored: i64) -> Result<Option<i64>, RepoError> {
        self.inner.record_view(id, stored).await
    }

    async fn update(
        &self,
        id: JobId,
        fields: JobFields,
        now: DateTime<Utc>,
    ) -> Result<Option<JobListing>, RepoError> {
        let updated = self.inner.update(id, fields, now).await;
        self.written(Some(id), &updated, Option::is_some);
        updated
    }

    /// Evicts the pages that show the job: its `image_url` changed.
    async fn replace_image(
        &self,
        id: JobId,
        key: String,
        now: DateTime<Utc>,
    ) -> Result<Option<ReplacedImage>, RepoError> {
        let replaced = self.inner.replace_image(id, key, now).await;
        if replaced.as_ref().map_or(true, Option::is_some) {
            self.caches.publish(CacheEvent::JobRowChanged { job: id });
        }
        replaced
    }

    async fn applicants(&self, id: JobId) -> Result<Vec<JobApplicant>, RepoError> {
        self.inner.applicants(id).await
    }

    async fn delete(&self, id: JobId) -> Result<Commit<()>, RepoError> {
        let commit = self.inner.delete(id).await;
        self.written(Some(id), &commit, |c| matches!(c, Commit::Done(())));
        commit
    }

    async fn archive(&self, work: ArchiveJob) -> Result<Commit<()>, RepoError> {
        let job = work.job;
        let commit = self.inner.archive(work).await;
        self.written(Some(job), &commit, |c| matches!(c, Commit::Done(())));
        commit
    }
}
