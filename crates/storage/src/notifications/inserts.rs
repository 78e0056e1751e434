//! Writing notifications inside the caller's write transaction: a notification is written in the
//! same transaction as the event that causes it (DESIGN 3).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::notification::NewNotification;
use intowork_domain::{ApplicationId, JobId};

use crate::conn::DbConn;
use crate::schema::notifications;

/// An unread notification as inserted.
#[derive(Insertable)]
#[diesel(table_name = notifications)]
struct NewRow<'a> {
    user_id: i64,
    kind: &'static str,
    title: &'a str,
    message: &'a str,
    related_job_id: Option<i64>,
    related_application_id: Option<i64>,
    is_read: bool,
    created_at: NaiveDateTime,
}

fn row(n: &NewNotification, application: Option<i64>, now: NaiveDateTime) -> NewRow<'_> {
    NewRow {
        user_id: n.user_id.get(),
        kind: n.kind.as_str(),
        title: &n.title,
        message: &n.message,
        related_job_id: n.related_job_id.map(JobId::get),
        related_application_id: application,
        is_read: false,
        created_at: now,
    }
}

/// Inserts `n` and returns its id.
///
/// `application_id_override` replaces `n.related_application_id`: the application use case builds
/// the notification before the application row exists, so only the transaction knows the new id.
pub(crate) fn insert_notification(
    conn: &mut DbConn,
    n: &NewNotification,
    application_id_override: Option<i64>,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let application = application_id_override.or(n.related_application_id.map(ApplicationId::get));
    diesel::insert_into(notifications::table)
        .values(row(n, application, now))
        .returning(notifications::id)
        .get_result(conn)
}

/// Inserts every notification of `all` in one statement (a unit of work's notices).
pub(crate) fn insert_notifications(
    conn: &mut DbConn,
    all: &[NewNotification],
    now: NaiveDateTime,
) -> QueryResult<usize> {
    if all.is_empty() {
        return Ok(0);
    }
    let rows: Vec<NewRow<'_>> = all
        .iter()
        .map(|n| row(n, n.related_application_id.map(ApplicationId::get), now))
        .collect();
    // A multi-row insert does not compile through the connection enum: same code per backend.
    match conn {
        DbConn::Pg(c) => diesel::insert_into(notifications::table)
            .values(&rows)
            .execute(c),
        DbConn::Sqlite(c) => diesel::insert_into(notifications::table)
            .values(&rows)
            .execute(c),
    }
}
