//! The admin use cases. The same code path serves the admin API and the operator's command line;
//! only the [`Actor`] differs, and with it the guards.

use std::sync::Arc;

use chrono::TimeDelta;
use thiserror::Error;
use tracing::{info, instrument};

use super::*;
use crate::auth::remove_files;
use crate::files::FileStore;
use crate::ports::Clock;
use crate::user::{User, normalize_email};

/// Who acts. An admin may not act on their own account or on another admin (CONTRACT 9.16); the
/// operator's command line may do both.
#[derive(Clone, Debug)]
pub enum Actor {
    Admin(User),
    Operator,
}

impl Actor {
    fn admin_id(&self) -> Option<UserId> {
        match self {
            Actor::Admin(user) => Some(user.id),
            Actor::Operator => None,
        }
    }

    fn label(&self) -> String {
        match self {
            Actor::Admin(user) => format!("admin:{}", user.id),
            Actor::Operator => "cli".to_owned(),
        }
    }

    fn audit(&self, action: AuditAction, details: String, at: DateTime<Utc>) -> AuditRecord {
        let (actor_user_id, actor_email) = match self {
            Actor::Admin(user) => (Some(user.id), user.email.clone()),
            Actor::Operator => (None, "cli".to_owned()),
        };
        AuditRecord {
            actor_user_id,
            actor_email,
            action,
            details,
            at,
        }
    }

    fn via(&self) -> &'static str {
        match self {
            Actor::Admin(_) => "api",
            Actor::Operator => "cli",
        }
    }
}

#[derive(Debug, Error)]
pub enum SetActiveError {
    /// An admin targeting their own account, whatever the requested state.
    #[error("cannot change one's own account")]
    OwnAccount,
    #[error("user not found")]
    NotFound,
    #[error("target is an admin")]
    TargetIsAdmin,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum DeleteUserError {
    #[error("cannot delete one's own account")]
    OwnAccount,
    #[error("user not found")]
    NotFound,
    #[error("target is an admin")]
    TargetIsAdmin,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum FindUserError {
    #[error("user not found")]
    NotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

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
    /// left to the CV sweep).
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
        let deleted = self
            .repo
            .delete_user(target, audit)
            .await?
            .ok_or(DeleteUserError::NotFound)?;
        remove_files(self.files.as_ref(), &deleted.cv_keys).await;
        info!(
            actor = %actor.label(),
            action = AuditAction::UserDelete.as_str(),
            target_user_id = %target,
            files = deleted.cv_keys.len(),
            "admin action"
        );
        Ok(current)
    }
}
