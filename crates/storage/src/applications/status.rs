//! Moving an application to another status, with its history row, the candidate's notification
//! and template mail, in the caller's write transaction.

use diesel::prelude::*;
use intowork_domain::EmployerId;
use intowork_domain::application::{ApplicationStatus, StatusUpdate};
use intowork_domain::notification::NewNotification;

use super::history::append;
use crate::conn::DbConn;
use crate::email_templates::candidate_mail;
use crate::notifications::insert_notification;
use crate::outbox::Outbox;
use crate::schema::job_applications;

/// The application's employer and status, locked on PostgreSQL until the transaction ends so the
/// status the history records as `from` is still the one being replaced (SQLite's write
/// transaction already excludes other writers).
fn current_locked(conn: &mut DbConn, id: i64) -> QueryResult<Option<(i64, String)>> {
    let query = job_applications::table
        .find(id)
        .select((job_applications::employer_id, job_applications::status));
    match conn {
        DbConn::Pg(pg) => query.for_update().first(pg).optional(),
        DbConn::Sqlite(c) => query.first(c).optional(),
    }
}

/// The same status again writes nothing and notifies no one (9.1). `None` when the application
/// is gone, else the job's employer when the status changed.
pub(crate) fn change_status(
    conn: &mut DbConn,
    outbox: &Outbox,
    id: i64,
    update: &StatusUpdate,
    notification: &NewNotification,
) -> QueryResult<Option<Option<EmployerId>>> {
    let Some((employer, current)) = current_locked(conn, id)? else {
        return Ok(None);
    };
    let status = update.status;
    if current == status.as_str() {
        return Ok(Some(None));
    }
    let now = update.at.naive_utc();
    diesel::update(job_applications::table.find(id))
        .set((
            job_applications::status.eq(status.as_str()),
            job_applications::updated_at.eq(now),
        ))
        .execute(conn)?;
    if status != ApplicationStatus::Applied {
        diesel::update(
            job_applications::table
                .filter(job_applications::id.eq(id))
                .filter(job_applications::viewed_at.is_null()),
        )
        .set(job_applications::viewed_at.eq(Some(now)))
        .execute(conn)?;
    }
    // A stored status the CHECK list no longer knows is recorded as unknown, not guessed.
    let from = ApplicationStatus::parse(&current);
    append(conn, id, from, status, update.actor.get(), now)?;
    insert_notification(conn, notification, None, now)?;
    if let Some(kind) = update.candidate_mail {
        candidate_mail::queue(conn, outbox, id, kind, update.at)?;
    }
    Ok(Some(Some(EmployerId(employer))))
}
