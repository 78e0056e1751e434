//! The audit log every admin action writes in the same transaction as the change.

use chrono::{DateTime, Utc};

use crate::ids::UserId;

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
