//! The append-only status history (HEAD.md 10.9): one row per status an application reached,
//! inserted by the transaction that changes the status and never updated.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::application::ApplicationStatus;

use crate::conn::DbConn;
use crate::schema::application_status_history;

/// Appends `from → to` for `application`, by `actor` at `at`, in the caller's transaction.
pub(crate) fn append(
    conn: &mut DbConn,
    application: i64,
    from: Option<ApplicationStatus>,
    to: ApplicationStatus,
    actor: i64,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(application_status_history::table)
        .values((
            application_status_history::application_id.eq(application),
            application_status_history::from_status.eq(from.map(ApplicationStatus::as_str)),
            application_status_history::to_status.eq(to.as_str()),
            application_status_history::actor_user_id.eq(Some(actor)),
            application_status_history::changed_at.eq(at),
        ))
        .execute(conn)
        .map(drop)
}
