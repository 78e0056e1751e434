//! The CV builder's queries: each method is one transaction of at most three statements.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::dsl::not;
use diesel::prelude::*;
use diesel::result::Error as DieselError;
use intowork_domain::cv_builder::{
    CvBuilderRepository, CvSave, DailyViews, SavedCv, SavedVersion, Visibility,
};
use intowork_domain::files::FileKey;
use intowork_domain::{RepoError, UserId};

use super::json::to_json;
use super::rows::DocumentRow;
use crate::conn::DbConn;
use crate::database::{Database, write_tx};
use crate::error::{is_unique_violation_on, map_db_error};
use crate::schema::{cv_builder_daily_views as daily, cv_builder_documents as docs};

const DAY_FORMAT: &str = "%Y-%m-%d";

#[derive(Clone, Debug)]
pub struct DieselCvBuilderRepository {
    db: Database,
}

impl DieselCvBuilderRepository {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

/// The user's row (id, title, photo key), locked until the transaction ends on PostgreSQL
/// (SQLite's write transaction already holds the database's write lock).
fn locked_row(conn: &mut DbConn, user: i64) -> QueryResult<Option<Existing>> {
    let query =
        docs::table
            .filter(docs::user_id.eq(user))
            .select((docs::id, docs::title, docs::photo_key));
    match conn {
        DbConn::Pg(pg) => query.for_update().first(pg).optional(),
        DbConn::Sqlite(c) => query.first(c).optional(),
    }
}

type Existing = (i64, Option<String>, Option<String>);

/// Inserts or updates; a unique violation on `user_id` means a concurrent first save won.
fn save_once(conn: &mut DbConn, s: &CvSave) -> QueryResult<SavedVersion> {
    write_tx(conn, |c| {
        let now = s.now.naive_utc();
        let document = to_json(&s.document);
        let photo = s.photo.as_ref().map(|k| k.as_str().to_owned());
        let existing = locked_row(c, s.user.get())?;
        let row: DocumentRow = match &existing {
            None => diesel::insert_into(docs::table)
                .values((
                    docs::user_id.eq(s.user.get()),
                    docs::slug.eq(&s.new_slug),
                    docs::title.eq(s.title.as_ref().unwrap_or(&s.default_title)),
                    docs::template.eq(s.template.as_str()),
                    docs::is_public.eq(s.is_public),
                    docs::document.eq(&document),
                    docs::photo_key.eq(&photo),
                    docs::views_count.eq(0_i64),
                    docs::downloads_count.eq(0_i64),
                    docs::created_at.eq(now),
                    docs::updated_at.eq(now),
                ))
                .returning(docs::all_columns)
                .get_result(c)?,
            Some((id, title, _)) => diesel::update(docs::table.find(*id))
                .set((
                    docs::title.eq(s.title.as_ref().or(title.as_ref())),
                    docs::template.eq(s.template.as_str()),
                    docs::is_public.eq(s.is_public),
                    docs::document.eq(&document),
                    docs::photo_key.eq(&photo),
                    docs::updated_at.eq(now),
                ))
                .returning(docs::all_columns)
                .get_result(c)?,
        };
        let replaced_photo = existing
            .and_then(|(_, _, old)| old)
            .filter(|old| Some(old) != photo.as_ref())
            .and_then(|old| FileKey::parse(&old).ok());
        let cv = SavedCv::try_from(row).map_err(|e| DieselError::QueryBuilderError(e.into()))?;
        Ok(SavedVersion { cv, replaced_photo })
    })
}

#[async_trait]
impl CvBuilderRepository for DieselCvBuilderRepository {
    async fn find(&self, user: UserId) -> Result<Option<SavedCv>, RepoError> {
        self.db
            .run(move |conn| {
                docs::table
                    .filter(docs::user_id.eq(user.get()))
                    .select(DocumentRow::as_select())
                    .first::<DocumentRow>(conn)
                    .optional()
                    .map_err(map_db_error)?
                    .map(SavedCv::try_from)
                    .transpose()
            })
            .await
    }

