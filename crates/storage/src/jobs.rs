//! `JobRepository` over diesel. The normalised search text and location are computed here with
//! the domain's normaliser whenever a job is written (CONTRACT 9.10).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Timelike, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use intowork_domain::job::{
    ArchiveJob, EmployerJobQuery, Job, JobApplicant, JobFields, JobListing, JobPage, JobRepository,
    JobStatus, PublicJobFilter, PublicJobQuery,
};
use intowork_domain::ports::Commit;
use intowork_domain::search::{job_search_text, normalize};
use intowork_domain::{ApplicationId, CompanyId, EmployerId, JobId, RepoError, UserId};

use crate::conn::DbConn;
use crate::database::{Database, write_tx};
use crate::error::map_db_error;
use crate::job_rows::{
    APPLICATIONS_COUNT_SQL, JobRow, Source, after_company_pattern, applied_ids, contains_pattern,
    listing_columns, listing_source, load_page, planned_per_pattern, with_applied,
};
use crate::notifications::insert_notifications;
use crate::schema::{candidates, companies, job_applications, jobs, users};

#[derive(Clone, Debug)]
pub struct DieselJobRepository {
    db: Database,
}

impl DieselJobRepository {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

fn naive(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

/// The writable columns plus the derived search columns.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = jobs, treat_none_as_null = true)]
struct JobValues<'a> {
    title: &'a str,
    description: &'a str,
    requirements: Option<&'a str>,
    responsibilities: Option<&'a str>,
    benefits: Option<&'a str>,
    job_type: &'static str,
    location_type: &'static str,
    location: Option<&'a str>,
    location_norm: String,
    salary_min: Option<i32>,
    salary_max: Option<i32>,
    currency: &'a str,
    search_text: String,
    updated_at: NaiveDateTime,
}

fn job_values<'a>(f: &'a JobFields, company_name: &str, now: NaiveDateTime) -> JobValues<'a> {
    JobValues {
        title: &f.title,
        description: &f.description,
        requirements: f.requirements.as_deref(),
        responsibilities: f.responsibilities.as_deref(),
        benefits: f.benefits.as_deref(),
        job_type: f.job_type.as_str(),
        location_type: f.location_type.as_str(),
        location: f.location.as_deref(),
        location_norm: normalize(f.location.as_deref().unwrap_or("")),
        salary_min: f.salary_min,
        salary_max: f.salary_max,
        currency: &f.currency,
        search_text: job_search_text(company_name, &f.title, &f.description),
        updated_at: now,
    }
}

fn public_filtered(q: &PublicJobFilter) -> Source {
    let mut s = listing_source!()
        .filter(jobs::status.eq(JobStatus::Published.as_str()))
        .filter(users::is_active.eq(true));
    // Planned for its actual values, never prepared: a text search's plan depends on the
    // pattern, and the generic plan of the plain list (unknown LIMIT) sorted every published job
    // instead of walking the posted-at index. Such a query only runs when the read cache misses.
    s = s.filter(planned_per_pattern());
    if let Some(text) = &q.text {
        s = s.filter(jobs::search_text.like(contains_pattern(text)).escape('\\'));
    }
    if let Some(location) = &q.location {
        s = s.filter(
            jobs::location_norm
                .like(contains_pattern(location))
                .escape('\\'),
        );
    }
    if let Some(t) = q.job_type {
        s = s.filter(jobs::job_type.eq(t.as_str()));
    }
    if let Some(t) = q.location_type {
        s = s.filter(jobs::location_type.eq(t.as_str()));
    }
    if let Some(min) = q.salary_min {
        s = s.filter(jobs::salary_min.ge(min));
    }
    s
}

fn employer_filtered(q: &EmployerJobQuery) -> Source {
    let mut s = listing_source!().filter(jobs::employer_id.eq(q.employer.get()));
    s = match q.status {
        Some(status) => s.filter(jobs::status.eq(status.as_str())),
        // Archived jobs are history: shown only when asked for by status (8.6).
        None => s.filter(jobs::status.ne(JobStatus::Archived.as_str())),
    };
    if let Some(text) = &q.text {
        s = s.filter(planned_per_pattern()).filter(
            jobs::search_text
                .like(after_company_pattern(text))
                .escape('\\'),
        );
    }
    s
}

/// A page of the public list and its total, `has_applied` for the query's viewer.
fn public_page(conn: &mut DbConn, q: &PublicJobQuery) -> Result<JobPage, RepoError> {
    let filter = q.filter();
    page(
        conn,
        || public_filtered(&filter),
        (q.paging.limit, q.paging.offset()),
        q.viewer,
    )
}

