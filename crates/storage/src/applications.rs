//! `ApplicationRepository` over diesel: applying, the candidate's and the employer's lists, status
//! changes and notes. Every write that also notifies someone is one transaction (CONTRACT D6).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use intowork_domain::application::{
    ApplicationOwner, ApplicationRepository, ApplicationStatus, ApplyTarget, CandidateApplication,
    CreateApplicationError, EmployerApplication, NewApplication, Page,
};
use intowork_domain::job::{JobStatus, Paging};
use intowork_domain::notification::NewNotification;
use intowork_domain::{ApplicationId, CandidateId, EmployerId, JobId, RepoError, UserId};

use crate::application_rows::{CandidateRow, EmployerRow, candidate_columns, employer_columns};
use crate::cache::{CacheEvent, EmployerApplications, ReadCaches, publish};
use crate::conn::DbConn;
use crate::database::{Database, write_tx};
use crate::error::{TxError, is_foreign_key_violation, is_unique_violation_on, map_db_error};
use crate::locks::{job_status_shared, lock_candidate};
use crate::notifications::insert_notification;
use crate::schema::{
    candidate_cvs, candidates, companies, employers, job_applications, jobs, users,
};

const ONE_PER_JOB: &str = "job_applications_job_candidate_key";

/// Without [`ReadCaches`] every total is counted live; with them, employers' totals are shared
/// until an application write evicts them, and its writes evict the job pages they change.
#[derive(Clone, Debug)]
pub struct DieselApplicationRepository {
    db: Database,
    caches: Option<ReadCaches>,
}

impl DieselApplicationRepository {
    pub fn new(db: Database) -> Self {
        Self { db, caches: None }
    }

    pub fn with_caches(self, caches: ReadCaches) -> Self {
        Self {
            caches: Some(caches),
            ..self
        }
    }
}

fn candidate_view(conn: &mut DbConn, id: i64) -> QueryResult<CandidateApplication> {
    let row: CandidateRow = job_applications::table
        .inner_join(jobs::table.inner_join(companies::table))
        .filter(job_applications::id.eq(id))
        .select(candidate_columns())
        .first(conn)?;
    row.try_into()
        .map_err(|e: RepoError| diesel::result::Error::DeserializationError(e.to_string().into()))
}

fn create(
    conn: &mut DbConn,
    new: &NewApplication,
    notification: &NewNotification,
) -> Result<(CandidateApplication, EmployerId), TxError<CreateApplicationError>> {
    // Candidate first (serialises with CV changes), then the job, shared (held until commit, so a
    // concurrent delete or archive of the job sees this application).
    lock_candidate(conn, new.candidate_id.get())?;
    let employer = match job_status_shared(conn, new.job_id.get())? {
        Some((status, employer)) if status == JobStatus::Published.as_str() => employer,
        _ => return Err(TxError::Domain(CreateApplicationError::JobNotFound)),
    };
    // The CV the application is made with: the candidate's current one (D4).
    let cv: Option<i64> = candidate_cvs::table
        .filter(candidate_cvs::candidate_id.eq(new.candidate_id.get()))
        .filter(candidate_cvs::is_active.eq(true))
        .order((candidate_cvs::created_at.desc(), candidate_cvs::id.desc()))
        .select(candidate_cvs::id)
        .first(conn)
        .optional()?;
    let now = new.now.naive_utc();
    let id: i64 = diesel::insert_into(job_applications::table)
        .values((
            job_applications::job_id.eq(new.job_id.get()),
            job_applications::employer_id.eq(employer),
            job_applications::candidate_id.eq(new.candidate_id.get()),
            job_applications::cv_id.eq(cv),
            job_applications::status.eq(ApplicationStatus::Applied.as_str()),
            job_applications::cover_letter.eq(new.cover_letter.as_deref()),
            job_applications::applied_at.eq(now),
            job_applications::updated_at.eq(now),
        ))
        .returning(job_applications::id)
        .get_result(conn)
        .map_err(|e| {
            if is_unique_violation_on(&e, ONE_PER_JOB) {
                TxError::Domain(CreateApplicationError::AlreadyApplied)
            } else if is_foreign_key_violation(&e) {
                // The job vanished between the check and the insert.
                TxError::Domain(CreateApplicationError::JobNotFound)
            } else {
                TxError::Db(e)
            }
        })?;
    insert_notification(conn, notification, Some(id), now)?;
    Ok((candidate_view(conn, id)?, EmployerId(employer)))
}

fn page_of(paging: Paging) -> (i64, i64) {
    (paging.limit, paging.offset())
}

