//! `AdminRepository` over diesel (CONTRACT 3.10, 5.10). Every list is one statement; the stats are
//! two (the scalar counts in one `SELECT`, then `jobs_by_status` grouped); account changes write
//! their audit row in the same transaction.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use intowork_domain::admin::{
    AdminJob, AdminRepository, AdminStats, AuditEntry, AuditRecord, EmployerRecord, UserFilter,
    UserRecord, Window,
};
use intowork_domain::job::JobStatus;
use intowork_domain::ports::{AccountRemoval, Commit, DeletedUser};
use intowork_domain::user::Role;
use intowork_domain::{RepoError, UserId};

use crate::account_removal::{Removed, applicants_of, remove_account, removed};
use crate::admin_rows::{
    AdminJobRow, AuditRow, EmployerRecordRow, USER_RECORD, UserRecordRow, insert_audit,
    parse_job_status,
};
use crate::cache::{CacheEvent, ReadCaches, publish};
use crate::conn::{DbConn, MultiBackend};
use crate::database::{Database, write_tx};
use crate::error::map_db_error;
use crate::job_rows::{APPLICATIONS_COUNT_SQL, contains_pattern};
use crate::schema::{
    admin_audit_log, companies, employers, job_applications, jobs, notifications, users,
};

// Portable case folding for the name search. SQLite's `lower` folds ASCII only, so accented
// capitals match case-insensitively on PostgreSQL alone (emails use the Rust-normalised column).
diesel::define_sql_function!(fn lower(x: Text) -> Text);

/// Given the [`ReadCaches`], activating, deactivating or deleting an account evicts what changes
/// with it.
#[derive(Clone, Debug)]
pub struct DieselAdminRepository {
    db: Database,
    caches: Option<ReadCaches>,
}

