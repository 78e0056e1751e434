//! `UserRepository` over diesel.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use intowork_domain::ports::{
    AccountRemoval, Commit, CreateUserError, DeletedUser, PasswordHashChange, UpdateEmailError,
    UserRepository,
};
use intowork_domain::user::{Email, NewUser, User};
use intowork_domain::{RepoError, UserId};

use super::create::{EMAIL_UNIQUE, insert_user};
use super::removal::{applicants_of, remove_account, removed};
use super::rows::{UserRow, first_user};
use crate::cache::evicting_repository;
use crate::conn::DbConn;
use crate::database::write_tx;
use crate::error::{TxError, is_unique_violation_on, map_db_error};
use crate::schema::{password_reset_tokens, users};
use crate::stored::naive;

evicting_repository!(
    /// The diesel implementation of [`UserRepository`]. Given the [`crate::ReadCaches`], an
    /// account's deletion evicts what went with it.
    DieselUserRepository
);

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
                let query = users::table.find(id.get()).select(UserRow::as_select());
                first_user(query.first(conn).optional())
            })
            .await
    }

    #[tracing::instrument(name = "db.users.find_by_email", skip_all)]
    async fn find_by_email(&self, email_norm: &str) -> Result<Option<User>, RepoError> {
        let email_norm = email_norm.to_owned();
        self.db
            .run(move |conn| {
                let query = users::table
                    .filter(users::email_norm.eq(&email_norm))
                    .select(UserRow::as_select());
                first_user(query.first(conn).optional())
            })
            .await
    }

    #[tracing::instrument(name = "db.users.set_password_hash", skip_all, fields(user_id = id.get(), revoke_tokens))]
    async fn set_password_hash(
        &self,
        id: UserId,
        hash: String,
        change: PasswordHashChange,
        now: DateTime<Utc>,
    ) -> Result<Option<User>, RepoError> {
        let new_password = change == PasswordHashChange::NewPassword;
        self.db
            .run(move |conn| {
                let row = write_tx(conn, |conn| {
                    if new_password {
                        delete_reset_tokens(conn, id)?;
                    }
                    diesel::update(users::table.find(id.get()))
                        .set((
                            users::password_hash.eq(Some(hash)),
                            users::token_version.eq(users::token_version + i64::from(new_password)),
                            users::updated_at.eq(naive(now)),
                        ))
                        .returning(users::all_columns)
                        .get_result::<UserRow>(conn)
                        .optional()
                })
                .map_err(map_db_error)?;
                row.map(User::try_from).transpose()
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
                Ok(write_tx(conn, |conn| {
                    delete_reset_tokens(conn, id)?;
                    diesel::update(users::table.find(id.get()))
                        .set((
                            users::email.eq(email.as_str()),
                            users::email_norm.eq(email.normalized()),
                            users::updated_at.eq(naive(now)),
                        ))
                        .returning(users::all_columns)
                        .get_result::<UserRow>(conn)
                        .optional()
                }))
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

/// The user's password-reset links die with a new password or a new address.
fn delete_reset_tokens(conn: &mut DbConn, id: UserId) -> QueryResult<usize> {
    diesel::delete(password_reset_tokens::table.filter(password_reset_tokens::user_id.eq(id.get())))
        .execute(conn)
}
