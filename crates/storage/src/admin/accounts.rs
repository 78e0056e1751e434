//! Account changes, each in one write transaction with its audit row.

use diesel::prelude::*;
use intowork_domain::admin::AuditRecord;
use intowork_domain::ports::{AccountRemoval, Commit};

use super::audit::insert_audit;
use crate::conn::DbConn;
use crate::database::write_tx;
use crate::schema::users;
use crate::users::{Removed, UserRow, remove_account};

pub(crate) fn set_active(
    conn: &mut DbConn,
    id: i64,
    active: bool,
    audit: &AuditRecord,
) -> QueryResult<Option<UserRow>> {
    write_tx(conn, |conn| {
        // Deactivation bumps the token version: every token issued before dies with it.
        let bump = i64::from(!active);
        let row: Option<UserRow> = diesel::update(users::table.find(id))
            .set((
                users::is_active.eq(active),
                users::token_version.eq(users::token_version + bump),
                users::updated_at.eq(audit.at.naive_utc()),
            ))
            .returning(users::all_columns)
            .get_result(conn)
            .optional()?;
        if let Some(row) = &row {
            insert_audit(conn, audit, row.id, &row.email)?;
        }
        Ok(row)
    })
}

/// The account's removal and its audit row, in one write transaction.
pub(crate) fn delete(
    conn: &mut DbConn,
    removal: &AccountRemoval,
    audit: &AuditRecord,
) -> QueryResult<Commit<Removed>> {
    write_tx(conn, |conn| {
        let email: Option<String> = users::table
            .find(removal.user.get())
            .select(users::email)
            .first(conn)
            .optional()?;
        let Some(email) = email else {
            return Ok(Commit::NotFound);
        };
        let commit = remove_account(conn, removal)?;
        if let Commit::Done(_) = commit {
            insert_audit(conn, audit, removal.user.get(), &email)?;
        }
        Ok(commit)
    })
}
