//! `AdminRepository` over diesel (CONTRACT 3.10, 5.10).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use intowork_domain::admin::{
    AdminJob, AdminRepository, AdminStats, AuditEntry, AuditRecord, EmployerRecord, UserFilter,
    UserRecord, Window,
};
use intowork_domain::job::JobStatus;
use intowork_domain::ports::{AccountRemoval, Commit, DeletedUser};
use intowork_domain::user::Role;
use intowork_domain::{RepoError, UserId};

use super::accounts::{delete, set_active};
use super::audit::list_audit;
use super::lists::{find_user, list_employers, list_jobs, list_users};
use super::stats::stats;
use crate::cache::{CacheEvent, evicting_repository, publish};

use crate::error::map_db_error;
use crate::schema::users;
use crate::users::{applicants_of, removed};

evicting_repository!(
    /// Given the [`crate::ReadCaches`], activating, deactivating or deleting an account evicts
    /// what changes with it.
    DieselAdminRepository
);

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
        self.db.run(move |conn| list_employers(conn, window)).await
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
        self.db.run(move |conn| list_audit(conn, window)).await
    }
}
