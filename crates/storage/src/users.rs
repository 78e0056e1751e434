//! `UserRepository` over diesel.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use intowork_domain::ports::{
    AccountRemoval, Commit, CreateUserError, DeletedUser, UpdateEmailError, UserRepository,
};
use intowork_domain::user::{Email, NewUser, Role, User};
use intowork_domain::{RepoError, UserId};

use crate::account_removal::{applicants_of, remove_account, removed};
use crate::cache::ReadCaches;
use crate::conn::DbConn;
use crate::database::{Database, write_tx};
use crate::error::{TxError, is_unique_violation_on, map_db_error};
use crate::schema::{candidates, employers, users};

const EMAIL_UNIQUE: &str = "users_email_norm_key";

/// A `users` row, in table column order (it is also read through `RETURNING users.*`).
#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
pub(crate) struct UserRow {
    id: i64,
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

/// Parses a stored role. Only the lowercase values the CHECK list allows are accepted; anything
/// else is corrupt data, reported as an internal error rather than a panic.
pub(crate) fn parse_role(value: &str) -> Result<Role, RepoError> {
    Role::ALL
        .into_iter()
        .find(|r| r.as_str() == value)
        .ok_or_else(|| RepoError::Internal(format!("unknown role in database: {value:?}")))
}

impl TryFrom<UserRow> for User {
    type Error = RepoError;

    fn try_from(row: UserRow) -> Result<User, RepoError> {
        Ok(User {
            id: UserId(row.id),
            email: row.email,
            role: parse_role(&row.role)?,
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

fn naive(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

/// The diesel implementation of [`UserRepository`]. Given the [`ReadCaches`], an account's
/// deletion evicts what went with it.
#[derive(Clone, Debug)]
pub struct DieselUserRepository {
    db: Database,
    caches: Option<ReadCaches>,
}

impl DieselUserRepository {
    pub fn new(db: Database) -> Self {
        Self { db, caches: None }
    }

    pub fn with_caches(self, caches: ReadCaches) -> Self {
        Self {
            caches: Some(caches),
            ..self
        }
    }
}

fn insert_user(conn: &mut DbConn, new: &NewUser) -> Result<User, TxError<CreateUserError>> {
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
    match new.role {
        Role::Candidate => {
            diesel::insert_into(candidates::table)
                .values((
                    candidates::user_id.eq(row.id),
                    candidates::created_at.eq(now),
                    candidates::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
        Role::Employer => {
            diesel::insert_into(employers::table)
                .values((
                    employers::user_id.eq(row.id),
                    employers::company_id.eq(None::<i64>),
                    employers::created_at.eq(now),
                    employers::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
        Role::Admin => {}
    }
    User::try_from(row).map_err(|e| TxError::Domain(CreateUserError::Repo(e)))
}

#[async_trait]
impl UserRepository for DieselUserRepository {
    #[tracing::instrument(name = "db.users.create_with_profile", skip_all, fields(role = new.role.as_str()))]
    async fn create_with_profile(&self, new: NewUser) -> Result<User, CreateUserError> {
        let result = self
            .db
            .run(move |conn| Ok(write_tx(conn, |conn| insert_user(conn, &new))))
            .await?;
        result.map_err(TxError::into_domain)
    }

    #[tracing::instrument(name = "db.users.find_by_id", skip_all, fields(user_id = id.get()))]
    async fn find_by_id(&self, id: UserId) -> Result<Option<User>, RepoError> {
        self.db
            .run(move |conn| {
                users::table
                    .find(id.get())
                    .select(UserRow::as_select())
                    .first(conn)
                    .optional()
                    .map_err(map_db_error)?
                    .map(User::try_from)
                    .transpose()
            })
            .await
    }

    #[tracing::instrument(name = "db.users.find_by_email", skip_all)]
    async fn find_by_email(&self, email_norm: &str) -> Result<Option<User>, RepoError> {
        let email_norm = email_norm.to_owned();
        self.db
            .run(move |conn| {
                users::table
                    .filter(users::email_norm.eq(&email_norm))
                    .select(UserRow::as_select())
                    .first(conn)
                    .optional()
                    .map_err(map_db_error)?
                    .map(User::try_from)
                    .transpose()
            })
            .await
    }

    #[tracing::instrument(name = "db.users.set_password_hash", skip_all, fields(user_id = id.get(), revoke_tokens))]
    async fn set_password_hash(
        &self,
        id: UserId,
        hash: String,
        revoke_tokens: bool,
        now: DateTime<Utc>,
    ) -> Result<Option<User>, RepoError> {
        let bump = i64::from(revoke_tokens);
        self.db
            .run(move |conn| {
                diesel::update(users::table.find(id.get()))
                    .set((
                        users::password_hash.eq(Some(hash)),
                        users::token_version.eq(users::token_version + bump),
                        users::updated_at.eq(naive(now)),
                    ))
                    .returning(users::all_columns)
                    .get_result::<UserRow>(conn)
                    .optional()
                    .map_err(map_db_error)?
                    .map(User::try_from)
                    .transpose()
            })
            .await
    }

    #[tracing::instrument(name = "db.users.update_email", skip_all, fields(user_id = id.get()))]
    async fn update_email(
        &self,
        id: UserId,
        email: Email,
        now: DateTime<Utc>,
    ) -> Result<User, UpdateEmailError> {
        let result = self
            .db
            .run(move |conn| {
                Ok(diesel::update(users::table.find(id.get()))
                    .set((
                        users::email.eq(email.as_str()),
                        users::email_norm.eq(email.normalized()),
                        users::updated_at.eq(naive(now)),
                    ))
                    .returning(users::all_columns)
                    .get_result::<UserRow>(conn)
                    .optional())
            })
            .await?;
        match result {
            Ok(Some(row)) => Ok(User::try_from(row)?),
            Ok(None) => Err(UpdateEmailError::NotFound),
            Err(e) if is_unique_violation_on(&e, EMAIL_UNIQUE) => Err(UpdateEmailError::EmailTaken),
            Err(e) => Err(UpdateEmailError::Repo(map_db_error(e))),
        }
    }

    #[tracing::instrument(name = "db.users.applicants_of", skip_all, fields(user_id = employer_user.get()))]
    async fn applicants_of(&self, employer_user: UserId) -> Result<Vec<UserId>, RepoError> {
        self.db
            .run(move |conn| applicants_of(conn, employer_user.get()).map_err(map_db_error))
            .await
    }

    #[tracing::instrument(name = "db.users.delete_account", skip_all, fields(user_id = removal.user.get()))]
    async fn delete_account(
        &self,
        removal: AccountRemoval,
    ) -> Result<Commit<DeletedUser>, RepoError> {
        let commit = self
            .db
            .run(move |conn| {
                write_tx(conn, |conn| remove_account(conn, &removal)).map_err(map_db_error)
            })
            .await?;
        Ok(removed(&self.caches, commit))
    }
}
