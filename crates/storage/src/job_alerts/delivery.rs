//! The delivery side of `JobAlertRepository`: which alerts are due, their unsent jobs, and the
//! one transaction that records a delivery with its mail.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_domain::job_alert::{
    AlertCriteria, AlertDelivery, AlertJob, DueAlert, DueQuery, JobAlert, JobAlertId,
};

use super::matching::{load, matching, since as published_since};
use super::rows::{AlertRow, alert_job};
use crate::database::{Database, write_tx};
use crate::error::{is_foreign_key_violation, is_unique_violation_on, map_db_error};
use crate::outbox::Outbox;
use crate::schema::{job_alert_sent_jobs as sent, job_alerts as alerts, jobs, users};

#[tracing::instrument(name = "db.job_alerts.due", skip_all)]
pub(super) async fn due(db: &Database, q: DueQuery) -> Result<Vec<DueAlert>, RepoError> {
    db.run(move |conn| {
        let mut query = alerts::table
            .inner_join(users::table)
            .filter(alerts::is_active.eq(true))
            .filter(users::is_active.eq(true))
            .filter(
                alerts::frequency
                    .eq("instant")
                    .or(alerts::last_sent_at.is_null())
                    .or(alerts::frequency
                        .eq("daily")
                        .and(alerts::last_sent_at.le(q.daily_sent_before.naive_utc())))
                    .or(alerts::frequency
                        .eq("weekly")
                        .and(alerts::last_sent_at.le(q.weekly_sent_before.naive_utc()))),
            )
            .into_boxed();
        if let Some(after) = q.after {
            query = query.filter(alerts::id.gt(after.get()));
        }
        let rows: Vec<(AlertRow, String)> = query
            .order(alerts::id.asc())
            .limit(q.limit)
            .select((AlertRow::as_select(), users::email))
            .load(conn)
            .map_err(map_db_error)?;
        rows.into_iter()
            .map(|(row, email)| {
                Ok(DueAlert {
                    alert: JobAlert::try_from(row)?,
                    email,
                })
            })
            .collect()
    })
    .await
}

#[tracing::instrument(name = "db.job_alerts.unsent", skip_all, fields(alert_id = alert.get()))]
pub(super) async fn unsent_jobs(
    db: &Database,
    alert: JobAlertId,
    criteria: AlertCriteria,
    since: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<AlertJob>, RepoError> {
    db.run(move |conn| {
        let already = sent::table
            .filter(sent::alert_id.eq(alert.get()))
            .select(sent::job_id);
        let s = published_since(matching(&criteria), since.naive_utc())
            .filter(jobs::id.ne_all(already));
        load(s, limit, conn)
            .map_err(map_db_error)?
            .into_iter()
            .map(alert_job)
            .collect()
    })
    .await
}

/// Why a delivery writes nothing: the alert changed under it (turned off, removed, or delivered
/// by another instance), or one of its jobs was already sent.
enum Abort {
    Stale,
    Db(diesel::result::Error),
}

impl From<diesel::result::Error> for Abort {
    fn from(e: diesel::result::Error) -> Self {
        // A job sent meanwhile by another delivery, or deleted meanwhile.
        if is_unique_violation_on(&e, "job_alert_sent_jobs_pkey") || is_foreign_key_violation(&e) {
            Abort::Stale
        } else {
            Abort::Db(e)
        }
    }
}

#[tracing::instrument(name = "db.job_alerts.record", skip_all, fields(alert_id = d.alert.get()))]
pub(super) async fn record(
    db: &Database,
    queue: &Outbox,
    d: AlertDelivery,
) -> Result<bool, RepoError> {
    let outbox = queue.clone();
    let written = db
        .run(move |conn| {
            let result = write_tx(conn, |conn| {
                let now = d.now.naive_utc();
                // The compare-and-set that makes one delivery win: on PostgreSQL a concurrent one
                // waits on this row's lock, then finds the count changed and updates nothing.
                let n = diesel::update(
                    alerts::table
                        .filter(alerts::id.eq(d.alert.get()))
                        .filter(alerts::is_active.eq(true))
                        .filter(alerts::jobs_sent_count.eq(d.expected_sent_count)),
                )
                .set((
                    alerts::jobs_sent_count.eq(alerts::jobs_sent_count + d.jobs.len() as i64),
                    alerts::last_sent_at.eq(Some(now)),
                    alerts::last_matching_job_id.eq(d.jobs.first().map(|j| j.get())),
                ))
                .execute(conn)?;
                if n == 0 {
                    return Err(Abort::Stale);
                }
                for job in &d.jobs {
                    diesel::insert_into(sent::table)
                        .values((
                            sent::alert_id.eq(d.alert.get()),
                            sent::job_id.eq(job.get()),
                            sent::sent_at.eq(now),
                        ))
                        .execute(conn)?;
                }
                outbox.enqueue(conn, &d.mail, d.now)?;
                Ok(())
            });
            match result {
                Ok(()) => Ok(true),
                Err(Abort::Stale) => Ok(false),
                Err(Abort::Db(e)) => Err(map_db_error(e)),
            }
        })
        .await?;
    if written {
        queue.notify_queued();
    }
    Ok(written)
}
