//! `CvMaintenanceRepository` over diesel: the queries of `intowork cleanup-cvs` (CONTRACT 9.4).

use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::dsl::{count_star, exists, not};
use diesel::prelude::*;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::cleanup::{CvMaintenanceRepository, PurgeableCv};
use intowork_domain::{CvId, RepoError};

use crate::conn::DbConn;
use crate::database::{Database, write_tx};
use crate::error::map_db_error;
use crate::schema::{candidate_cvs, job_applications};

#[derive(Clone, Debug)]
pub struct DieselCvMaintenance {
    db: Database,
}

impl DieselCvMaintenance {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

/// The statuses that end an application (the domain decides which).
fn final_statuses() -> Vec<&'static str> {
    ApplicationStatus::ALL
        .into_iter()
        .filter(|s| s.is_final())
        .map(ApplicationStatus::as_str)
        .collect()
}

/// Inactive CVs unchanged since before `cutoff` with no application in a non-final status, oldest
/// first; limited to `only` when given.
fn qualifying(
    conn: &mut DbConn,
    cutoff: NaiveDateTime,
    only: Option<&[i64]>,
) -> QueryResult<Vec<(i64, String)>> {
    let still_needed = job_applications::table
        .filter(job_applications::cv_id.eq(candidate_cvs::id.nullable()))
        .filter(job_applications::status.ne_all(final_statuses()));
    let mut query = candidate_cvs::table
        .filter(candidate_cvs::is_active.eq(false))
        .filter(candidate_cvs::updated_at.lt(cutoff))
        .filter(not(exists(still_needed)))
        .select((candidate_cvs::id, candidate_cvs::storage_key))
        .order((candidate_cvs::updated_at.asc(), candidate_cvs::id.asc()))
        .into_boxed();
    if let Some(ids) = only {
        query = query.filter(candidate_cvs::id.eq_any(ids.to_vec()));
    }
    query.load(conn)
}

/// How many applications refer to each of `ids`.
fn usage(conn: &mut DbConn, ids: &[i64]) -> QueryResult<HashMap<i64, i64>> {
    let rows: Vec<(Option<i64>, i64)> = job_applications::table
        .filter(job_applications::cv_id.eq_any(ids.iter().map(|id| Some(*id)).collect::<Vec<_>>()))
        .group_by(job_applications::cv_id)
        .select((job_applications::cv_id, count_star()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, n)| id.map(|id| (id, n)))
        .collect())
}

fn with_usage(conn: &mut DbConn, cvs: Vec<(i64, String)>) -> QueryResult<Vec<PurgeableCv>> {
    let ids: Vec<i64> = cvs.iter().map(|(id, _)| *id).collect();
    let used = usage(conn, &ids)?;
    Ok(cvs
        .into_iter()
        .map(|(id, storage_key)| PurgeableCv {
            id: CvId(id),
            storage_key,
            final_applications: used.get(&id).copied().unwrap_or(0),
        })
        .collect())
}

/// PostgreSQL: locks the applications that use these CVs, so none can move back to a non-final
/// status between the re-check and the deletion. SQLite already holds the write lock.
fn lock_applications(conn: &mut DbConn, ids: &[i64]) -> QueryResult<()> {
    match conn {
        DbConn::Pg(pg) => job_applications::table
            .filter(
                job_applications::cv_id.eq_any(ids.iter().map(|id| Some(*id)).collect::<Vec<_>>()),
            )
            .select(job_applications::id)
            .for_update()
            .load::<i64>(pg)
            .map(drop),
        DbConn::Sqlite(_) => Ok(()),
    }
}

#[async_trait]
impl CvMaintenanceRepository for DieselCvMaintenance {
    #[tracing::instrument(name = "db.cv_maintenance.purgeable", skip_all)]
    async fn purgeable(&self, cutoff: DateTime<Utc>) -> Result<Vec<PurgeableCv>, RepoError> {
        self.db
            .run(move |conn| {
                let cvs = qualifying(conn, cutoff.naive_utc(), None).map_err(map_db_error)?;
                with_usage(conn, cvs).map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.cv_maintenance.purge", skip_all, fields(cvs = ids.len()))]
    async fn purge(
        &self,
        cutoff: DateTime<Utc>,
        ids: Vec<CvId>,
    ) -> Result<Vec<PurgeableCv>, RepoError> {
        let ids: Vec<i64> = ids.into_iter().map(CvId::get).collect();
        self.db
            .run(move |conn| {
                write_tx(conn, |conn| {
                    lock_applications(conn, &ids)?;
                    let cvs = qualifying(conn, cutoff.naive_utc(), Some(&ids))?;
                    let purged = with_usage(conn, cvs)?;
                    let gone: Vec<i64> = purged.iter().map(|p| p.id.get()).collect();
                    let used: Vec<Option<i64>> = gone.iter().map(|id| Some(*id)).collect();
                    // Only final applications can still refer to them (checked above, under lock).
                    diesel::update(job_applications::table)
                        .filter(job_applications::cv_id.eq_any(used))
                        .set(job_applications::cv_id.eq(None::<i64>))
                        .execute(conn)?;
                    diesel::delete(candidate_cvs::table)
                        .filter(candidate_cvs::id.eq_any(gone))
                        .execute(conn)?;
                    Ok(purged)
                })
                .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.cv_maintenance.referenced_keys", skip_all)]
    async fn referenced_keys(&self) -> Result<HashSet<String>, RepoError> {
        self.db
            .run(|conn| {
                candidate_cvs::table
                    .select(candidate_cvs::storage_key)
                    .load::<String>(conn)
                    .map(|keys| keys.into_iter().collect())
                    .map_err(map_db_error)
            })
            .await
    }
}
