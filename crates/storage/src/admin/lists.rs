//! The admin lists, each one statement whatever the page size (CONTRACT 5.10), newest first.

use diesel::prelude::*;
use diesel::sql_types::Text;
use intowork_domain::RepoError;
use intowork_domain::admin::{AdminJob, EmployerRecord, UserFilter, UserRecord, Window};
use intowork_domain::job::JobStatus;
use intowork_domain::user::Role;

use super::rows::{AdminJobRow, EmployerRecordRow};
use crate::conn::{DbConn, MultiBackend};
use crate::error::map_db_error;
use crate::jobs::applications_count;
use crate::schema::{companies, employers, jobs, users};
use crate::text_search::contains_pattern;
use crate::users::UserRow;

// Portable case folding for the name search. SQLite's `lower` folds ASCII only, so accented
// capitals match case-insensitively on PostgreSQL alone (emails use the Rust-normalised column).
diesel::define_sql_function!(fn lower(x: Text) -> Text);

pub(crate) fn list_users(
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
    let rows: Vec<UserRow> = q
        .order((users::created_at.desc(), users::id.desc()))
        .limit(window.limit)
        .offset(window.skip)
        .select(users::all_columns)
        .load(conn)
        .map_err(map_db_error)?;
    rows.into_iter().map(TryInto::try_into).collect()
}

pub(crate) fn find_user(
    conn: &mut DbConn,
    by: impl FnOnce(
        users::BoxedQuery<'static, MultiBackend>,
    ) -> users::BoxedQuery<'static, MultiBackend>,
) -> Result<Option<UserRecord>, RepoError> {
    by(users::table.into_boxed())
        .select(users::all_columns)
        .first::<UserRow>(conn)
        .optional()
        .map_err(map_db_error)?
        .map(TryInto::try_into)
        .transpose()
}

pub(crate) fn list_jobs(
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
            applications_count(),
            jobs::created_at,
            jobs::country,
            jobs::zone,
            jobs::language,
            jobs::image_key,
            jobs::linkedin_published_at,
            companies::is_verified,
        ))
        .load(conn)
        .map_err(map_db_error)?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// Employer profiles of users whose role is `employer`, newest employer row first.
pub(crate) fn list_employers(
    conn: &mut DbConn,
    window: Window,
) -> Result<Vec<EmployerRecord>, RepoError> {
    employers::table
        .inner_join(users::table)
        .left_join(companies::table)
        .filter(users::role.eq(Role::Employer.as_str()))
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
}
