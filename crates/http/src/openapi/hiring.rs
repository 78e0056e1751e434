//! Schemas of the hiring routes: jobs, applications, companies, employers, notifications.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::common::{ApplicationStatus, JobStatus, JobType, LocationType, NotificationType, Role};

/// A job summary (lists cut `description`).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Job {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub company_name: String,
    pub company_logo_url: Option<String>,
    pub location: Option<String>,
    pub location_type: LocationType,
    pub job_type: JobType,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
    pub posted_at: Option<DateTime<Utc>>,
    pub is_featured: bool,
    pub views_count: i64,
    pub applications_count: i64,
    pub has_applied: bool,
}

/// The summary's fields plus the detail ones.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JobDetail {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub company_name: String,
    pub company_logo_url: Option<String>,
    pub location: Option<String>,
    pub location_type: LocationType,
    pub job_type: JobType,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
    pub posted_at: Option<DateTime<Utc>>,
    pub is_featured: bool,
    pub views_count: i64,
    pub applications_count: i64,
    pub has_applied: bool,
    pub requirements: Option<String>,
    pub responsibilities: Option<String>,
    pub benefits: Option<String>,
    pub company_description: Option<String>,
    pub company_industry: Option<String>,
    pub company_size: Option<String>,
    pub status: JobStatus,
    pub created_at: DateTime<Utc>,
    /// Repeats `job_type`.
    pub employment_type: JobType,
    #[schema(example = "40000 - 50000 EUR")]
    pub salary_range: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JobList {
    pub jobs: Vec<Job>,
    pub total: i64,
    pub page: i64,
    pub limit: i64,
    pub total_pages: i64,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecentJobs {
    pub count: i64,
    pub days: i64,
}

/// The body of `POST /api/jobs/create`; `PUT /api/jobs/{job_id}` takes the same fields, where an
/// absent optional field is left as is and `null` clears it.
#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"title": "Rust developer", "description": "Build the API",
    "location": "Lyon", "location_type": "hybrid", "job_type": "full_time",
    "salary_min": 40000, "salary_max": 50000, "currency": "EUR"}))]
pub struct JobRequest {
    pub title: String,
    pub description: String,
    pub location: Option<String>,
    pub location_type: LocationType,
    pub job_type: JobType,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
    pub requirements: Option<String>,
    pub responsibilities: Option<String>,
    pub benefits: Option<String>,
}

/// The job as a candidate's application shows it; `{}` when the job is gone.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationJob {
    pub id: Option<i64>,
    pub title: Option<String>,
    pub company_name: Option<String>,
    pub location: Option<String>,
    pub location_type: Option<LocationType>,
    pub job_type: Option<JobType>,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CandidateApplication {
    pub id: i64,
    pub job_id: i64,
    pub candidate_id: i64,
    pub status: ApplicationStatus,
    pub applied_at: DateTime<Utc>,
    /// Always null for the candidate (employer notes are private).
    pub notes: Option<String>,
    pub job: ApplicationJob,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CandidateApplicationPage {
    pub applications: Vec<CandidateApplication>,
    pub total: i64,
    pub page: i64,
    pub limit: i64,
    pub total_pages: i64,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmployerApplication {
    pub id: i64,
    pub job_id: i64,
    pub job_title: String,
    pub candidate_id: i64,
    pub candidate_name: String,
    pub candidate_email: String,
    pub candidate_phone: Option<String>,
    pub status: ApplicationStatus,
    pub applied_at: DateTime<Utc>,
    pub cover_letter: Option<String>,
    pub notes: Option<String>,
    /// A signed, expiring link to the candidate's CV.
    pub cv_url: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmployerApplicationPage {
    pub applications: Vec<EmployerApplication>,
    pub total: i64,
    pub page: i64,
    pub limit: i64,
    pub total_pages: i64,
}

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"job_id": 42, "cover_letter": "Bonjour"}))]
pub struct ApplyRequest {
    pub job_id: i64,
    pub cover_letter: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct StatusRequest {
    pub status: ApplicationStatus,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusChanged {
    pub message: String,
    pub application_id: i64,
    pub new_status: ApplicationStatus,
}

#[derive(Deserialize, ToSchema)]
pub struct NotesRequest {
    pub notes: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotesSet {
    pub message: String,
    pub application_id: i64,
    pub notes: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct Company {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    pub industry: Option<String>,
    pub size: Option<String>,
    pub website_url: Option<String>,
    pub linkedin_url: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub logo_url: Option<String>,
}

/// Create: `name` required. Update: every field optional, `null` clears it (not `name`).
#[derive(Deserialize, ToSchema)]
pub struct CompanyRequest {
    pub name: Option<String>,
    pub description: Option<String>,
    pub industry: Option<String>,
    pub size: Option<String>,
    pub website_url: Option<String>,
    pub linkedin_url: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub logo_url: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyStats {
    pub active_jobs: i64,
    pub total_jobs: i64,
    pub total_applications: i64,
    pub total_employers: i64,
}

#[derive(Deserialize, ToSchema)]
pub struct RegistrationRequest {
    pub role: Option<Role>,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub title: Option<String>,
    pub company_name: Option<String>,
    pub company_industry: Option<String>,
    pub position: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationProfile {
    pub id: i64,
    pub user_id: i64,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub title: Option<String>,
}

/// `profile` for candidates; `employer` and `company` (null without one) for employers.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    pub message: String,
    pub role: Role,
    pub profile: Option<RegistrationProfile>,
    pub employer: Option<EmployerSummary>,
    pub company: Option<Company>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Employer {
    pub id: i64,
    pub user_id: i64,
    pub company_id: Option<i64>,
    pub position: Option<String>,
    pub department: Option<String>,
    pub phone: Option<String>,
    pub can_create_jobs: bool,
    pub can_manage_candidates: bool,
    pub is_admin: bool,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmployerSummary {
    pub id: i64,
    pub company_id: Option<i64>,
    pub position: Option<String>,
    pub department: Option<String>,
    pub phone: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmployerUpdated {
    pub message: String,
    pub employer: EmployerSummary,
}

/// Every field optional; `null` leaves it as is.
#[derive(Deserialize, ToSchema)]
pub struct EmployerRequest {
    pub company_id: Option<i64>,
    pub position: Option<String>,
    pub department: Option<String>,
    pub phone: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Notification {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: NotificationType,
    pub title: String,
    pub message: String,
    pub related_job_id: Option<i64>,
    pub related_application_id: Option<i64>,
    pub is_read: bool,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationList {
    pub notifications: Vec<Notification>,
    pub total: i64,
    pub unread_count: i64,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnreadCount {
    pub unread_count: i64,
}
