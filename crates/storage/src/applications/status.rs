//! Moving an application to another status, with the candidate's notification, in the caller's
//! write transaction.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::EmployerId;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::notification::NewNotification;

use crate::conn::DbConn;
use crate::notifications::insert_notification;
use crate::schema::job_applications;

/// The same status again writes nothing and notifies no one (9.1); the conditional UPDATE makes
/// that decision atomic even with concurrent changes. `None` when the application is gone, else
/// the job's employer when the status changed.
pub(crate) fn change_status(
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
