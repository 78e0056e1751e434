//! `EmailTemplateRepository` over diesel: every call scoped to one company.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use intowork_domain::email_template::{
    EmailTemplate, EmailTemplateRepository, NewTemplate, TemplateId, TemplatePatch, TemplateType,
    UsageStats,
};
use intowork_domain::{CompanyId, RepoError};

use super::rows::{TemplateRow, convert};
use crate::conn::{DbConn, MultiBackend};
use crate::database::{Database, write_tx};
use crate::error::map_db_error;
use crate::locks::lock_default_templates_of;
use crate::schema::email_templates as t;

#[derive(Clone, Debug)]
pub struct DieselEmailTemplateRepository {
    db: Database,
}

impl DieselEmailTemplateRepository {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

fn of_company(company: i64) -> t::BoxedQuery<'static, MultiBackend> {
    t::table.filter(t::company_id.eq(company)).into_boxed()
}

fn load(conn: &mut DbConn, id: i64) -> QueryResult<TemplateRow> {
    t::table
        .find(id)
        .select(TemplateRow::as_select())
        .first(conn)
}

/// The company's template, locked on PostgreSQL until the transaction ends (SQLite's write
/// transaction already excludes other writers).
fn locked(conn: &mut DbConn, company: i64, id: i64) -> QueryResult<Option<(String, bool)>> {
    let query = t::table
        .filter(t::id.eq(id))
        .filter(t::company_id.eq(company))
        .select((t::template_type, t::is_default));
    match conn {
        DbConn::Pg(pg) => query.for_update().first(pg).optional(),
        DbConn::Sqlite(c) => query.first(c).optional(),
    }
}

/// Makes room for a new default of `kind`: the company's other one stops being the default.
fn unset_default(conn: &mut DbConn, company: i64, kind: &str, except: i64) -> QueryResult<usize> {
    diesel::update(
        t::table
            .filter(t::company_id.eq(company))
            .filter(t::template_type.eq(kind))
            .filter(t::is_default.eq(true))
            .filter(t::id.ne(except)),
    )
    .set(t::is_default.eq(false))
    .execute(conn)
}

fn insert(conn: &mut DbConn, new: &NewTemplate) -> QueryResult<TemplateRow> {
    let kind = new.draft.kind.as_str();
    if new.draft.is_default {
        lock_default_templates_of(conn, new.company.get())?;
        unset_default(conn, new.company.get(), kind, 0)?;
    }
    let now = new.now.naive_utc();
    let id: i64 = diesel::insert_into(t::table)
        .values((
            t::company_id.eq(new.company.get()),
            t::created_by_user_id.eq(Some(new.author.get())),
            t::name.eq(&new.draft.name),
            t::template_type.eq(kind),
            t::subject.eq(&new.draft.subject),
            t::body.eq(&new.draft.body),
            t::is_active.eq(new.is_active),
            t::is_default.eq(new.draft.is_default),
            t::usage_count.eq(0_i64),
            t::created_at.eq(now),
            t::updated_at.eq(now),
        ))
        .returning(t::id)
        .get_result(conn)?;
    load(conn, id)
}

