//! A quick message: the status change (if any) and the employer's plain-text mail to the
//! candidate, in the caller's write transaction.

use diesel::prelude::*;
use intowork_domain::EmployerId;
use intowork_domain::application::{QuickMessage, StatusUpdate};
use intowork_domain::notification::NewNotification;

use super::status::change_status;
use crate::conn::DbConn;
use crate::outbox::Outbox;
use crate::schema::{candidates, job_applications, users};

/// `None` when the application is gone; else the job's employer when the status changed.
pub(crate) fn send(
    conn: &mut DbConn,
    outbox: &Outbox,
    id: i64,
    update: &StatusUpdate,
    notification: &NewNotification,
    message: &QuickMessage,
) -> QueryResult<Option<Option<EmployerId>>> {
    let Some(changed) = change_status(conn, outbox, id, update, notification)? else {
        return Ok(None);
    };
    let to: String = job_applications::table
        .inner_join(candidates::table.inner_join(users::table))
        .filter(job_applications::id.eq(id))
        .select(users::email)
        .first(conn)?;
    outbox.enqueue(conn, &message.mail(&to), update.at)?;
    Ok(Some(changed))
}
