//! Signing up: the user and its empty candidate or employer profile, in the caller's transaction.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::ports::CreateUserError;
use intowork_domain::user::{NewUser, Role, User};

use super::rows::UserRow;
use crate::conn::DbConn;
use crate::error::{TxError, is_unique_violation_on};
use crate::schema::{candidates, employers, users};
use crate::stored::naive;

/// The unique index on the normalised email: it decides concurrent sign-ups.
pub(crate) const EMAIL_UNIQUE: &str = "users_email_norm_key";

pub(crate) fn insert_user(
    conn: &mut DbConn,
    new: &NewUser,
) -> Result<User, TxError<CreateUserError>> {
    let now = naive(new.now);
    let row: UserRow = diesel::insert_into(users::table)
        .values((
            users::email.eq(new.email.as_str()),
            users::email_norm.eq(new.email.normalized()),
            users::password_hash.eq(Some(new.password_hash.as_str())),
            users::name.eq(Some(format!("{} {}", new.first_name, new.last_name))),
            users::role.eq(new.role.as_str()),
            users::first_name.eq(&new.first_name),
            users::last_name.eq(&new.last_name),
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
    insert_profile(conn, row.id, new.role, now)?;
    User::try_from(row).map_err(|e| TxError::Domain(CreateUserError::Repo(e)))
}

/// The new user's empty candidate or employer profile (an admin has none).
pub(crate) fn insert_profile(
    conn: &mut DbConn,
    user: i64,
    role: Role,
    now: NaiveDateTime,
) -> QueryResult<()> {
    match role {
        Role::Candidate => {
            diesel::insert_into(candidates::table)
                .values((
                    candidates::user_id.eq(user),
                    candidates::created_at.eq(now),
                    candidates::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
        Role::Employer => {
            diesel::insert_into(employers::table)
                .values((
                    employers::user_id.eq(user),
                    employers::company_id.eq(None::<i64>),
                    employers::created_at.eq(now),
                    employers::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
        Role::Admin => {}
    }
    Ok(())
}
