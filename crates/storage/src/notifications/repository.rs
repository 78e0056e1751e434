//! `NotificationRepository` over diesel (CONTRACT 3.8): every call scoped to its user.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Timestamp};
use intowork_domain::notification::{
    Notification, NotificationKind, NotificationPage, NotificationQuery, NotificationRepository,
};
use intowork_domain::{ApplicationId, JobId, NotificationId, RepoError, UserId};

use crate::conn::{DbConn, MultiBackend};
use crate::database::Database;
use crate::error::map_db_error;
use crate::schema::notifications;

// COALESCE keeps the first `read_at` when a notification is marked read again (CONTRACT 3.8).
diesel::define_sql_function! {
    fn coalesce(x: Nullable<Timestamp>, y: Nullable<Timestamp>) -> Nullable<Timestamp>;
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = notifications)]
struct NotificationRow {
    id: i64,
    kind: String,
    title: String,
    message: String,
    related_job_id: Option<i64>,
    related_application_id: Option<i64>,
    is_read: bool,
    read_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
}

impl TryFrom<NotificationRow> for Notification {
    type Error = RepoError;

    fn try_from(r: NotificationRow) -> Result<Notification, RepoError> {
        let kind = NotificationKind::parse(&r.kind).ok_or_else(|| {
            RepoError::Internal(format!(
                "notification {} has an unknown type {:?}",
                r.id, r.kind
            ))
        })?;
        Ok(Notification {
            id: NotificationId(r.id),
            kind,
            title: r.title,
            message: r.message,
            related_job_id: r.related_job_id.map(JobId),
            related_application_id: r.related_application_id.map(ApplicationId),
            is_read: r.is_read,
            read_at: r.read_at.map(|t| t.and_utc()),
            created_at: r.created_at.and_utc(),
        })
    }
}

#[derive(Clone, Debug)]
pub struct DieselNotificationRepository {
    db: Database,
}

impl DieselNotificationRepository {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

fn of_user(user: i64) -> notifications::BoxedQuery<'static, MultiBackend> {
    notifications::table
        .filter(notifications::user_id.eq(user))
        .into_boxed()
}

fn filtered(user: i64, unread_only: bool) -> notifications::BoxedQuery<'static, MultiBackend> {
    let q = of_user(user);
    if unread_only {
        q.filter(notifications::is_read.eq(false))
    } else {
        q
    }
}

/// Two statements whatever the data size: both totals as scalar sub-selects, then the page.
fn list_page(conn: &mut DbConn, query: NotificationQuery) -> Result<NotificationPage, RepoError> {
    let NotificationQuery {
        user,
        unread_only,
        limit,
        offset,
    } = query;
    let user = user.get();
    let (total, unread) = diesel::select((
        filtered(user, unread_only).count().single_value(),
        filtered(user, true).count().single_value(),
    ))
    .get_result::<(Option<i64>, Option<i64>)>(conn)
    .map_err(map_db_error)?;
    let rows = filtered(user, unread_only)
        .order((notifications::created_at.desc(), notifications::id.desc()))
        .limit(limit)
        .offset(offset)
        .select(NotificationRow::as_select())
        .load::<NotificationRow>(conn)
        .map_err(map_db_error)?;
    Ok(NotificationPage {
        items: rows
            .into_iter()
            .map(Notification::try_from)
            .collect::<Result<_, _>>()?,
        total: total.unwrap_or(0),
        unread_count: unread.unwrap_or(0),
    })
}

#[async_trait]
impl NotificationRepository for DieselNotificationRepository {
    #[tracing::instrument(name = "db.notifications.list", skip_all, fields(user_id = query.user.get()))]
    async fn list(&self, query: NotificationQuery) -> Result<NotificationPage, RepoError> {
        self.db.run(move |conn| list_page(conn, query)).await
    }

    #[tracing::instrument(name = "db.notifications.unread", skip_all, fields(user_id = user.get()))]
    async fn unread_count(&self, user: UserId) -> Result<i64, RepoError> {
        self.db
            .run(move |conn| {
                filtered(user.get(), true)
                    .count()
                    .get_result(conn)
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.notifications.mark_read", skip_all, fields(user_id = user.get()))]
    async fn mark_read(
        &self,
        user: UserId,
        id: NotificationId,
        now: DateTime<Utc>,
    ) -> Result<bool, RepoError> {
        self.db
            .run(move |conn| {
                diesel::update(
                    notifications::table
                        .filter(notifications::id.eq(id.get()))
                        .filter(notifications::user_id.eq(user.get())),
                )
                .set((
                    notifications::is_read.eq(true),
                    notifications::read_at
                        .eq(coalesce(notifications::read_at, Some(now.naive_utc()))),
                ))
                .execute(conn)
                .map(|n| n > 0)
                .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.notifications.mark_all", skip_all, fields(user_id = user.get()))]
    async fn mark_all_read(&self, user: UserId, now: DateTime<Utc>) -> Result<u64, RepoError> {
        self.db
            .run(move |conn| {
                diesel::update(
                    notifications::table
                        .filter(notifications::user_id.eq(user.get()))
                        .filter(notifications::is_read.eq(false)),
                )
                .set((
                    notifications::is_read.eq(true),
                    notifications::read_at
                        .eq(coalesce(notifications::read_at, Some(now.naive_utc()))),
                ))
                .execute(conn)
                .map(|n| n as u64)
                .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.notifications.delete", skip_all, fields(user_id = user.get()))]
    async fn delete(&self, user: UserId, id: NotificationId) -> Result<bool, RepoError> {
        self.db
            .run(move |conn| {
                diesel::delete(
                    notifications::table
                        .filter(notifications::id.eq(id.get()))
                        .filter(notifications::user_id.eq(user.get())),
                )
                .execute(conn)
                .map(|n| n > 0)
                .map_err(map_db_error)
            })
            .await
    }
}
