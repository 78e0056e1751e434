//! Who performs an admin action, and what that changes in the guards and the audit row.

use chrono::{DateTime, Utc};

use super::audit::{AuditAction, AuditRecord};
use crate::ids::UserId;
use crate::user::User;

/// Who acts. An admin may not act on their own account or on another admin (CONTRACT 9.16); the
/// operator's command line may do both.
#[derive(Clone, Debug)]
pub enum Actor {
    Admin(User),
    Operator,
}

impl Actor {
    pub(crate) fn admin_id(&self) -> Option<UserId> {
        match self {
            Actor::Admin(user) => Some(user.id),
            Actor::Operator => None,
        }
    }

    pub(crate) fn label(&self) -> String {
        match self {
            Actor::Admin(user) => format!("admin:{}", user.id),
            Actor::Operator => "cli".to_owned(),
        }
    }

    pub(crate) fn audit(
        &self,
        action: AuditAction,
        details: String,
        at: DateTime<Utc>,
    ) -> AuditRecord {
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

    pub(crate) fn via(&self) -> &'static str {
        match self {
            Actor::Admin(_) => "api",
            Actor::Operator => "cli",
        }
    }
}