impl DieselAdminRepository {
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

type Ten = (
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

fn stats(conn: &mut DbConn, since: DateTime<Utc>) -> Result<AdminStats, RepoError> {
    let role = |r: &'static str| {
        users::table
            .filter(users::role.eq(r))
            .count()
            .single_value()
    };
    let active = |a: bool| {
        users::table
            .filter(users::is_active.eq(a))
            .count()
            .single_value()
    };
    let counts: Ten = diesel::select((
        users::table.count().single_value(),
        role("candidate"),
        role("employer"),
        companies::table.count().single_value(),
        jobs::table.count().single_value(),
        job_applications::table.count().single_value(),
        notifications::table.count().single_value(),
        active(true),
        active(false),
        users::table
            .filter(users::created_at.ge(since.naive_utc()))
            .count()
            .single_value(),
    ))
    .get_result(conn)
    .map_err(map_db_error)?;
    let by_status: Vec<(String, i64)> = jobs::table
        .group_by(jobs::status)
        .select((jobs::status, count_star()))
        .order(jobs::status.asc())
        .load(conn)
        .map_err(map_db_error)?;
    let jobs_by_status = by_status
        .into_iter()
        .map(|(s, n)| Ok((parse_job_status(&s)?, n)))
        .collect::<Result<_, RepoError>>()?;
    let n = |v: Option<i64>| v.unwrap_or(0);
    Ok(AdminStats {
        total_users: n(counts.0),
        total_candidates: n(counts.1),
        total_employers: n(counts.2),
        total_companies: n(counts.3),
        total_jobs: n(counts.4),
        total_applications: n(counts.5),
        total_notifications: n(counts.6),
        active_users: n(counts.7),
        inactive_users: n(counts.8),
        jobs_by_status,
        recent_signups: n(counts.9),
    })
}

fn list_users(
    conn: &mut DbConn,
    filter: &UserFilter,
    window: Window,
) -> Result<Vec<UserRecord>, RepoError> {
    let mut q = users::table.into_boxed::<MultiBackend>();
    if let Some(role) = filter.role {
        q = q.filter(users::role.eq(role.as_str()));
    }
    if let Some(active) = filter.is_active {
        q = q.filter(users::is_active.eq(active));
    }
    if let Some(search) = &filter.search {
        let pattern = contains_pattern(&search.to_lowercase());
        q = q.filter(
            users::email_norm
                .like(pattern.clone())
                .escape('\\')
                .or(lower(users::first_name).like(pattern.clone()).escape('\\'))
                .or(lower(users::last_name).like(pattern).escape('\\')),
        );
    }
    let rows: Vec<UserRecordRow> = q
        .order((users::created_at.desc(), users::id.desc()))
        .limit(window.limit)
        .offset(window.skip)
        .select(USER_RECORD)
        .load(conn)
        .map_err(map_db_error)?;
    rows.into_iter().map(TryInto::try_into).collect()
}

fn find_user(
    conn: &mut DbConn,
    by: impl FnOnce(
        users::BoxedQuery<'static, MultiBackend>,
    ) -> users::BoxedQuery<'static, MultiBackend>,
) -> Result<Option<UserRecord>, RepoError> {
    by(users::table.into_boxed())
        .select(USER_RECORD)
        .first::<UserRecordRow>(conn)
        .optional()
        .map_err(map_db_error)?
        .map(TryInto::try_into)
        .transpose()
}

fn list_jobs(
    conn: &mut DbConn,
    status: Option<JobStatus>,
    window: Window,
) -> Result<Vec<AdminJob>, RepoError> {
    // One row per job: the employer comes through `jobs.employer_id` (never through the company,
    // which gave duplicates in the reference), the count is a correlated sub-select.
    let mut q = jobs::table
        .inner_join(companies::table)
        .left_join(employers::table.left_join(users::table))
        .into_boxed::<MultiBackend>();
    if let Some(status) = status {
        q = q.filter(jobs::status.eq(status.as_str()));
    }
    let rows: Vec<AdminJobRow> = q
        .order((jobs::created_at.desc(), jobs::id.desc()))
        .limit(window.limit)
        .offset(window.skip)
        .select((
            jobs::id,
            jobs::title,
            companies::name,
            users::email.nullable(),
            jobs::status,
            jobs::location,
            crate::static_sql::static_sql::<BigInt>(APPLICATIONS_COUNT_SQL),
            jobs::created_at,
        ))
        .load(conn)
        .map_err(map_db_error)?;
    rows.into_iter().map(TryInto::try_into).collect()
}

fn set_active(
    conn: &mut DbConn,
    id: i64,
    active: bool,
    audit: &AuditRecord,
) -> QueryResult<Option<UserRecordRow>> {
    write_tx(conn, |conn| {
        // Deactivation bumps the token version: every token issued before dies with it.
        let bump = i64::from(!active);
        let row: Option<UserRecordRow> = diesel::update(users::table.find(id))
            .set((
                users::is_active.eq(active),
                users::token_version.eq(users::token_version + bump),
                users::updated_at.eq(audit.at.naive_utc()),
            ))
            .returning(USER_RECORD)
            .get_result(conn)
            .optional()?;
        if let Some(row) = &row {
            insert_audit(conn, audit, row.id, &row.email)?;
        }
        Ok(row)
    })
}

/// The account's removal and its audit row, in one write transaction.
fn delete(
    conn: &mut DbConn,
    removal: &AccountRemoval,
    audit: &AuditRecord,
) -> QueryResult<Commit<Removed>> {
    write_tx(conn, |conn| {
        let email: Option<String> = users::table
            .find(removal.user.get())
            .select(users::email)
            .first(conn)
            .optional()?;
        let Some(email) = email else {
            return Ok(Commit::NotFound);
        };
        let commit = remove_account(conn, removal)?;
        if let Commit::Done(_) = commit {
            insert_audit(conn, audit, removal.user.get(), &email)?;
        }
        Ok(commit)
    })
}

#[async_trait]
impl AdminRepository for DieselAdminRepository {
    #[tracing::instrument(name = "db.admin.stats", skip_all)]
    async fn stats(&self, signups_since: DateTime<Utc>) -> Result<AdminStats, RepoError> {
        self.db.run(move |conn| stats(conn, signups_since)).await
    }

    #[tracing::instrument(name = "db.admin.list_users", skip_all)]
    async fn list_users(
        &self,
        filter: UserFilter,
        window: Window,
    ) -> Result<Vec<UserRecord>, RepoError> {
        self.db
            .run(move |conn| list_users(conn, &filter, window))
            .await
    }

