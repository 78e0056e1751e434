//! `JobAlertRepository` over diesel: the owner's alerts (every call scoped to the owner) and the
//! preview. Delivery is in `delivery`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use intowork_domain::job_alert::{
    AlertChanges, AlertCriteria, AlertDelivery, AlertJob, AlertStats, DueAlert, DueQuery, JobAlert,
    JobAlertId, JobAlertRepository, NewJobAlert,
};
use intowork_domain::{RepoError, UserId};

use super::delivery;
use super::matching::{load, matching};
use super::rows::{AlertRow, alert_job, encode_criteria};
use crate::conn::DbConn;
use crate::database::{Database, write_tx};
use crate::error::map_db_error;
use crate::outbox::Outbox;
use crate::schema::job_alerts as alerts;

#[derive(Clone, Debug)]
pub struct DieselJobAlertRepository {
    db: Database,
    outbox: Outbox,
}

impl DieselJobAlertRepository {
    /// `outbox` queues each delivery's mail in the delivery's transaction.
    pub fn new(db: Database, outbox: Outbox) -> Self {
        Self { db, outbox }
    }
}

fn find(conn: &mut DbConn, owner: i64, id: i64) -> QueryResult<Option<AlertRow>> {
    alerts::table
        .filter(alerts::id.eq(id))
        .filter(alerts::user_id.eq(owner))
        .select(AlertRow::as_select())
        .first(conn)
        .optional()
}

fn read(row: Option<AlertRow>) -> Result<Option<JobAlert>, RepoError> {
    row.map(JobAlert::try_from).transpose()
}

#[async_trait]
impl JobAlertRepository for DieselJobAlertRepository {
    #[tracing::instrument(name = "db.job_alerts.list", skip_all)]
    async fn list(&self, owner: UserId, active: Option<bool>) -> Result<Vec<JobAlert>, RepoError> {
        self.db
            .run(move |conn| {
                let mut q = alerts::table
                    .filter(alerts::user_id.eq(owner.get()))
                    .into_boxed();
                if let Some(active) = active {
                    q = q.filter(alerts::is_active.eq(active));
                }
                let rows: Vec<AlertRow> = q
                    .order((alerts::created_at.desc(), alerts::id.desc()))
                    .select(AlertRow::as_select())
                    .load(conn)
                    .map_err(map_db_error)?;
                rows.into_iter().map(JobAlert::try_from).collect()
            })
            .await
    }

    #[tracing::instrument(name = "db.job_alerts.get", skip_all)]
    async fn get(&self, owner: UserId, id: JobAlertId) -> Result<Option<JobAlert>, RepoError> {
        self.db
            .run(move |conn| read(find(conn, owner.get(), id.get()).map_err(map_db_error)?))
            .await
    }

    #[tracing::instrument(name = "db.job_alerts.create", skip_all)]
    async fn create(&self, a: NewJobAlert) -> Result<JobAlert, RepoError> {
        self.db
            .run(move |conn| {
                let now = a.now.naive_utc();
                let row: AlertRow = diesel::insert_into(alerts::table)
                    .values((
                        alerts::user_id.eq(a.owner.get()),
                        alerts::name.eq(&a.name),
                        alerts::criteria.eq(encode_criteria(&a.criteria)),
                        alerts::frequency.eq(a.frequency.as_str()),
                        alerts::is_active.eq(true),
                        alerts::jobs_sent_count.eq(0_i64),
                        alerts::created_at.eq(now),
                        alerts::updated_at.eq(now),
                    ))
                    .returning(alerts::all_columns)
                    .get_result(conn)
                    .map_err(map_db_error)?;
                row.try_into()
            })
            .await
    }

    #[tracing::instrument(name = "db.job_alerts.update", skip_all)]
    async fn update(
        &self,
        owner: UserId,
        id: JobAlertId,
        changes: AlertChanges,
        now: DateTime<Utc>,
    ) -> Result<Option<JobAlert>, RepoError> {
        self.db
            .run(move |conn| {
                let row = write_tx(conn, |conn| {
                    let target = alerts::table
                        .filter(alerts::id.eq(id.get()))
                        .filter(alerts::user_id.eq(owner.get()));
                    let n = diesel::update(target)
                        .set(alerts::updated_at.eq(now.naive_utc()))
                        .execute(conn)?;
                    if n == 0 {
                        return Ok(None);
                    }
                    if let Some(name) = &changes.name {
                        diesel::update(target)
                            .set(alerts::name.eq(name))
                            .execute(conn)?;
                    }
                    if let Some(c) = &changes.criteria {
                        diesel::update(target)
                            .set(alerts::criteria.eq(encode_criteria(c)))
                            .execute(conn)?;
                    }
                    if let Some(f) = changes.frequency {
                        diesel::update(target)
                            .set(alerts::frequency.eq(f.as_str()))
                            .execute(conn)?;
                    }
                    if let Some(active) = changes.is_active {
                        diesel::update(target)
                            .set(alerts::is_active.eq(active))
                            .execute(conn)?;
                    }
                    find(conn, owner.get(), id.get())
                })
                .map_err(map_db_error)?;
                read(row)
            })
            .await
    }

