//! What the admin views show: platform statistics, users, employers and jobs, and the list window.

use chrono::{DateTime, Utc};

use crate::ids::{EmployerId, JobId, UserId};
use crate::job::JobStatus;
use crate::user::Role;

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
    pub country: Option<String>,
    pub zone: Option<String>,
    pub language: Option<String>,
    /// The picture's storage key (the presenter builds its URL).
    pub image_key: Option<String>,
    pub linkedin_published_at: Option<DateTime<Utc>>,
    pub company_is_verified: bool,
}