    #[tracing::instrument(name = "db.admin.find_user", skip_all, fields(user_id = id.get()))]
    async fn find_user(&self, id: UserId) -> Result<Option<UserRecord>, RepoError> {
        self.db
            .run(move |conn| find_user(conn, |q| q.filter(users::id.eq(id.get()))))
            .await
    }

    #[tracing::instrument(name = "db.admin.find_user_by_email", skip_all)]
    async fn find_user_by_email(
        &self,
        email_norm: String,
    ) -> Result<Option<UserRecord>, RepoError> {
        self.db
            .run(move |conn| find_user(conn, |q| q.filter(users::email_norm.eq(email_norm))))
            .await
    }

    #[tracing::instrument(name = "db.admin.list_employers", skip_all)]
    async fn list_employers(&self, window: Window) -> Result<Vec<EmployerRecord>, RepoError> {
        self.db
            .run(move |conn| {
                employers::table
                    .inner_join(users::table)
                    .left_join(companies::table)
                    .filter(users::role.eq("employer"))
                    .order((employers::created_at.desc(), employers::id.desc()))
                    .limit(window.limit)
                    .offset(window.skip)
                    .select((
                        employers::id,
                        employers::user_id,
                        users::email,
                        users::first_name,
                        users::last_name,
                        companies::name.nullable(),
                        employers::position,
                        employers::phone,
                        users::is_active,
                        employers::created_at,
                    ))
                    .load::<EmployerRecordRow>(conn)
                    .map(|rows| rows.into_iter().map(Into::into).collect())
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.admin.list_jobs", skip_all)]
    async fn list_jobs(
        &self,
        status: Option<JobStatus>,
        window: Window,
    ) -> Result<Vec<AdminJob>, RepoError> {
        self.db
            .run(move |conn| list_jobs(conn, status, window))
            .await
    }

    #[tracing::instrument(name = "db.admin.set_active", skip_all, fields(user_id = id.get(), active))]
    async fn set_active(
        &self,
        id: UserId,
        active: bool,
        audit: AuditRecord,
    ) -> Result<Option<UserRecord>, RepoError> {
        let record: Option<UserRecord> = self
            .db
            .run(move |conn| {
                set_active(conn, id.get(), active, &audit)
                    .map_err(map_db_error)?
                    .map(TryInto::try_into)
                    .transpose()
            })
            .await?;
        // An employer's jobs leave or re-enter the public lists with the account.
        if record.as_ref().is_some_and(|r| r.role == Role::Employer) {
            publish(&self.caches, CacheEvent::JobsChanged);
        }
        Ok(record)
    }

    #[tracing::instrument(name = "db.admin.applicants_of", skip_all, fields(user_id = employer_user.get()))]
    async fn applicants_of(&self, employer_user: UserId) -> Result<Vec<UserId>, RepoError> {
        self.db
            .run(move |conn| applicants_of(conn, employer_user.get()).map_err(map_db_error))
            .await
    }

    #[tracing::instrument(name = "db.admin.delete_user", skip_all, fields(user_id = removal.user.get()))]
    async fn delete_user(
        &self,
        removal: AccountRemoval,
        audit: AuditRecord,
    ) -> Result<Commit<DeletedUser>, RepoError> {
        let commit = self
            .db
            .run(move |conn| delete(conn, &removal, &audit).map_err(map_db_error))
            .await?;
        Ok(removed(&self.caches, commit))
    }

    #[tracing::instrument(name = "db.admin.list_audit", skip_all)]
    async fn list_audit(&self, window: Window) -> Result<Vec<AuditEntry>, RepoError> {
        self.db
            .run(move |conn| {
                admin_audit_log::table
                    .order((
                        admin_audit_log::created_at.desc(),
                        admin_audit_log::id.desc(),
                    ))
                    .limit(window.limit)
                    .offset(window.skip)
                    .select(AuditRow::as_select())
                    .load::<AuditRow>(conn)
                    .map(|rows| rows.into_iter().map(Into::into).collect())
                    .map_err(map_db_error)
            })
            .await
    }
}
