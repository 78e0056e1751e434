//! The `users` row and its conversion into the domain's user.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::admin::UserRecord;
use intowork_domain::user::User;
use intowork_domain::{RepoError, UserId};

use crate::error::map_db_error;
use crate::schema::users;
use crate::stored::{self, parse};

/// A `users` row, in table column order (it is also read through `RETURNING users.*`).
#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
pub(crate) struct UserRow {
    pub(crate) id: i64,
    pub(crate) email: String,
    #[allow(dead_code)]
    email_norm: String,
    #[allow(dead_code)]
    email_verified: Option<NaiveDateTime>,
    password_hash: Option<String>,
    name: Option<String>,
    image: Option<String>,
    clerk_id: Option<String>,
    role: String,
    first_name: String,
    last_name: String,
    is_active: bool,
    token_version: i64,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl TryFrom<UserRow> for User {
    type Error = RepoError;

    fn try_from(row: UserRow) -> Result<User, RepoError> {
        Ok(User {
            id: UserId(row.id),
            email: row.email,
            role: parse("role", &row.role, stored::role)?,
            first_name: row.first_name,
            last_name: row.last_name,
            name: row.name,
            image: row.image,
            is_active: row.is_active,
            token_version: row.token_version,
            password_hash: row.password_hash,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        })
    }
}

/// The admin view of an account: the user's own fields, converted once by the user's conversion,
/// plus the legacy Clerk id only admins see.
impl TryFrom<UserRow> for UserRecord {
    type Error = RepoError;

    fn try_from(mut row: UserRow) -> Result<UserRecord, RepoError> {
        let clerk_id = row.clerk_id.take();
        let User {
            id,
            email,
            role,
            first_name,
            last_name,
            is_active,
            created_at,
            ..
        } = row.try_into()?;
        Ok(UserRecord {
            id,
            email,
            first_name,
            last_name,
            role,
            is_active,
            clerk_id,
            created_at,
        })
    }
}

/// The user a `first().optional()` query found, converted.
pub(crate) fn first_user(row: QueryResult<Option<UserRow>>) -> Result<Option<User>, RepoError> {
    row.map_err(map_db_error)?.map(User::try_from).transpose()
}
