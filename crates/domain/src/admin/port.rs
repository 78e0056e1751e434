//! The admin store.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::audit::{AuditEntry, AuditRecord};
use super::records::{AdminJob, AdminStats, EmployerRecord, UserFilter, UserRecord, Window};
use crate::error::RepoError;
use crate::ids::UserId;
use crate::job::JobStatus;
use crate::ports::{AccountRemoval, Commit, DeletedUser};

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

    /// As [`crate::ports::UserRepository::applicants_of`].
    async fn applicants_of(&self, employer_user: UserId) -> Result<Vec<UserId>, RepoError>;

    /// In one write transaction: writes `audit` for this user and commits `removal` exactly as
    /// [`crate::ports::UserRepository::delete_account`] does, with the same answers; nothing is
    /// written unless the answer is `Done`.
    async fn delete_user(
        &self,
        removal: AccountRemoval,
        audit: AuditRecord,
    ) -> Result<Commit<DeletedUser>, RepoError>;

    /// Newest first (`created_at DESC, id DESC`).
    async fn list_audit(&self, window: Window) -> Result<Vec<AuditEntry>, RepoError>;
}
