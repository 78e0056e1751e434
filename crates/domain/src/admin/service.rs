//! The admin use cases. The same code path serves the admin API and the operator's command line;
//! only the [`Actor`] differs, and with it the guards.

use std::sync::Arc;

use chrono::TimeDelta;
use tracing::{info, instrument};

use super::actor::Actor;
use super::audit::{AuditAction, AuditEntry, AuditRecord};
use super::errors::{DeleteUserError, FindUserError, SetActiveError};
use super::port::AdminRepository;
use super::records::{AdminJob, AdminStats, EmployerRecord, UserFilter, UserRecord, Window};
use crate::auth::remove_files;
use crate::error::RepoError;
use crate::files::FileStore;
use crate::ids::UserId;
use crate::job::JobStatus;
use crate::ports::{
    AccountRemoval, Clock, Commit, DECISION_ATTEMPTS, DeletedUser, facts_kept_changing,
};
use crate::user::{Role, normalize_email};

/// What `recent_signups` covers.
const RECENT_SIGNUPS: TimeDelta = TimeDelta::days(7);

pub struct AdminService {
    repo: Arc<dyn AdminRepository>,
    files: Arc<dyn FileStore>,
    clock: Arc<dyn Clock>,
}

impl AdminService {
    pub fn new(
        repo: Arc<dyn AdminRepository>,
        files: Arc<dyn FileStore>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self { repo, files, clock }
    }

    #[instrument(skip_all)]
    pub async fn stats(&self) -> Result<AdminStats, RepoError> {
        self.repo.stats(self.clock.now() - RECENT_SIGNUPS).await
    }

    /// A blank search is no filter.
    #[instrument(skip_all)]
    pub async fn list_users(
        &self,
        mut filter: UserFilter,
        window: Window,
    ) -> Result<Vec<UserRecord>, RepoError> {
        filter.search = filter
            .search
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        self.repo.list_users(filter, window).await
    }

    #[instrument(skip_all, fields(target_user_id = %id))]
    pub async fn get_user(&self, id: UserId) -> Result<UserRecord, FindUserError> {
        self.repo
            .find_user(id)
            .await?
            .ok_or(FindUserError::NotFound)
    }

    /// For the operator's command line, which names accounts by email.
    #[instrument(skip_all)]
    pub async fn find_by_email(&self, raw: &str) -> Result<UserRecord, FindUserError> {
        self.repo
            .find_user_by_email(normalize_email(raw))
            .await?
            .ok_or(FindUserError::NotFound)
    }

    #[instrument(skip_all)]
    pub async fn list_employers(&self, window: Window) -> Result<Vec<EmployerRecord>, RepoError> {
        self.repo.list_employers(window).await
    }

    #[instrument(skip_all)]
    pub async fn list_jobs(
        &self,
        status: Option<JobStatus>,
        window: Window,
    ) -> Result<Vec<AdminJob>, RepoError> {
        self.repo.list_jobs(status, window).await
    }

    #[instrument(skip_all)]
    pub async fn list_audit(&self, window: Window) -> Result<Vec<AuditEntry>, RepoError> {
        self.repo.list_audit(window).await
    }

    /// Activates or deactivates an account; deactivation revokes its tokens at once. Checks, in the
    /// contract's order: own account (even to activate), existence, admin target.
    #[instrument(skip_all, fields(target_user_id = %target, active))]
    pub async fn set_active(
        &self,
        actor: &Actor,
        target: UserId,
        active: bool,
    ) -> Result<UserRecord, SetActiveError> {
        if actor.admin_id() == Some(target) {
            return Err(SetActiveError::OwnAccount);
        }
        let current = self
            .repo
            .find_user(target)
            .await?
            .ok_or(SetActiveError::NotFound)?;
        if matches!(actor, Actor::Admin(_)) && current.role == Role::Admin {
            return Err(SetActiveError::TargetIsAdmin);
        }
        let action = if active {
            AuditAction::UserActivate
        } else {
            AuditAction::UserDeactivate
        };
        let details = format!(
            r#"{{"is_active":{active},"was_active":{},"role":"{}","via":"{}"}}"#,
            current.is_active,
            current.role.as_str(),
            actor.via()
        );
        let audit = actor.audit(action, details, self.clock.now());
        let updated = self
            .repo
            .set_active(target, active, audit)
            .await?
            .ok_or(SetActiveError::NotFound)?;
        info!(actor = %actor.label(), action = action.as_str(), target_user_id = %target, "admin action");
        Ok(updated)
    }

    /// Deletes an account with everything attached (CONTRACT 2.15) in one transaction with its
    /// audit row, then removes its CV files: after the commit, best-effort (a failure is logged and
    /// left to the CV sweep). Candidates who lose an application with an employer's account are
    /// told (9.11); when one applies meanwhile, the commit is refused and the decision made again.
    #[instrument(skip_all, fields(target_user_id = %target))]
    pub async fn delete_user(
        &self,
        actor: &Actor,
        target: UserId,
    ) -> Result<UserRecord, DeleteUserError> {
        if actor.admin_id() == Some(target) {
            return Err(DeleteUserError::OwnAccount);
        }
        let current = self
            .repo
            .find_user(target)
            .await?
            .ok_or(DeleteUserError::NotFound)?;
        if matches!(actor, Actor::Admin(_)) && current.role == Role::Admin {
            return Err(DeleteUserError::TargetIsAdmin);
        }
        let details = format!(
            r#"{{"role":"{}","via":"{}"}}"#,
            current.role.as_str(),
            actor.via()
        );
        let audit = actor.audit(AuditAction::UserDelete, details, self.clock.now());
        let deleted = self.commit_removal(&current, audit).await?;
        let files = deleted.file_keys();
        remove_files(self.files.as_ref(), &files).await;
        info!(
            actor = %actor.label(),
            action = AuditAction::UserDelete.as_str(),
            target_user_id = %target,
            files = files.len(),
            "admin action"
        );
        Ok(current)
    }

    /// Decides who is told, and commits, until no application arrived in between.
    async fn commit_removal(
        &self,
        target: &UserRecord,
        audit: AuditRecord,
    ) -> Result<DeletedUser, DeleteUserError> {
        for _ in 0..DECISION_ATTEMPTS {
            let applicants = match target.role {
                Role::Employer => self.repo.applicants_of(target.id).await?,
                Role::Candidate | Role::Admin => Vec::new(),
            };
            let removal = AccountRemoval::decide(target.id, &applicants, audit.at);
            match self.repo.delete_user(removal, audit.clone()).await? {
                Commit::Done(deleted) => return Ok(deleted),
                Commit::NotFound => return Err(DeleteUserError::NotFound),
                Commit::Stale => info!("applicants changed meanwhile; deciding again"),
            }
        }
        Err(facts_kept_changing().into())
    }
}
