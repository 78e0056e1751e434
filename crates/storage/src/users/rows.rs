//! The `users` row and its conversion into the domain's user.

use chrono::NaiveDateTime;
use diesel::prelude::*;
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
    email: String,
    #[allow(dead_code)]
    email_norm: String,
    #[allow(dead_code)]
    email_verified: Option<NaiveDateTime>,
    password_hash: Option<String>,
    name: Option<String>,
    image: Option<String>,
    #[allow(dead_code)]
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

/// The user a `first().optional()` query found, converted.
pub(crate) fn first_user(row: QueryResult<Option<UserRow>>) -> Result<Option<User>, RepoError> {
    row.map_err(map_db_error)?.map(User::try_from).transpose()
}
