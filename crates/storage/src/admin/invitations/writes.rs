//! The writes of an admin-created account: the user without a password, its profile, its new
//! company, its set-password token, the audit row and the link's mail (queued in the outbox); or
//! a fresh token, its mail and its audit row.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::admin::AuditRecord;
use intowork_domain::admin::invitations::NewInvitedAccount;
use intowork_domain::mail::OutgoingMail;
use intowork_domain::ports::CreateUserError;
use intowork_domain::recovery::IssuedResetToken;
use intowork_domain::user::Role;

use crate::admin::audit::insert_audit;
use crate::conn::DbConn;
use crate::error::{TxError, is_unique_violation_on};
use crate::outbox::Outbox;
use crate::reset_tokens::replace_in_tx;
use crate::schema::{companies, employers, password_reset_tokens as tokens, users};
use crate::users::{EMAIL_UNIQUE, UserRow, insert_profile};

pub(crate) fn create_account(
    conn: &mut DbConn,
    outbox: &Outbox,
    account: &NewInvitedAccount,
    audit: &AuditRecord,
) -> Result<UserRow, TxError<CreateUserError>> {
    let now = account.now.naive_utc();
    let row: UserRow = diesel::insert_into(users::table)
        .values((
            users::email.eq(account.email.as_str()),
            users::email_norm.eq(account.email.normalized()),
            // No password until its owner chooses one through the mailed link.
            users::password_hash.eq(None::<String>),
            users::name.eq(Some(format!(
                "{} {}",
                account.first_name, account.last_name
            ))),
            users::role.eq(account.role.as_str()),
            users::first_name.eq(&account.first_name),
            users::last_name.eq(&account.last_name),
            users::is_active.eq(true),
            users::token_version.eq(0_i64),
            users::created_at.eq(now),
            users::updated_at.eq(now),
        ))
        .returning(users::all_columns)
        .get_result(conn)
        .map_err(|e| {
            if is_unique_violation_on(&e, EMAIL_UNIQUE) {
                TxError::Domain(CreateUserError::EmailTaken)
            } else {
                TxError::Db(e)
            }
        })?;
    insert_profile(conn, row.id, account.role, now)?;
    if let (Role::Employer, Some(name)) = (account.role, &account.company) {
        attach_new_company(conn, row.id, name.as_str(), now)?;
    }
    diesel::insert_into(tokens::table)
        .values((
            tokens::user_id.eq(row.id),
            tokens::token_hash.eq(&account.token_hash),
            tokens::expires_at.eq(account.token_expires_at.naive_utc()),
            tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    insert_audit(conn, audit, row.id, &row.email)?;
    outbox.enqueue(conn, &account.mail, account.now)?;
    Ok(row)
}

/// Always a new row: an account is never attached to an existing company because the names
/// match (anyone could otherwise join a company by typing its name).
fn attach_new_company(
    conn: &mut DbConn,
    user: i64,
    name: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let company: i64 = diesel::insert_into(companies::table)
        .values((
            companies::name.eq(name),
            companies::created_at.eq(now),
            companies::updated_at.eq(now),
        ))
        .returning(companies::id)
        .get_result(conn)?;
    diesel::update(employers::table.filter(employers::user_id.eq(user)))
        .set(employers::company_id.eq(Some(company)))
        .execute(conn)?;
    Ok(())
}

/// The fresh token and its queued mail unless a recent one is kept, and then the audit row about
/// its user.
pub(crate) fn reissue(
    conn: &mut DbConn,
    outbox: &Outbox,
    token: &IssuedResetToken,
    recent_since: NaiveDateTime,
    audit: &AuditRecord,
    mail: &OutgoingMail,
) -> QueryResult<bool> {
    if !replace_in_tx(conn, outbox, token, recent_since, mail)? {
        return Ok(false);
    }
    let email: String = users::table
        .find(token.user.get())
        .select(users::email)
        .first(conn)?;
    insert_audit(conn, audit, token.user.get(), &email)?;
    Ok(true)
}