#[async_trait]
impl ApplicationRepository for DieselApplicationRepository {
    async fn apply_target(&self, job: JobId) -> Result<Option<ApplyTarget>, RepoError> {
        self.db
            .run(move |conn| {
                jobs::table
                    .inner_join(employers::table.inner_join(users::table))
                    .filter(jobs::id.eq(job.get()))
                    .filter(jobs::status.eq(JobStatus::Published.as_str()))
                    .filter(users::is_active.eq(true))
                    .select((jobs::title, users::id))
                    .first::<(String, i64)>(conn)
                    .optional()
                    .map(|r| {
                        r.map(|(title, user)| ApplyTarget {
                            title,
                            employer_user_id: UserId(user),
                        })
                    })
                    .map_err(map_db_error)
            })
            .await
    }

    async fn create(
        &self,
        new: NewApplication,
        notification: NewNotification,
    ) -> Result<CandidateApplication, CreateApplicationError> {
        let (created, employer) = self
            .db
            .run(move |conn| Ok(write_tx(conn, |c| create(c, &new, &notification))))
            .await?
            .map_err(TxError::into_domain)?;
        let job = created.job_id;
        publish(
            &self.caches,
            CacheEvent::ApplicationsChanged { employer, job },
        );
        Ok(created)
    }

    async fn list_for_candidate(
        &self,
        candidate: CandidateId,
        status: Option<ApplicationStatus>,
        paging: Paging,
    ) -> Result<Page<CandidateApplication>, RepoError> {
        self.db
            .run(move |conn| {
                let filtered = || {
                    let mut q = job_applications::table
                        .inner_join(jobs::table.inner_join(companies::table))
                        .filter(job_applications::candidate_id.eq(candidate.get()))
                        .into_boxed::<crate::MultiBackend>();
                    if let Some(s) = status {
                        q = q.filter(job_applications::status.eq(s.as_str()));
                    }
                    q
                };
                let total: i64 = filtered()
                    .select(count_star())
                    .first(conn)
                    .map_err(map_db_error)?;
                let (limit, offset) = page_of(paging);
                let rows: Vec<CandidateRow> = filtered()
                    .order((
                        job_applications::applied_at.desc(),
                        job_applications::id.desc(),
                    ))
                    .limit(limit)
                    .offset(offset)
                    .select(candidate_columns())
                    .load(conn)
                    .map_err(map_db_error)?;
                let items = rows
                    .into_iter()
                    .map(TryInto::try_into)
                    .collect::<Result<_, _>>()?;
                Ok(Page { items, total })
            })
            .await
    }

    async fn find_for_candidate(
        &self,
        candidate: CandidateId,
        id: ApplicationId,
    ) -> Result<Option<CandidateApplication>, RepoError> {
        self.db
            .run(move |conn| {
                job_applications::table
                    .inner_join(jobs::table.inner_join(companies::table))
                    .filter(job_applications::id.eq(id.get()))
                    .filter(job_applications::candidate_id.eq(candidate.get()))
                    .select(candidate_columns())
                    .first::<CandidateRow>(conn)
                    .optional()
                    .map_err(map_db_error)?
                    .map(TryInto::try_into)
                    .transpose()
            })
            .await
    }

    async fn withdraw(&self, candidate: CandidateId, id: ApplicationId) -> Result<bool, RepoError> {
        let withdrawn: Option<(i64, i64)> = self
            .db
            .run(move |conn| {
                // Notifications that point at it go with it (ON DELETE CASCADE).
                diesel::delete(
                    job_applications::table
                        .filter(job_applications::id.eq(id.get()))
                        .filter(job_applications::candidate_id.eq(candidate.get()))
                        .filter(job_applications::status.eq(ApplicationStatus::Applied.as_str())),
                )
                .returning((job_applications::employer_id, job_applications::job_id))
                .get_result(conn)
                .optional()
                .map_err(map_db_error)
            })
            .await?;
        let Some((employer, job)) = withdrawn else {
            return Ok(false);
        };
        let (employer, job) = (EmployerId(employer), JobId(job));
        publish(
            &self.caches,
            CacheEvent::ApplicationsChanged { employer, job },
        );
        Ok(true)
    }

