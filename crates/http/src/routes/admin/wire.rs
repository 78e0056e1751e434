//! Bodies of the back-office routes (CONTRACT 3.10, 9.16).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use intowork_domain::UserId;
use intowork_domain::admin::{self, EmployerRecord, UserRecord};
use intowork_domain::user::User;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::extract::PublicBase;
use crate::routes::images::image_url;
use crate::wire::{JobStatus, Role, ser_opt_time, ser_time};

// The user object of the admin lists and of the activate answer.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminUser {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub is_active: bool,
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
}

impl From<UserRecord> for AdminUser {
    fn from(u: UserRecord) -> Self {
        Self {
            id: u.id.get(),
            email: u.email,
            first_name: u.first_name,
            last_name: u.last_name,
            role: u.role.into(),
            is_active: u.is_active,
            created_at: u.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminMe {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub is_active: bool,
}

impl From<&User> for AdminMe {
    fn from(u: &User) -> Self {
        Self {
            id: u.id.get(),
            email: u.email.clone(),
            first_name: u.first_name.clone(),
            last_name: u.last_name.clone(),
            role: u.role.into(),
            is_active: u.is_active,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
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
    /// Job count per status (`draft`, `published`, `closed`, `archived`).
    pub jobs_by_status: BTreeMap<&'static str, i64>,
    pub recent_signups: i64,
}

impl From<admin::AdminStats> for AdminStats {
    fn from(s: admin::AdminStats) -> Self {
        Self {
            total_users: s.total_users,
            total_candidates: s.total_candidates,
            total_employers: s.total_employers,
            total_companies: s.total_companies,
            total_jobs: s.total_jobs,
            total_applications: s.total_applications,
            total_notifications: s.total_notifications,
            active_users: s.active_users,
            inactive_users: s.inactive_users,
            jobs_by_status: s
                .jobs_by_status
                .iter()
                .map(|(status, n)| (status.as_str(), *n))
                .collect(),
            recent_signups: s.recent_signups,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminEmployer {
    pub id: i64,
    pub user_id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub company_name: Option<String>,
    pub position: Option<String>,
    pub phone: Option<String>,
    pub is_active: bool,
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
}

impl From<EmployerRecord> for AdminEmployer {
    fn from(e: EmployerRecord) -> Self {
        Self {
            id: e.id.get(),
            user_id: e.user_id.get(),
            email: e.email,
            first_name: e.first_name,
            last_name: e.last_name,
            company_name: e.company_name,
            position: e.position,
            phone: e.phone,
            is_active: e.is_active,
            created_at: e.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminJob {
    pub id: i64,
    pub title: String,
    pub company_name: String,
    /// `N/A` when the employer is gone.
    pub employer_email: String,
    pub status: JobStatus,
    pub location: Option<String>,
    pub applications_count: i64,
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
    pub country: Option<String>,
    pub zone: Option<String>,
    pub language: Option<String>,
    /// Absolute.
    pub image_url: Option<String>,
    /// Always null: LinkedIn publishing is not available.
    #[serde(serialize_with = "ser_opt_time")]
    pub linkedin_published_at: Option<DateTime<Utc>>,
    pub company_is_verified: bool,
}

impl AdminJob {
    pub fn new(j: admin::AdminJob, base: &PublicBase) -> Self {
        Self {
            image_url: image_url(base, j.image_key.as_deref()),
            id: j.id.get(),
            title: j.title,
            company_name: j.company_name,
            employer_email: j.employer_email.unwrap_or_else(|| "N/A".to_owned()),
            status: j.status.into(),
            location: j.location,
            applications_count: j.applications_count,
            created_at: j.created_at,
            country: j.country,
            zone: j.zone,
            language: j.language,
            linkedin_published_at: j.linkedin_published_at,
            company_is_verified: j.company_is_verified,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    pub id: i64,
    pub actor_user_id: Option<i64>,
    pub actor_email: Option<String>,
    pub action: String,
    pub target_user_id: Option<i64>,
    pub target_email: Option<String>,
    /// The stored details: a JSON value, or the raw text when it is not JSON.
    pub details: Value,
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
}

/// `details` is stored as JSON text: returned as JSON when it parses, as a string otherwise.
impl From<admin::AuditEntry> for AuditEntry {
    fn from(a: admin::AuditEntry) -> Self {
        let details = a.details.map_or(Value::Null, |d| {
            serde_json::from_str::<Value>(&d).unwrap_or(Value::String(d))
        });
        Self {
            id: a.id,
            actor_user_id: a.actor_user_id.map(UserId::get),
            actor_email: a.actor_email,
            action: a.action,
            target_user_id: a.target_user_id.map(UserId::get),
            target_email: a.target_email,
            details,
            created_at: a.created_at,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ActivateRequest {
    pub is_active: bool,
}
