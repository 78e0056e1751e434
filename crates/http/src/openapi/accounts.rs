//! Schemas of the account routes: auth, password reset, health, legacy users, admin, dashboard.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::common::{JobStatus, Role, TokenType};

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"email": "jane@example.com", "password": "Str0ng!pass",
    "first_name": "Jane", "last_name": "Doe", "role": "candidate"}))]
pub struct SignupRequest {
    #[schema(format = Email)]
    pub email: String,
    /// At least 8 characters and at most 256 bytes (`password_too_short`, `password_too_long`).
    #[schema(min_length = 8)]
    pub password: String,
    pub first_name: String,
    pub last_name: String,
    /// `candidate` or `employer`, any letter case (admins are created by the CLI); another
    /// value is a 400 `invalid_role`.
    #[schema(value_type = SignupRole)]
    pub role: String,
}

/// The roles anyone may pick at sign-up.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SignupRole {
    Candidate,
    Employer,
}

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"email": "jane@example.com", "password": "Str0ng!pass"}))]
pub struct SigninRequest {
    #[schema(format = Email)]
    pub email: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthUser {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    /// Sign-in only: the avatar URL (null when none); absent from the sign-up answer.
    pub image: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthResponse {
    pub access_token: String,
    pub token_type: TokenType,
    pub user: AuthUser,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Me {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub name: Option<String>,
    pub role: Role,
    pub image: Option<String>,
    pub is_active: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    /// The sign-up policy: at least 8 characters, at most 256 bytes.
    #[schema(min_length = 8)]
    pub new_password: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChanged {
    pub message: String,
    /// A fresh token: every older token of the account is revoked.
    pub access_token: String,
    pub token_type: TokenType,
}

#[derive(Deserialize, ToSchema)]
pub struct ChangeEmailRequest {
    #[schema(format = Email)]
    pub new_email: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailChanged {
    pub message: String,
    pub new_email: String,
    pub access_token: String,
    pub token_type: TokenType,
}

#[derive(Deserialize, ToSchema)]
pub struct ForgotPasswordRequest {
    #[schema(format = Email)]
    pub email: String,
}

#[derive(Deserialize, ToSchema)]
pub struct ResetPasswordRequest {
    pub token: String,
    /// The sign-up policy (at least 8 characters, at most 256 bytes); `password` is accepted as
    /// an alias.
    #[schema(min_length = 8)]
    pub new_password: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RootInfo {
    pub status: String,
    pub service: String,
    pub version: String,
    pub docs: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Liveness {
    pub status: String,
    pub service: String,
}

/// `status` is `ready` (200) or `unavailable` (503, then with `detail` and `code: not_ready`).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Readiness {
    pub status: String,
    /// `ok` or `unavailable`.
    pub database: String,
    /// `ok` or `unavailable`.
    pub storage: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Ping {
    pub ping: String,
    pub timestamp: DateTime<Utc>,
    pub service: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceStatus {
    pub status: String,
    pub phase: String,
    pub features: Vec<String>,
    pub next: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DbStatus {
    pub status: String,
    pub test_query: i64,
    pub message: String,
}

/// CONTRACT 3.1's legacy user object (`clerk_id` is null for accounts created by sign-up).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LegacyUser {
    pub clerk_id: Option<String>,
    pub email: String,
    pub role: Role,
    pub first_name: String,
    pub last_name: String,
    pub id: i64,
    pub is_active: bool,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminUser {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
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
    pub jobs_by_status: HashMap<String, i64>,
    pub recent_signups: i64,
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
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminJob {
    pub id: i64,
    pub title: String,
    pub company_name: Option<String>,
    /// `N/A` when the employer is gone.
    pub employer_email: String,
    pub status: JobStatus,
    pub location: Option<String>,
    pub applications_count: i64,
    pub created_at: DateTime<Utc>,
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
    #[schema(value_type = Value)]
    pub details: Value,
    pub created_at: DateTime<Utc>,
}

#[derive(Deserialize, ToSchema)]
pub struct ActivateRequest {
    pub is_active: bool,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeType {
    Increase,
    Neutral,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatColor {
    Red,
    Blue,
    Green,
    Purple,
    Gray,
    Orange,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Admin,
    Info,
    Welcome,
    JobPost,
    Application,
    Interview,
    Update,
    View,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DashboardStat {
    pub title: String,
    pub value: String,
    pub change: String,
    #[serde(rename = "changeType")]
    pub change_type: ChangeType,
    pub color: StatColor,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: i64,
    pub action: String,
    pub target: String,
    pub time: String,
    #[serde(rename = "type")]
    pub kind: ActivityKind,
}

/// Keys are camelCase on the wire, as the frontend reads them.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Dashboard {
    pub stats: Vec<DashboardStat>,
    #[serde(rename = "recentActivities")]
    pub recent_activities: Vec<Activity>,
    #[serde(rename = "profileCompletion")]
    pub profile_completion: i64,
}
