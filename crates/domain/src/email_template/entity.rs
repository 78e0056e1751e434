//! A company's saved template and the commands that write one.

use chrono::{DateTime, Utc};

use super::kind::TemplateType;
use crate::ids::{CompanyId, UserId};

/// `email_templates.id`
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TemplateId(pub i64);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailTemplate {
    pub id: TemplateId,
    pub company_id: CompanyId,
    /// `None` once its author's account is gone.
    pub created_by: Option<UserId>,
    pub name: String,
    pub kind: TemplateType,
    pub subject: String,
    pub body: String,
    pub is_active: bool,
    pub is_default: bool,
    /// How many mails were sent with it.
    pub usage_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// What the create form sends, already checked for length by the edge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateDraft {
    pub name: String,
    pub kind: TemplateType,
    pub subject: String,
    pub body: String,
    pub is_default: bool,
}

/// A template to insert. When `is_default`, the repository unsets the company's other default of
/// the same type in the same transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTemplate {
    pub company: CompanyId,
    pub author: UserId,
    pub draft: TemplateDraft,
    pub is_active: bool,
    pub now: DateTime<Utc>,
}

/// A partial update: `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TemplatePatch {
    pub name: Option<String>,
    pub kind: Option<TemplateType>,
    pub subject: Option<String>,
    pub body: Option<String>,
    pub is_active: Option<bool>,
    pub is_default: Option<bool>,
}

/// The company's usage figures (`GET /api/email-templates/stats/usage`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UsageStats {
    pub total: i64,
    pub active: i64,
    pub total_usage: i64,
    /// The most used template (id, name, usage count); `None` without templates.
    pub most_used: Option<(TemplateId, String, i64)>,
}
