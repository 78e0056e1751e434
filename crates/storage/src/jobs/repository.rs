//! `JobRepository` over diesel: each method one pool checkout running a fixed number of
//! statements.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Timelike, Utc};
use diesel::prelude::*;
use intowork_domain::image::ReplacedImage;
use intowork_domain::job::{
    ArchiveJob, EmployerJobQuery, Job, JobApplicant, JobFields, JobListing, JobPage, JobRepository,
    JobSummary, NewJob, PublicJobFilter, PublicJobQuery,
};
use intowork_domain::ports::Commit;
use intowork_domain::{JobId, RepoError, UserId};

use super::filters::{employer_filtered, open_jobs, public_filtered};
use super::listing::{applied_ids, count, load_listing, page, page_items, rows_of};
use super::rows::JobRow;
use super::source::{RowShape, applications_count};
use super::views::JobViewCounter;
use super::{removal, writes};
use crate::database::{Database, write_tx};
use crate::error::map_db_error;
use crate::schema::jobs;
use crate::search::{JobSearchIndex, View};
use crate::stored::naive;

/// Reads every list live; wrap it in [`crate::CachedJobs`] to share polled answers. Given a
/// [`JobSearchIndex`], the public list's totals and page ids come from it whenever it is current.
#[derive(Clone, Debug)]
pub struct DieselJobRepository {
    db: Database,
    search: Option<JobSearchIndex>,
    views: Option<JobViewCounter>,
}

impl DieselJobRepository {
    pub fn new(db: Database) -> Self {
        Self {
            db,
            search: None,
            views: None,
        }
    }

    /// Views are counted by `views` and written when it is flushed, instead of one `UPDATE` each.
    pub fn with_view_counter(self, views: JobViewCounter) -> Self {
        Self {
            views: Some(views),
            ..self
        }
    }

    pub fn with_search_index(self, index: JobSearchIndex) -> Self {
        Self {
            search: Some(index),
            ..self
        }
    }

    async fn view(&self) -> Option<Arc<View>> {
        match &self.search {
            Some(index) => index.view().await,
            None => None,
        }
    }

    /// The list rows of the ids the index found; no statement for an empty page.
    async fn rows(
        &self,
        ids: Vec<i64>,
        viewer: Option<UserId>,
    ) -> Result<Vec<JobSummary>, RepoError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        self.db.run(move |conn| rows_of(conn, ids, viewer)).await
    }
}

/// The total and page ids of `filter` in `snapshot`, on the blocking pool: a word not searched
/// before is a scan of every job's text (milliseconds), which must neither hold an async worker
/// nor a database connection.
async fn found(
    view: Arc<View>,
    filter: PublicJobFilter,
    window: (i64, i64),
) -> Result<(i64, Vec<i64>), RepoError> {
    tokio::task::spawn_blocking(move || view.find(&filter, window))
        .await
        .map_err(|e| RepoError::Internal(format!("job search: {e}")))
}

fn window(q: &PublicJobQuery) -> (i64, i64) {
    (q.paging.limit, q.paging.offset())
}