/// One page and its total, `has_applied` for `viewer`.
fn page(
    conn: &mut DbConn,
    filtered: impl Fn() -> Source,
    (limit, offset): (i64, i64),
    viewer: Option<UserId>,
) -> Result<JobPage, RepoError> {
    let total = filtered()
        .select(count_star())
        .get_result::<i64>(conn)
        .map_err(map_db_error)?;
    let rows = load_page(filtered(), limit, offset, conn).map_err(map_db_error)?;
    let items = with_applied(conn, rows, viewer)?;
    Ok(JobPage { items, total })
}

fn load_listing(
    conn: &mut DbConn,
    id: i64,
    viewer: Option<UserId>,
) -> Result<Option<JobListing>, RepoError> {
    let row = listing_source!()
        .filter(jobs::id.eq(id))
        .select(listing_columns())
        .first(conn)
        .optional()
        .map_err(map_db_error)?;
    Ok(with_applied(conn, row.into_iter().collect(), viewer)?.pop())
}

fn company_name(conn: &mut DbConn, company: i64) -> QueryResult<String> {
    companies::table
        .find(company)
        .select(companies::name)
        .first(conn)
}

/// The job's applications and their candidates' user ids, oldest first.
fn applicants(conn: &mut DbConn, id: i64) -> QueryResult<Vec<JobApplicant>> {
    let rows: Vec<(i64, i64)> = job_applications::table
        .inner_join(candidates::table)
        .filter(job_applications::job_id.eq(id))
        .select((job_applications::id, candidates::user_id))
        .order(job_applications::id.asc())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(application, user)| JobApplicant {
            application: ApplicationId(application),
            user: UserId(user),
        })
        .collect())
}

/// Locks the job (exclusively: an application being written to it commits first and is then seen
/// here) and tells whether it can still be removed: it exists and is not archived.
fn lock_removable(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let status = crate::locks::job_status_exclusive(conn, id)?;
    Ok(status.is_some_and(|s| s != JobStatus::Archived.as_str()))
}

fn application_ids(conn: &mut DbConn, id: i64) -> QueryResult<Vec<i64>> {
    job_applications::table
        .filter(job_applications::job_id.eq(id))
        .select(job_applications::id)
        .order(job_applications::id.asc())
        .load(conn)
}

fn delete_unapplied(conn: &mut DbConn, id: i64) -> QueryResult<Commit<()>> {
    if !lock_removable(conn, id)? {
        return Ok(Commit::NotFound);
    }
    if !application_ids(conn, id)?.is_empty() {
        return Ok(Commit::Stale);
    }
    diesel::delete(jobs::table.find(id)).execute(conn)?;
    Ok(Commit::Done(()))
}

fn archive(conn: &mut DbConn, work: &ArchiveJob) -> QueryResult<Commit<()>> {
    let id = work.job.get();
    if !lock_removable(conn, id)? {
        return Ok(Commit::NotFound);
    }
    let expected: Vec<i64> = work.applications.iter().map(|a| a.get()).collect();
    if application_ids(conn, id)? != expected {
        return Ok(Commit::Stale);
    }
    let now = naive(work.at);
    diesel::update(jobs::table.find(id))
        .set((
            jobs::status.eq(JobStatus::Archived.as_str()),
            jobs::updated_at.eq(now),
        ))
        .execute(conn)?;
    insert_notifications(conn, &work.notifications, now)?;
    Ok(Commit::Done(()))
}

#[async_trait]
impl JobRepository for DieselJobRepository {
    #[tracing::instrument(name = "db.jobs.list_public", skip_all)]
    async fn list_public(&self, q: PublicJobQuery) -> Result<JobPage, RepoError> {
        self.db.run(move |conn| public_page(conn, &q)).await
    }

