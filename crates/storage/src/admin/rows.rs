//! Row shapes of the admin lists and their conversion into domain records.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::admin::{AdminJob, EmployerRecord, UserRecord};
use intowork_domain::job::JobStatus;
use intowork_domain::{EmployerId, JobId, RepoError, UserId};

use crate::schema::users;
use crate::stored::{self, columns, parse};

columns!(
    /// The user columns the admin views show, in [`UserRecordRow`]'s order.
    USER_RECORD: UserRecordColumns = (
        users::id,
        users::email,
        users::first_name,
        users::last_name,
        users::role,
        users::is_active,
        users::clerk_id,
        users::created_at,
    )
);

#[derive(Queryable)]
pub(crate) struct UserRecordRow {
    pub(crate) id: i64,
    pub(crate) email: String,
    first_name: String,
    last_name: String,
    role: String,
    is_active: bool,
    clerk_id: Option<String>,
    created_at: NaiveDateTime,
}

impl TryFrom<UserRecordRow> for UserRecord {
    type Error = RepoError;

    fn try_from(r: UserRecordRow) -> Result<Self, RepoError> {
        Ok(UserRecord {
            id: UserId(r.id),
            email: r.email,
            first_name: r.first_name,
            last_name: r.last_name,
            role: parse("role", &r.role, stored::role)?,
            is_active: r.is_active,
            clerk_id: r.clerk_id,
            created_at: r.created_at.and_utc(),
        })
    }
}

#[derive(Queryable)]
pub(crate) struct EmployerRecordRow {
    id: i64,
    user_id: i64,
    email: String,
    first_name: String,
    last_name: String,
    company_name: Option<String>,
    position: Option<String>,
    phone: Option<String>,
    is_active: bool,
    created_at: NaiveDateTime,
}

impl From<EmployerRecordRow> for EmployerRecord {
    fn from(r: EmployerRecordRow) -> Self {
        EmployerRecord {
            id: EmployerId(r.id),
            user_id: UserId(r.user_id),
            email: r.email,
            first_name: r.first_name,
            last_name: r.last_name,
            company_name: r.company_name,
            position: r.position,
            phone: r.phone,
            is_active: r.is_active,
            created_at: r.created_at.and_utc(),
        }
    }
}

#[derive(Queryable)]
pub(crate) struct AdminJobRow {
    id: i64,
    title: String,
    company_name: String,
    employer_email: Option<String>,
    status: String,
    location: Option<String>,
    applications_count: i64,
    created_at: NaiveDateTime,
}

impl TryFrom<AdminJobRow> for AdminJob {
    type Error = RepoError;

    fn try_from(r: AdminJobRow) -> Result<Self, RepoError> {
        Ok(AdminJob {
            id: JobId(r.id),
            title: r.title,
            company_name: r.company_name,
            employer_email: r.employer_email,
            status: parse("job status", &r.status, JobStatus::parse)?,
            location: r.location,
            applications_count: r.applications_count,
            created_at: r.created_at.and_utc(),
        })
    }
}