#[async_trait]
impl JobRepository for DieselJobRepository {
    #[tracing::instrument(name = "db.jobs.list_public", skip_all)]
    async fn list_public(&self, q: PublicJobQuery) -> Result<JobPage, RepoError> {
        if let Some(view) = self.view().await {
            let (total, ids) = found(view, q.filter(), window(&q)).await?;
            let items = self.rows(ids, q.viewer).await?;
            return Ok(JobPage { items, total });
        }
        self.db
            .run(move |conn| {
                let filter = q.filter();
                page(
                    conn,
                    || public_filtered(&filter),
                    RowShape::Public,
                    window(&q),
                    q.viewer,
                )
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.count_public", skip_all)]
    async fn count_public(&self, filter: PublicJobFilter) -> Result<i64, RepoError> {
        if let Some(view) = self.view().await {
            return Ok(found(view, filter, (0, 0)).await?.0);
        }
        self.db
            .run(move |conn| count(conn, public_filtered(&filter)))
            .await
    }

    #[tracing::instrument(name = "db.jobs.page_public", skip_all)]
    async fn page_public(&self, q: PublicJobQuery) -> Result<Vec<JobSummary>, RepoError> {
        if let Some(view) = self.view().await {
            let (_, ids) = found(view, q.filter(), window(&q)).await?;
            return self.rows(ids, q.viewer).await;
        }
        self.db
            .run(move |conn| {
                let source = public_filtered(&q.filter());
                page_items(conn, source, RowShape::Public, window(&q), q.viewer)
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.applied_among", skip_all)]
    async fn applied_among(
        &self,
        viewer: UserId,
        jobs: Vec<JobId>,
    ) -> Result<Vec<JobId>, RepoError> {
        let ids = jobs.into_iter().map(JobId::get).collect();
        let applied = self
            .db
            .run(move |conn| applied_ids(conn, viewer.get(), ids).map_err(map_db_error))
            .await?;
        Ok(applied.into_iter().map(JobId).collect())
    }

    #[tracing::instrument(name = "db.jobs.list_for_employer", skip_all, fields(employer_id = q.employer.get()))]
    async fn list_for_employer(&self, q: EmployerJobQuery) -> Result<JobPage, RepoError> {
        let window = (q.paging.limit, q.paging.offset());
        self.db
            .run(move |conn| {
                page(
                    conn,
                    || employer_filtered(&q),
                    RowShape::Owner,
                    window,
                    None,
                )
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.count_published_since", skip_all)]
    async fn count_published_since(&self, since: DateTime<Utc>) -> Result<i64, RepoError> {
        // Whole seconds, as the cache shares the answer within the second.
        let since = naive(since.with_nanosecond(0).unwrap_or(since));
        if let Some(view) = self.view().await {
            return Ok(view.count_posted_since(since));
        }
        self.db
            .run(move |conn| count(conn, open_jobs().filter(jobs::posted_at.ge(since))))
            .await
    }

    #[tracing::instrument(name = "db.jobs.create", skip_all, fields(employer_id = job.employer_id.get()))]
    async fn create(&self, job: NewJob) -> Result<JobListing, RepoError> {
        self.db.run(move |conn| writes::create(conn, &job)).await
    }

    #[tracing::instrument(name = "db.jobs.find", skip_all, fields(job_id = id.get()))]
    async fn find(&self, id: JobId) -> Result<Option<Job>, RepoError> {
        let row = self
            .db
            .run(move |conn| {
                jobs::table
                    .find(id.get())
                    .select((JobRow::as_select(), applications_count()))
                    .first::<(JobRow, i64)>(conn)
                    .optional()
                    .map_err(map_db_error)
            })
            .await?;
        row.map(|(row, count)| row.into_job(count)).transpose()
    }

    #[tracing::instrument(name = "db.jobs.find_listing", skip_all, fields(job_id = id.get()))]
    async fn find_listing(
        &self,
        id: JobId,
        viewer: Option<UserId>,
    ) -> Result<Option<JobListing>, RepoError> {
        self.db
            .run(move |conn| load_listing(conn, id.get(), viewer))
            .await
    }

    #[tracing::instrument(name = "db.jobs.record_view", skip_all, fields(job_id = id.get()))]
    async fn record_view(&self, id: JobId, stored: i64) -> Result<Option<i64>, RepoError> {
        if let Some(views) = &self.views {
            return Ok(Some(stored + views.count(id.get())));
        }
        self.db
            .run(move |conn| writes::record_view(conn, id).map_err(map_db_error))
            .await
    }

    #[tracing::instrument(name = "db.jobs.update", skip_all, fields(job_id = id.get()))]
    async fn update(
        &self,
        id: JobId,
        fields: JobFields,
        now: DateTime<Utc>,
    ) -> Result<Option<JobListing>, RepoError> {
        self.db
            .run(move |conn| writes::update(conn, id, &fields, naive(now)))
            .await
    }

    #[tracing::instrument(name = "db.jobs.replace_image", skip_all, fields(job_id = id.get()))]
    async fn replace_image(
        &self,
        id: JobId,
        key: String,
        now: DateTime<Utc>,
    ) -> Result<Option<ReplacedImage>, RepoError> {
        self.db
            .run(move |conn| writes::replace_image(conn, id, &key, naive(now)))
            .await
    }

    #[tracing::instrument(name = "db.jobs.applicants", skip_all, fields(job_id = id.get()))]
    async fn applicants(&self, id: JobId) -> Result<Vec<JobApplicant>, RepoError> {
        self.db
            .run(move |conn| removal::applicants(conn, id.get()).map_err(map_db_error))
            .await
    }

    #[tracing::instrument(name = "db.jobs.delete", skip_all, fields(job_id = id.get()))]
    async fn delete(&self, id: JobId) -> Result<Commit<()>, RepoError> {
        self.db
            .run(move |conn| {
                write_tx(conn, |c| removal::delete_unapplied(c, id.get())).map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.archive", skip_all, fields(job_id = work.job.get()))]
    async fn archive(&self, work: ArchiveJob) -> Result<Commit<()>, RepoError> {
        self.db
            .run(move |conn| write_tx(conn, |c| removal::archive(c, &work)).map_err(map_db_error))
            .await
    }
}
