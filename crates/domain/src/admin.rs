//! The admin back-office (CONTRACT 3.10, 5.3 A8, 5.10, decisions 8.14, 9.16): platform statistics,
//! user, employer and job lists, activating, deactivating and deleting accounts, and the audit log
//! every such action writes in the same transaction.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::error::RepoError;
use crate::ids::{EmployerId, JobId, UserId};
use crate::job::JobStatus;
use crate::ports::DeletedUser;
use crate::user::Role;

mod service;
pub use service::*;

/// `skip`/`limit` of the admin lists, already validated by the caller (CONTRACT 1.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub skip: i64,
    pub limit: i64,
}

/// Filters of the admin user list. `search` is matched case-insensitively as a substring of the
/// email, first name or last name; `%` and `_` in it are literal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserFilter {
    pub role: Option<Role>,
    pub is_active: Option<bool>,
    pub search: Option<String>,
}

/// A user as the admin views and `/api/users*` show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRecord {
    pub id: UserId,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub is_active: bool,
    /// Legacy Clerk id; `None` for every account created by sign-up.
    pub clerk_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdminStats {
    pub total_users: i64,
    pub total_candidates: i64,
    pub total_employers: i64,
    pub total_companies: i64,
    pub total_jobs: i64,
    pub total_applications: i64,
    pub total_notifications: i64,
    pub active_users: i64,
    pub inactive_users: i64,
    /// Only statuses with at least one job.
    pub jobs_by_status: Vec<(JobStatus, i64)>,
    pub recent_signups: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployerRecord {
    pub id: EmployerId,
    pub user_id: UserId,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub company_name: Option<String>,
    pub position: Option<String>,
    pub phone: Option<String>,
    pub is_active: bool,
    /// Of the employer row.
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdminJob {
    pub id: JobId,
    pub title: String,
    pub company_name: String,
    /// `None` when the employer's user cannot be found (shown as `N/A`).
    pub employer_email: Option<String>,
    pub status: JobStatus,
    pub location: Option<String>,
    /// Computed live.
    pub applications_count: i64,
    pub created_at: DateTime<Utc>,
}

/// What an admin (or the operator) did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditAction {
    UserActivate,
    UserDeactivate,
    UserDelete,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::UserActivate => "user.activate",
            AuditAction::UserDeactivate => "user.deactivate",
            AuditAction::UserDelete => "user.delete",
        }
    }
}

/// The audit row an action writes. The repository adds the target's id and email, read from the
/// row it changes in the same transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRecord {
    /// `None` for the operator's command line.
    pub actor_user_id: Option<UserId>,
    /// The admin's email, or `cli`.
    pub actor_email: String,
    pub action: AuditAction,
    /// A JSON object, as text.
    pub details: String,
    pub at: DateTime<Utc>,
}

/// A stored audit row. Ids and emails are plain values: they outlive the users they name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub actor_user_id: Option<UserId>,
    pub actor_email: Option<String>,
    pub action: String,
    pub target_user_id: Option<UserId>,
    pub target_email: Option<String>,
    pub details: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait AdminRepository: Send + Sync {
    /// The platform counters, in a fixed number of statements whatever the data size.
    /// `recent_signups` counts users created at or after `signups_since`.
    async fn stats(&self, signups_since: DateTime<Utc>) -> Result<AdminStats, RepoError>;

    /// Newest first (`created_at DESC, id DESC`).
    async fn list_users(
        &self,
        filter: UserFilter,
        window: Window,
    ) -> Result<Vec<UserRecord>, RepoError>;

    async fn find_user(&self, id: UserId) -> Result<Option<UserRecord>, RepoError>;

    /// By the normalised email (see [`crate::user::normalize_email`]).
    async fn find_user_by_email(&self, email_norm: String)
    -> Result<Option<UserRecord>, RepoError>;

    /// Employer profiles of users whose role is `employer`, newest employer row first, in one
    /// joined select.
    async fn list_employers(&self, window: Window) -> Result<Vec<EmployerRecord>, RepoError>;

    /// Jobs with their company, employer email and live application count, newest first, in ONE
    /// statement whatever the page size (CONTRACT 5.10).
    async fn list_jobs(
        &self,
        status: Option<JobStatus>,
        window: Window,
    ) -> Result<Vec<AdminJob>, RepoError>;

    /// In one write transaction: sets `is_active` (deactivating also bumps the token version, so
    /// the user's tokens stop working at once) and writes `audit` for this user. `Ok(None)` when
    /// the user does not exist; nothing is written then.
    async fn set_active(
        &self,
        id: UserId,
        active: bool,
        audit: AuditRecord,
    ) -> Result<Option<UserRecord>, RepoError>;

    /// In one write transaction: writes `audit` for this user and deletes it with everything
    /// attached, exactly as [`crate::ports::UserRepository::delete_cascade`] does. `Ok(None)` when
    /// the user does not exist; nothing is written then.
    async fn delete_user(
        &self,
        id: UserId,
        audit: AuditRecord,
    ) -> Result<Option<DeletedUser>, RepoError>;

    /// Newest first (`created_at DESC, id DESC`).
    async fn list_audit(&self, window: Window) -> Result<Vec<AuditEntry>, RepoError>;
}

#[cfg(test)]
mod tests;