    #[tracing::instrument(name = "db.job_alerts.toggle", skip_all)]
    async fn toggle(
        &self,
        owner: UserId,
        id: JobAlertId,
        now: DateTime<Utc>,
    ) -> Result<Option<JobAlert>, RepoError> {
        self.db
            .run(move |conn| {
                let row = write_tx(conn, |conn| {
                    let target = alerts::table
                        .filter(alerts::id.eq(id.get()))
                        .filter(alerts::user_id.eq(owner.get()));
                    diesel::update(target)
                        .set((
                            alerts::is_active.eq(diesel::dsl::not(alerts::is_active)),
                            alerts::updated_at.eq(now.naive_utc()),
                        ))
                        .execute(conn)?;
                    find(conn, owner.get(), id.get())
                })
                .map_err(map_db_error)?;
                read(row)
            })
            .await
    }

    #[tracing::instrument(name = "db.job_alerts.delete", skip_all)]
    async fn delete(&self, owner: UserId, id: JobAlertId) -> Result<bool, RepoError> {
        self.db
            .run(move |conn| {
                let target = alerts::table
                    .filter(alerts::id.eq(id.get()))
                    .filter(alerts::user_id.eq(owner.get()));
                let n = diesel::delete(target).execute(conn).map_err(map_db_error)?;
                Ok(n > 0)
            })
            .await
    }

    #[tracing::instrument(name = "db.job_alerts.stats", skip_all)]
    async fn stats(&self, owner: UserId) -> Result<AlertStats, RepoError> {
        self.db
            .run(move |conn| {
                // One statement: an owner has a handful of alerts, and SUM's type differs
                // between the databases (NUMERIC on PostgreSQL).
                let rows: Vec<(bool, i64)> = alerts::table
                    .filter(alerts::user_id.eq(owner.get()))
                    .select((alerts::is_active, alerts::jobs_sent_count))
                    .load(conn)
                    .map_err(map_db_error)?;
                Ok(AlertStats {
                    total_alerts: rows.len() as i64,
                    active_alerts: rows.iter().filter(|(active, _)| *active).count() as i64,
                    total_jobs_sent: rows.iter().map(|(_, n)| n).sum(),
                })
            })
            .await
    }

    #[tracing::instrument(name = "db.job_alerts.matching", skip_all)]
    async fn matching_jobs(
        &self,
        criteria: AlertCriteria,
        limit: i64,
    ) -> Result<Vec<AlertJob>, RepoError> {
        self.db
            .run(move |conn| {
                load(matching(&criteria), limit, conn)
                    .map_err(map_db_error)?
                    .into_iter()
                    .map(alert_job)
                    .collect()
            })
            .await
    }

    async fn due(&self, query: DueQuery) -> Result<Vec<DueAlert>, RepoError> {
        delivery::due(&self.db, query).await
    }

    async fn unsent_jobs(
        &self,
        alert: JobAlertId,
        criteria: AlertCriteria,
        since: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<AlertJob>, RepoError> {
        delivery::unsent_jobs(&self.db, alert, criteria, since, limit).await
    }

    async fn record_delivery(&self, d: AlertDelivery) -> Result<bool, RepoError> {
        delivery::record(&self.db, &self.outbox, d).await
    }

    #[tracing::instrument(name = "db.job_alerts.deactivate", skip_all)]
    async fn deactivate(&self, id: JobAlertId, now: DateTime<Utc>) -> Result<bool, RepoError> {
        self.db
            .run(move |conn| {
                let n = diesel::update(alerts::table.filter(alerts::id.eq(id.get())))
                    .set((
                        alerts::is_active.eq(false),
                        alerts::updated_at.eq(now.naive_utc()),
                    ))
                    .execute(conn)
                    .map_err(map_db_error)?;
                Ok(n > 0)
            })
            .await
    }
}