    #[tracing::instrument(name = "db.jobs.count_public", skip_all)]
    async fn count_public(&self, filter: PublicJobFilter) -> Result<i64, RepoError> {
        self.db
            .run(move |conn| {
                public_filtered(&filter)
                    .select(count_star())
                    .get_result(conn)
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.page_public", skip_all)]
    async fn page_public(&self, q: PublicJobQuery) -> Result<Vec<JobListing>, RepoError> {
        self.db
            .run(move |conn| {
                let rows = load_page(
                    public_filtered(&q.filter()),
                    q.paging.limit,
                    q.paging.offset(),
                    conn,
                )
                .map_err(map_db_error)?;
                with_applied(conn, rows, q.viewer)
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.applied_among", skip_all)]
    async fn applied_among(
        &self,
        viewer: UserId,
        jobs: Vec<JobId>,
    ) -> Result<Vec<JobId>, RepoError> {
        self.db
            .run(move |conn| {
                let ids = jobs.into_iter().map(JobId::get).collect();
                applied_ids(conn, viewer.get(), ids)
                    .map(|ids| ids.into_iter().map(JobId).collect())
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.list_for_employer", skip_all, fields(employer_id = q.employer.get()))]
    async fn list_for_employer(&self, q: EmployerJobQuery) -> Result<JobPage, RepoError> {
        self.db
            .run(move |conn| {
                let window = (q.paging.limit, q.paging.offset());
                page(conn, || employer_filtered(&q), window, None)
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.count_published_since", skip_all)]
    async fn count_published_since(&self, since: DateTime<Utc>) -> Result<i64, RepoError> {
        // Whole seconds, as the cache shares it within the second.
        let since = naive(since)
            .with_nanosecond(0)
            .unwrap_or_else(|| naive(since));
        self.db
            .run(move |conn| {
                listing_source!()
                    .filter(jobs::status.eq(JobStatus::Published.as_str()))
                    .filter(users::is_active.eq(true))
                    .filter(jobs::posted_at.ge(since))
                    .select(count_star())
                    .get_result(conn)
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.create", skip_all, fields(employer_id = employer.get()))]
    async fn create(
        &self,
        employer: EmployerId,
        company: CompanyId,
        fields: JobFields,
        now: DateTime<Utc>,
    ) -> Result<JobListing, RepoError> {
        self.db
            .run(move |conn| {
                let now = naive(now);
                let id: i64 = write_tx(conn, |conn| {
                    let name = company_name(conn, company.get())?;
                    diesel::insert_into(jobs::table)
                        .values((
                            job_values(&fields, &name, now),
                            jobs::employer_id.eq(employer.get()),
                            jobs::company_id.eq(company.get()),
                            jobs::status.eq(JobStatus::Published.as_str()),
                            jobs::is_featured.eq(false),
                            jobs::views_count.eq(0_i64),
                            jobs::applications_count.eq(0),
                            jobs::posted_at.eq(Some(now)),
                            jobs::created_at.eq(now),
                        ))
                        .returning(jobs::id)
                        .get_result(conn)
                })
                .map_err(map_db_error)?;
                load_listing(conn, id, None)?
                    .ok_or_else(|| RepoError::Internal("created job vanished".to_owned()))
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.find", skip_all, fields(job_id = id.get()))]
    async fn find(&self, id: JobId) -> Result<Option<Job>, RepoError> {
        self.db
            .run(move |conn| {
                jobs::table
                    .find(id.get())
                    .select((
                        JobRow::as_select(),
                        crate::static_sql::static_sql::<BigInt>(APPLICATIONS_COUNT_SQL),
                    ))
                    .first::<(JobRow, i64)>(conn)
                    .optional()
                    .map_err(map_db_error)?
                    .map(|(row, count)| row.into_job(count))
                    .transpose()
            })
            .await
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
    async fn record_view(&self, id: JobId) -> Result<Option<i64>, RepoError> {
        self.db
            .run(move |conn| {
                // One statement: concurrent views never lose an increment (D8).
                diesel::update(jobs::table.find(id.get()))
                    .set(jobs::views_count.eq(jobs::views_count + 1_i64))
                    .returning(jobs::views_count)
                    .get_result(conn)
                    .optional()
                    .map_err(map_db_error)
            })
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
            .run(move |conn| {
                let updated = write_tx(conn, |conn| {
                    let company: Option<i64> = jobs::table
                        .find(id.get())
                        .select(jobs::company_id)
                        .first(conn)
                        .optional()?;
                    let Some(company) = company else {
                        return Ok(false);
                    };
                    let name = company_name(conn, company)?;
                    diesel::update(jobs::table.find(id.get()))
                        .set(job_values(&fields, &name, naive(now)))
                        .execute(conn)
                        .map(|n| n > 0)
                })
                .map_err(map_db_error)?;
                if !updated {
                    return Ok(None);
                }
                load_listing(conn, id.get(), None)
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.applicants", skip_all, fields(job_id = id.get()))]
    async fn applicants(&self, id: JobId) -> Result<Vec<JobApplicant>, RepoError> {
        self.db
            .run(move |conn| applicants(conn, id.get()).map_err(map_db_error))
            .await
    }

    #[tracing::instrument(name = "db.jobs.delete", skip_all, fields(job_id = id.get()))]
    async fn delete(&self, id: JobId) -> Result<Commit<()>, RepoError> {
        self.db
            .run(move |conn| {
                write_tx(conn, |conn| delete_unapplied(conn, id.get())).map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.jobs.archive", skip_all, fields(job_id = work.job.get()))]
    async fn archive(&self, work: ArchiveJob) -> Result<Commit<()>, RepoError> {
        self.db
            .run(move |conn| write_tx(conn, |conn| archive(conn, &work)).map_err(map_db_error))
            .await
    }
}
