//! Row shapes of the admin queries, their conversion into domain records, and the audit insert.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::admin::{AdminJob, AuditEntry, AuditRecord, EmployerRecord, UserRecord};
use intowork_domain::job::JobStatus;
use intowork_domain::{EmployerId, JobId, RepoError, UserId};

use crate::conn::DbConn;
use crate::schema::{admin_audit_log, users};
use crate::users::parse_role;

/// The user columns the admin views show, in [`UserRecordRow`]'s order.
pub(crate) type UserRecordColumns = (
    users::id,
    users::email,
    users::first_name,
    users::last_name,
    users::role,
    users::is_active,
    users::clerk_id,
    users::created_at,
);

pub(crate) const USER_RECORD: UserRecordColumns = (
    users::id,
    users::email,
    users::first_name,
    users::last_name,
    users::role,
    users::is_active,
    users::clerk_id,
    users::created_at,
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
            role: parse_role(&r.role)?,
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
            status: parse_job_status(&r.status)?,
            location: r.location,
            applications_count: r.applications_count,
            created_at: r.created_at.and_utc(),
        })
    }
}

pub(crate) fn parse_job_status(value: &str) -> Result<JobStatus, RepoError> {
    JobStatus::parse(value)
        .ok_or_else(|| RepoError::Internal(format!("unknown job status in database: {value:?}")))
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = admin_audit_log)]
pub(crate) struct AuditRow {
    id: i64,
    actor_user_id: Option<i64>,
    actor_email: Option<String>,
    action: String,
    target_user_id: Option<i64>,
    target_email: Option<String>,
    details: Option<String>,
    created_at: NaiveDateTime,
}

impl From<AuditRow> for AuditEntry {
    fn from(r: AuditRow) -> Self {
        AuditEntry {
            id: r.id,
            actor_user_id: r.actor_user_id.map(UserId),
            actor_email: r.actor_email,
            action: r.action,
            target_user_id: r.target_user_id.map(UserId),
            target_email: r.target_email,
            details: r.details,
            created_at: r.created_at.and_utc(),
        }
    }
}

/// Writes one audit row about `target`, inside the caller's transaction.
pub(crate) fn insert_audit(
    conn: &mut DbConn,
    audit: &AuditRecord,
    target_id: i64,
    target_email: &str,
) -> QueryResult<()> {
    diesel::insert_into(admin_audit_log::table)
        .values((
            admin_audit_log::actor_user_id.eq(audit.actor_user_id.map(UserId::get)),
            admin_audit_log::actor_email.eq(Some(audit.actor_email.as_str())),
            admin_audit_log::action.eq(audit.action.as_str()),
            admin_audit_log::target_user_id.eq(Some(target_id)),
            admin_audit_log::target_email.eq(Some(target_email)),
            admin_audit_log::details.eq(Some(audit.details.as_str())),
            admin_audit_log::created_at.eq(audit.at.naive_utc()),
        ))
        .execute(conn)
        .map(|_| ())
}
