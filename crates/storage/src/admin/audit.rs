//! The audit log: its rows, the insert every admin action makes, and the newest-first list.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::admin::{AuditEntry, AuditRecord, Window};
use intowork_domain::{RepoError, UserId};

use crate::conn::DbConn;
use crate::error::map_db_error;
use crate::schema::admin_audit_log;

#[derive(Queryable, Selectable)]
#[diesel(table_name = admin_audit_log)]
pub(crate) struct AuditRow {
    id: i64,
    actor_user_id: Option<i64>,
    actor_email: Option<String>,
    action: String,
    target_user_id: Option<i64>,
    target_email: Option<String>,
    details: Option<String>,
    created_at: NaiveDateTime,
}

impl From<AuditRow> for AuditEntry {
    fn from(r: AuditRow) -> Self {
        AuditEntry {
            id: r.id,
            actor_user_id: r.actor_user_id.map(UserId),
            actor_email: r.actor_email,
            action: r.action,
            target_user_id: r.target_user_id.map(UserId),
            target_email: r.target_email,
            details: r.details,
            created_at: r.created_at.and_utc(),
        }
    }
}

/// Writes one audit row about the account `target` (id, email), inside the caller's transaction.
pub(crate) fn insert_audit(
    conn: &mut DbConn,
    audit: &AuditRecord,
    target_id: i64,
    target_email: &str,
) -> QueryResult<()> {
    insert_audit_row(conn, audit, Some((target_id, target_email)))
}

/// Writes one audit row about no account (a company, named in the details), inside the caller's
/// transaction.
pub(crate) fn insert_untargeted_audit(conn: &mut DbConn, audit: &AuditRecord) -> QueryResult<()> {
    insert_audit_row(conn, audit, None)
}

fn insert_audit_row(
    conn: &mut DbConn,
    audit: &AuditRecord,
    target: Option<(i64, &str)>,
) -> QueryResult<()> {
    diesel::insert_into(admin_audit_log::table)
        .values((
            admin_audit_log::actor_user_id.eq(audit.actor_user_id.map(UserId::get)),
            admin_audit_log::actor_email.eq(Some(audit.actor_email.as_str())),
            admin_audit_log::action.eq(audit.action.as_str()),
            admin_audit_log::target_user_id.eq(target.map(|t| t.0)),
            admin_audit_log::target_email.eq(target.map(|t| t.1)),
            admin_audit_log::details.eq(Some(audit.details.as_str())),
            admin_audit_log::created_at.eq(audit.at.naive_utc()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Newest first (`created_at DESC, id DESC`).
pub(crate) fn list_audit(conn: &mut DbConn, window: Window) -> Result<Vec<AuditEntry>, RepoError> {
    admin_audit_log::table
        .order((
            admin_audit_log::created_at.desc(),
            admin_audit_log::id.desc(),
        ))
        .limit(window.limit)
        .offset(window.skip)
        .select(AuditRow::as_select())
        .load::<AuditRow>(conn)
        .map(|rows| rows.into_iter().map(Into::into).collect())
        .map_err(map_db_error)
}