fn apply_patch(
    conn: &mut DbConn,
    company: i64,
    id: i64,
    patch: &TemplatePatch,
    now: DateTime<Utc>,
) -> QueryResult<Option<TemplateRow>> {
    // Before the template's row: a concurrent patch holding the lock may be unsetting this row.
    lock_default_templates_of(conn, company)?;
    let Some((kind, is_default)) = locked(conn, company, id)? else {
        return Ok(None);
    };
    let kind = patch.kind.map_or(kind, |k| k.as_str().to_owned());
    let is_default = patch.is_default.unwrap_or(is_default);
    if is_default {
        unset_default(conn, company, &kind, id)?;
    }
    let row = t::table.find(id);
    diesel::update(row)
        .set((
            t::template_type.eq(&kind),
            t::is_default.eq(is_default),
            t::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    if let Some(name) = &patch.name {
        diesel::update(row).set(t::name.eq(name)).execute(conn)?;
    }
    if let Some(subject) = &patch.subject {
        diesel::update(row)
            .set(t::subject.eq(subject))
            .execute(conn)?;
    }
    if let Some(body) = &patch.body {
        diesel::update(row).set(t::body.eq(body)).execute(conn)?;
    }
    if let Some(active) = patch.is_active {
        diesel::update(row)
            .set(t::is_active.eq(active))
            .execute(conn)?;
    }
    load(conn, id).map(Some)
}

#[async_trait]
impl EmailTemplateRepository for DieselEmailTemplateRepository {
    #[tracing::instrument(name = "db.email_templates.list", skip_all)]
    async fn list(
        &self,
        company: CompanyId,
        kind: Option<TemplateType>,
        active: Option<bool>,
    ) -> Result<Vec<EmailTemplate>, RepoError> {
        let rows = self
            .db
            .run(move |conn| {
                let mut q = of_company(company.get());
                if let Some(kind) = kind {
                    q = q.filter(t::template_type.eq(kind.as_str()));
                }
                if let Some(active) = active {
                    q = q.filter(t::is_active.eq(active));
                }
                q.order((t::template_type, t::is_default.desc(), t::name, t::id))
                    .select(TemplateRow::as_select())
                    .load(conn)
                    .map_err(map_db_error)
            })
            .await?;
        convert(rows)
    }

    async fn find(
        &self,
        company: CompanyId,
        id: TemplateId,
    ) -> Result<Option<EmailTemplate>, RepoError> {
        let row = self
            .db
            .run(move |conn| {
                of_company(company.get())
                    .filter(t::id.eq(id.0))
                    .select(TemplateRow::as_select())
                    .first(conn)
                    .optional()
                    .map_err(map_db_error)
            })
            .await?;
        row.map(TryInto::try_into).transpose()
    }

    #[tracing::instrument(name = "db.email_templates.create", skip_all)]
    async fn create(&self, new: NewTemplate) -> Result<EmailTemplate, RepoError> {
        let row = self
            .db
            .run(move |conn| write_tx(conn, |conn| insert(conn, &new)).map_err(map_db_error))
            .await?;
        row.try_into()
    }

    #[tracing::instrument(name = "db.email_templates.update", skip_all, fields(template_id = id.0))]
    async fn update(
        &self,
        company: CompanyId,
        id: TemplateId,
        patch: TemplatePatch,
        now: DateTime<Utc>,
    ) -> Result<Option<EmailTemplate>, RepoError> {
        let row = self
            .db
            .run(move |conn| {
                write_tx(conn, |conn| {
                    apply_patch(conn, company.get(), id.0, &patch, now)
                })
                .map_err(map_db_error)
            })
            .await?;
        row.map(TryInto::try_into).transpose()
    }

    #[tracing::instrument(name = "db.email_templates.delete", skip_all, fields(template_id = id.0))]
    async fn delete(&self, company: CompanyId, id: TemplateId) -> Result<bool, RepoError> {
        let deleted = self
            .db
            .run(move |conn| {
                diesel::delete(
                    t::table
                        .filter(t::id.eq(id.0))
                        .filter(t::company_id.eq(company.get())),
                )
                .execute(conn)
                .map_err(map_db_error)
            })
            .await?;
        Ok(deleted > 0)
    }

    async fn types_in_use(&self, company: CompanyId) -> Result<Vec<TemplateType>, RepoError> {
        let kinds: Vec<String> = self
            .db
            .run(move |conn| {
                of_company(company.get())
                    .select(t::template_type)
                    .distinct()
                    .load(conn)
                    .map_err(map_db_error)
            })
            .await?;
        // A type this version does not know is not one the library offers: skipping it is right.
        Ok(kinds
            .iter()
            .filter_map(|k| TemplateType::parse(k))
            .collect())
    }

    async fn usage(&self, company: CompanyId) -> Result<UsageStats, RepoError> {
        // One statement: a company has a handful of templates, so the figures are added up here.
        let rows: Vec<(i64, String, bool, i64)> = self
            .db
            .run(move |conn| {
                of_company(company.get())
                    .order((t::usage_count.desc(), t::id))
                    .select((t::id, t::name, t::is_active, t::usage_count))
                    .load(conn)
                    .map_err(map_db_error)
            })
            .await?;
        Ok(UsageStats {
            total: rows.len() as i64,
            active: rows.iter().filter(|r| r.2).count() as i64,
            total_usage: rows.iter().map(|r| r.3).sum(),
            most_used: rows
                .first()
                .map(|(id, name, _, n)| (TemplateId(*id), name.clone(), *n)),
        })
    }
}