    async fn list_for_employer(
        &self,
        employer: EmployerId,
        status: Option<ApplicationStatus>,
        job: Option<JobId>,
        paging: Paging,
    ) -> Result<Page<EmployerApplication>, RepoError> {
        let caches = self.caches.clone();
        self.db
            .run(move |conn| {
                // The filters are all on `job_applications`; `job_applications.employer_id` (a
                // copy of the job's) has the index for "this employer's applications, newest
                // first".
                macro_rules! filtered {
                    ($source:expr) => {{
                        let mut q = $source
                            .filter(job_applications::employer_id.eq(employer.get()))
                            .into_boxed::<crate::MultiBackend>();
                        if let Some(s) = status {
                            q = q.filter(job_applications::status.eq(s.as_str()));
                        }
                        if let Some(j) = job {
                            q = q.filter(job_applications::job_id.eq(j.get()));
                        }
                        q
                    }};
                }
                let filtered = || {
                    filtered!(
                        job_applications::table
                            .inner_join(jobs::table)
                            .inner_join(candidates::table.inner_join(users::table))
                    )
                };
                // Counted without the joins: every application has its job, candidate and user
                // (foreign keys), so the count is the same, from the (employer_id, status) index.
                let mut count = || {
                    filtered!(job_applications::table)
                        .select(count_star())
                        .first::<i64>(conn)
                };
                let total = match &caches {
                    Some(caches) => {
                        let key = EmployerApplications {
                            employer,
                            status,
                            job,
                        };
                        let totals = &caches.caches().application_totals;
                        totals.get_or_blocking(key, count)
                    }
                    None => count(),
                }
                .map_err(map_db_error)?;
                let (limit, offset) = page_of(paging);
                let rows: Vec<EmployerRow> = filtered()
                    .order((
                        job_applications::applied_at.desc(),
                        job_applications::id.desc(),
                    ))
                    .limit(limit)
                    .offset(offset)
                    .select(employer_columns())
                    .load(conn)
                    .map_err(map_db_error)?;
                let items = rows
                    .into_iter()
                    .map(TryInto::try_into)
                    .collect::<Result<_, _>>()?;
                Ok(Page { items, total })
            })
            .await
    }

    async fn owner_of(&self, id: ApplicationId) -> Result<Option<ApplicationOwner>, RepoError> {
        self.db
            .run(move |conn| {
                job_applications::table
                    .inner_join(jobs::table)
                    .inner_join(candidates::table)
                    .filter(job_applications::id.eq(id.get()))
                    .select((
                        jobs::employer_id,
                        jobs::id,
                        jobs::title,
                        candidates::user_id,
                    ))
                    .first::<(i64, i64, String, i64)>(conn)
                    .optional()
                    .map(|r| {
                        r.map(|(employer, job, title, user)| ApplicationOwner {
                            employer_id: EmployerId(employer),
                            job_id: JobId(job),
                            job_title: title,
                            candidate_user_id: UserId(user),
                        })
                    })
                    .map_err(map_db_error)
            })
            .await
    }

    async fn change_status(
        &self,
        id: ApplicationId,
        status: ApplicationStatus,
        notification: NewNotification,
        now: DateTime<Utc>,
    ) -> Result<Option<bool>, RepoError> {
        let changed = self
            .db
            .run(move |conn| {
                write_tx(conn, |c| {
                    change_status(c, id.get(), status, &notification, now.naive_utc())
                })
                .map_err(map_db_error)
            })
            .await?;
        Ok(changed.map(|employer| {
            if let Some(employer) = employer {
                publish(
                    &self.caches,
                    CacheEvent::ApplicationStatusChanged { employer },
                );
            }
            employer.is_some()
        }))
    }

    async fn set_notes(
        &self,
        id: ApplicationId,
        notes: String,
        now: DateTime<Utc>,
    ) -> Result<bool, RepoError> {
        self.db
            .run(move |conn| {
                diesel::update(job_applications::table.find(id.get()))
                    .set((
                        job_applications::notes.eq(Some(notes)),
                        job_applications::updated_at.eq(now.naive_utc()),
                    ))
                    .execute(conn)
                    .map(|n| n > 0)
                    .map_err(map_db_error)
            })
            .await
    }
}

/// The same status again writes nothing and notifies no one (9.1); the conditional UPDATE makes
/// that decision atomic even with concurrent changes. `None` when the application is gone, else
/// the job's employer when the status changed.
fn change_status(
    conn: &mut DbConn,
    id: i64,
    status: ApplicationStatus,
    notification: &NewNotification,
    now: NaiveDateTime,
) -> QueryResult<Option<Option<EmployerId>>> {
    let employer: Option<i64> = job_applications::table
        .find(id)
        .select(job_applications::employer_id)
        .first(conn)
        .optional()?;
    let Some(employer) = employer else {
        return Ok(None);
    };
    let changed = diesel::update(
        job_applications::table
            .filter(job_applications::id.eq(id))
            .filter(job_applications::status.ne(status.as_str())),
    )
    .set((
        job_applications::status.eq(status.as_str()),
        job_applications::updated_at.eq(now),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Ok(Some(None));
    }
    if status != ApplicationStatus::Applied {
        diesel::update(
            job_applications::table
                .filter(job_applications::id.eq(id))
                .filter(job_applications::viewed_at.is_null()),
        )
        .set(job_applications::viewed_at.eq(Some(now)))
        .execute(conn)?;
    }
    insert_notification(conn, notification, None, now)?;
    Ok(Some(Some(EmployerId(employer))))
}
