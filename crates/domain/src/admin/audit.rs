//! The audit log every admin action writes in the same transaction as the change.

use chrono::{DateTime, Utc};

use crate::ids::UserId;

/// What an admin (or the operator) did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditAction {
    UserActivate,
    UserDeactivate,
    UserDelete,
    /// An account created by an admin, without a password.
    UserCreate,
    /// A fresh set-password link mailed to an account.
    UserResendCredentials,
    CompanyVerify,
    CompanyUnverify,
    CompanyDelete,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::UserActivate => "user.activate",
            AuditAction::UserDeactivate => "user.deactivate",
            AuditAction::UserDelete => "user.delete",
            AuditAction::UserCreate => "user.create",
            AuditAction::UserResendCredentials => "user.resend_credentials",
            AuditAction::CompanyVerify => "company.verify",
            AuditAction::CompanyUnverify => "company.unverify",
            AuditAction::CompanyDelete => "company.delete",
        }
    }
}

/// The audit row an action writes. For an action on an account, the repository adds the target's
/// id and email, read from the row it changes in the same transaction; an action on a company has
/// no target user and names the company in `details`.
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

/// `value` as a JSON string literal, quotes included, for the `details` of an audit row that names
/// something a user typed (a company name).
pub(crate) fn json_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
