//! `CvRepository` over diesel.

use async_trait::async_trait;
use chrono::NaiveDateTime;
use diesel::dsl::{count_star, exists};
use diesel::prelude::*;
use intowork_domain::cv::{Cv, CvRemoval, CvRepository, InsertCvError, NewCv};
use intowork_domain::{CandidateId, CvId, RepoError, UserId};

use crate::conn::{DbConn, MultiBackend};
use crate::database::{Database, write_tx};
use crate::error::{TxError, map_db_error};
use crate::locks::lock_candidate;
use crate::schema::{candidate_cvs, employers, job_applications, jobs};

#[derive(Queryable, Selectable)]
#[diesel(table_name = candidate_cvs)]
struct CvRow {
    id: i64,
    candidate_id: i64,
    filename: String,
    storage_key: String,
    file_size: i64,
    is_active: bool,
    created_at: NaiveDateTime,
    #[allow(dead_code)]
    updated_at: NaiveDateTime,
}

impl From<CvRow> for Cv {
    fn from(r: CvRow) -> Cv {
        Cv {
            id: CvId(r.id),
            candidate_id: CandidateId(r.candidate_id),
            filename: r.filename,
            storage_key: r.storage_key,
            file_size: r.file_size,
            is_active: r.is_active,
            created_at: r.created_at.and_utc(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct DieselCvRepository {
    db: Database,
}

impl DieselCvRepository {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

fn active(candidate: i64) -> CvQuery {
    candidate_cvs::table
        .filter(candidate_cvs::candidate_id.eq(candidate))
        .filter(candidate_cvs::is_active.eq(true))
        .into_boxed()
}

type CvQuery = candidate_cvs::BoxedQuery<'static, MultiBackend>;

/// The newest CV first (the "current" one is the newest active).
fn newest_first(query: CvQuery) -> CvQuery {
    query.order((candidate_cvs::created_at.desc(), candidate_cvs::id.desc()))
}

/// The first CV `query` finds.
fn first(conn: &mut DbConn, query: CvQuery) -> Result<Option<Cv>, RepoError> {
    query
        .select(CvRow::as_select())
        .first::<CvRow>(conn)
        .optional()
        .map(|r| r.map(Cv::from))
        .map_err(map_db_error)
}

#[async_trait]
impl CvRepository for DieselCvRepository {
    async fn insert_within_limit(&self, cv: NewCv, max: u32) -> Result<Cv, InsertCvError> {
        let result = self
            .db
            .run(move |conn| {
                Ok(write_tx(conn, |c| {
                    let candidate = cv.candidate_id.get();
                    lock_candidate(c, candidate)?;
                    let count: i64 = active(candidate).select(count_star()).first(c)?;
                    if count >= i64::from(max) {
                        return Err(TxError::Domain(InsertCvError::LimitReached));
                    }
                    let now = cv.now.naive_utc();
                    let row: CvRow = diesel::insert_into(candidate_cvs::table)
                        .values((
                            candidate_cvs::candidate_id.eq(candidate),
                            candidate_cvs::filename.eq(&cv.filename),
                            candidate_cvs::storage_key.eq(&cv.storage_key),
                            candidate_cvs::file_size.eq(cv.file_size),
                            candidate_cvs::is_active.eq(true),
                            candidate_cvs::created_at.eq(now),
                            candidate_cvs::updated_at.eq(now),
                        ))
                        .returning(candidate_cvs::all_columns)
                        .get_result(c)?;
                    Ok(Cv::from(row))
                }))
            })
            .await
            .map_err(InsertCvError::Repo)?;
        result.map_err(TxError::into_domain)
    }

    async fn list_active(&self, candidate: CandidateId) -> Result<Vec<Cv>, RepoError> {
        self.db
            .run(move |conn| {
                newest_first(active(candidate.get()))
                    .select(CvRow::as_select())
                    .load::<CvRow>(conn)
                    .map(|rows| rows.into_iter().map(Cv::from).collect())
                    .map_err(map_db_error)
            })
            .await
    }

    async fn find_active(&self, candidate: CandidateId, id: CvId) -> Result<Option<Cv>, RepoError> {
        self.db
            .run(move |conn| {
                first(
                    conn,
                    active(candidate.get()).filter(candidate_cvs::id.eq(id.get())),
                )
            })
            .await
    }

    async fn current(&self, candidate: CandidateId) -> Result<Option<Cv>, RepoError> {
        self.db
            .run(move |conn| first(conn, newest_first(active(candidate.get()))))
            .await
    }

    async fn find_any(&self, id: CvId) -> Result<Option<Cv>, RepoError> {
        self.db
            .run(move |conn| first(conn, candidate_cvs::table.find(id.get()).into_boxed()))
            .await
    }

    async fn remove(
        &self,
        candidate: CandidateId,
        id: CvId,
    ) -> Result<Option<CvRemoval>, RepoError> {
        self.db
            .run(move |conn| {
                write_tx(conn, |c| {
                    // Serialises with an application choosing this CV at the same moment.
                    lock_candidate(c, candidate.get())?;
                    let row: Option<CvRow> = active(candidate.get())
                        .filter(candidate_cvs::id.eq(id.get()))
                        .select(CvRow::as_select())
                        .first(c)
                        .optional()?;
                    let Some(row) = row else { return Ok(None) };
                    let referenced: bool = diesel::select(exists(
                        job_applications::table.filter(job_applications::cv_id.eq(Some(row.id))),
                    ))
                    .get_result(c)?;
                    if referenced {
                        diesel::update(candidate_cvs::table.find(row.id))
                            .set(candidate_cvs::is_active.eq(false))
                            .execute(c)?;
                        Ok(Some(CvRemoval::Deactivated))
                    } else {
                        diesel::delete(candidate_cvs::table.find(row.id)).execute(c)?;
                        Ok(Some(CvRemoval::Deleted {
                            storage_key: row.storage_key,
                        }))
                    }
                })
                .map_err(map_db_error)
            })
            .await
    }

    async fn employer_has_applicant(
        &self,
        employer_user: UserId,
        candidate: CandidateId,
    ) -> Result<bool, RepoError> {
        self.db
            .run(move |conn| {
                diesel::select(exists(
                    job_applications::table
                        .inner_join(jobs::table.inner_join(employers::table))
                        .filter(employers::user_id.eq(employer_user.get()))
                        .filter(job_applications::candidate_id.eq(candidate.get())),
                ))
                .get_result(conn)
                .map_err(map_db_error)
            })
            .await
    }
}