    async fn save(&self, save: CvSave) -> Result<SavedVersion, RepoError> {
        self.db
            .run(move |conn| match save_once(conn, &save) {
                Err(e) if is_unique_violation_on(&e, "cv_builder_documents_user_id_key") => {
                    save_once(conn, &save).map_err(map_db_error)
                }
                other => other.map_err(map_db_error),
            })
            .await
    }

    async fn toggle_public(&self, user: UserId) -> Result<Option<Visibility>, RepoError> {
        self.db
            .run(move |conn| {
                diesel::update(docs::table.filter(docs::user_id.eq(user.get())))
                    .set(docs::is_public.eq(not(docs::is_public)))
                    .returning((docs::is_public, docs::slug))
                    .get_result::<(bool, String)>(conn)
                    .optional()
                    .map(|r| r.map(|(is_public, slug)| Visibility { is_public, slug }))
                    .map_err(map_db_error)
            })
            .await
    }

    async fn find_public(&self, slug: &str) -> Result<Option<SavedCv>, RepoError> {
        let slug = slug.to_owned();
        self.db
            .run(move |conn| {
                docs::table
                    .filter(docs::slug.eq(&slug))
                    .filter(docs::is_public.eq(true))
                    .select(DocumentRow::as_select())
                    .first::<DocumentRow>(conn)
                    .optional()
                    .map_err(map_db_error)?
                    .map(SavedCv::try_from)
                    .transpose()
            })
            .await
    }

    async fn record_view(&self, slug: &str, at: DateTime<Utc>) -> Result<Option<i64>, RepoError> {
        let slug = slug.to_owned();
        let day = at.date_naive().format(DAY_FORMAT).to_string();
        self.db
            .run(move |conn| {
                write_tx(conn, |c| {
                    // The document's row stays locked until the commit, so concurrent views of one
                    // document add to its day's counter one at a time.
                    let counted: Option<(i64, i64)> = diesel::update(
                        docs::table
                            .filter(docs::slug.eq(&slug))
                            .filter(docs::is_public.eq(true)),
                    )
                    .set(docs::views_count.eq(docs::views_count + 1))
                    .returning((docs::id, docs::views_count))
                    .get_result(c)
                    .optional()?;
                    let Some((id, total)) = counted else {
                        return Ok(None);
                    };
                    let this_day = daily::table
                        .filter(daily::document_id.eq(id))
                        .filter(daily::day.eq(&day));
                    let added = diesel::update(this_day)
                        .set(daily::views.eq(daily::views + 1))
                        .execute(c)?;
                    if added == 0 {
                        diesel::insert_into(daily::table)
                            .values((
                                daily::document_id.eq(id),
                                daily::day.eq(&day),
                                daily::views.eq(1_i64),
                            ))
                            .execute(c)?;
                    }
                    Ok(Some(total))
                })
                .map_err(map_db_error)
            })
            .await
    }

    async fn daily_views(
        &self,
        user: UserId,
        since: NaiveDate,
    ) -> Result<Vec<DailyViews>, RepoError> {
        let since = since.format(DAY_FORMAT).to_string();
        self.db
            .run(move |conn| {
                let rows: Vec<(String, i64)> = daily::table
                    .inner_join(docs::table)
                    .filter(docs::user_id.eq(user.get()))
                    .filter(daily::day.ge(&since))
                    .order(daily::day.asc())
                    .select((daily::day, daily::views))
                    .load(conn)
                    .map_err(map_db_error)?;
                rows.into_iter()
                    .map(|(day, views)| {
                        NaiveDate::parse_from_str(&day, DAY_FORMAT)
                            .map(|day| DailyViews { day, views })
                            .map_err(|_| RepoError::Internal(format!("bad view day {day:?}")))
                    })
                    .collect()
            })
            .await
    }

    async fn delete(&self, user: UserId) -> Result<Option<Option<FileKey>>, RepoError> {
        self.db
            .run(move |conn| {
                write_tx(conn, |c| {
                    let found: Option<(i64, Option<String>)> =
                        diesel::delete(docs::table.filter(docs::user_id.eq(user.get())))
                            .returning((docs::id, docs::photo_key))
                            .get_result(c)
                            .optional()?;
                    Ok(found.map(|(_, key)| key.and_then(|k| FileKey::parse(&k).ok())))
                })
                .map_err(map_db_error)
            })
            .await
    }
}
