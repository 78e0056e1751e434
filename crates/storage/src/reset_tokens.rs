//! `ResetTokenRepository` over diesel: password reset tokens, stored as their digest only, each
//! with its mail queued in the outbox in the same transaction.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::dsl::exists;
use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_domain::mail::OutgoingMail;
use intowork_domain::recovery::{IssuedResetToken, ResetTokenRepository};
use intowork_domain::user::User;

use crate::conn::DbConn;
use crate::database::{Database, write_tx};
use crate::error::map_db_error;
use crate::locks::lock_reset_links_of;
use crate::outbox::Outbox;
use crate::schema::{password_reset_tokens as tokens, users};
use crate::users::UserRow;

#[derive(Clone, Debug)]
pub struct DieselResetTokenRepository {
    db: Database,
    outbox: Outbox,
}

impl DieselResetTokenRepository {
    /// `outbox` queues each new link's mail.
    pub fn new(db: Database, outbox: Outbox) -> Self {
        Self { db, outbox }
    }
}

/// The usable token with this digest: unused, not expired, its user active. Returns (token id,
/// user id).
fn usable(conn: &mut DbConn, hash: &str, now: NaiveDateTime) -> QueryResult<Option<(i64, i64)>> {
    tokens::table
        .inner_join(users::table)
        .filter(tokens::token_hash.eq(hash))
        .filter(tokens::used_at.is_null())
        .filter(tokens::expires_at.gt(now))
        .filter(users::is_active.eq(true))
        .select((tokens::id, tokens::user_id))
        .first(conn)
        .optional()
}

fn consume(
    conn: &mut DbConn,
    hash: &str,
    password_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<UserRow>> {
    write_tx(conn, |conn| {
        let Some((token_id, user_id)) = usable(conn, hash, now)? else {
            return Ok(None);
        };
        // The `used_at IS NULL` guard makes a concurrent second use update nothing: PostgreSQL
        // re-checks it after the first transaction commits; SQLite's write lock serialises them.
        let claimed = diesel::update(
            tokens::table
                .find(token_id)
                .filter(tokens::used_at.is_null()),
        )
        .set(tokens::used_at.eq(Some(now)))
        .execute(conn)?;
        if claimed == 0 {
            return Ok(None);
        }
        diesel::update(users::table.find(user_id))
            .set((
                users::password_hash.eq(Some(password_hash)),
                users::token_version.eq(users::token_version + 1_i64),
                users::updated_at.eq(now),
            ))
            .returning(users::all_columns)
            .get_result::<UserRow>(conn)
            .optional()
    })
}

fn replace_unless_recent(
    conn: &mut DbConn,
    outbox: &Outbox,
    token: &IssuedResetToken,
    recent_since: NaiveDateTime,
    mail: &OutgoingMail,
) -> QueryResult<bool> {
    write_tx(conn, |conn| {
        replace_in_tx(conn, outbox, token, recent_since, mail)
    })
}

/// [`ResetTokenRepository::replace_unless_recent`] inside the caller's write transaction: the
/// new token and its mail, queued in `outbox`, or nothing when a recent link is kept.
pub(crate) fn replace_in_tx(
    conn: &mut DbConn,
    outbox: &Outbox,
    token: &IssuedResetToken,
    recent_since: NaiveDateTime,
    mail: &OutgoingMail,
) -> QueryResult<bool> {
    let user = token.user.get();
    let now = token.issued_at.naive_utc();
    // Checked and written under the write lock (SQLite) or the user's reset-link lock
    // (PostgreSQL), so two requests racing for one account store one link, not two.
    {
        lock_reset_links_of(conn, user)?;
        let recent = diesel::select(exists(
            tokens::table
                .filter(tokens::user_id.eq(user))
                .filter(tokens::used_at.is_null())
                .filter(tokens::expires_at.gt(now))
                .filter(tokens::created_at.gt(recent_since)),
        ))
        .get_result::<bool>(conn)?;
        if recent {
            return Ok(false);
        }
        // Only the newest link works: earlier ones (used or not) go.
        diesel::delete(tokens::table.filter(tokens::user_id.eq(user))).execute(conn)?;
        diesel::insert_into(tokens::table)
            .values((
                tokens::user_id.eq(user),
                tokens::token_hash.eq(&token.token_hash),
                tokens::expires_at.eq(token.expires_at.naive_utc()),
                tokens::created_at.eq(now),
            ))
            .execute(conn)?;
        outbox.enqueue(conn, mail, token.issued_at)?;
        Ok(true)
    }
}

#[async_trait]
impl ResetTokenRepository for DieselResetTokenRepository {
    #[tracing::instrument(name = "db.reset_tokens.replace", skip_all, fields(user_id = token.user.get()))]
    async fn replace_unless_recent(
        &self,
        token: IssuedResetToken,
        recent_since: DateTime<Utc>,
        mail: OutgoingMail,
    ) -> Result<bool, RepoError> {
        let outbox = self.outbox.clone();
        let stored = self
            .db
            .run(move |conn| {
                replace_unless_recent(conn, &outbox, &token, recent_since.naive_utc(), &mail)
                    .map_err(map_db_error)
            })
            .await?;
        if stored {
            self.outbox.notify_queued();
        }
        Ok(stored)
    }

    #[tracing::instrument(name = "db.reset_tokens.is_usable", skip_all)]
    async fn is_usable(&self, token_hash: String, now: DateTime<Utc>) -> Result<bool, RepoError> {
        self.db
            .run(move |conn| {
                diesel::select(exists(
                    tokens::table
                        .inner_join(users::table)
                        .filter(tokens::token_hash.eq(token_hash))
                        .filter(tokens::used_at.is_null())
                        .filter(tokens::expires_at.gt(now.naive_utc()))
                        .filter(users::is_active.eq(true)),
                ))
                .get_result(conn)
                .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.reset_tokens.consume", skip_all)]
    async fn consume(
        &self,
        token_hash: String,
        password_hash: String,
        now: DateTime<Utc>,
    ) -> Result<Option<User>, RepoError> {
        self.db
            .run(move |conn| {
                consume(conn, &token_hash, &password_hash, now.naive_utc())
                    .map_err(map_db_error)?
                    .map(User::try_from)
                    .transpose()
            })
            .await
    }
}
