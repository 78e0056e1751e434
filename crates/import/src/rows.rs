//! Our rows as the importer writes them, ids included (CONTRACT 9.3 keeps the reference's ids).
//! `None` is written as NULL (never as the column default).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use intowork_storage::schema::{
    candidate_cvs, candidates, companies, educations, employers, experiences, job_applications,
    jobs, notifications, skills, users,
};

/// No `Debug`: it holds the password hash.
#[derive(Insertable)]
#[diesel(table_name = users, treat_none_as_default_value = false)]
pub(crate) struct UserRow {
    pub id: i64,
    pub email: String,
    pub email_norm: String,
    pub email_verified: Option<NaiveDateTime>,
    pub password_hash: Option<String>,
    pub name: Option<String>,
    pub image: Option<String>,
    pub clerk_id: Option<String>,
    pub role: &'static str,
    pub first_name: String,
    pub last_name: String,
    pub is_active: bool,
    pub token_version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = candidates, treat_none_as_default_value = false)]
pub(crate) struct CandidateRow {
    pub id: i64,
    pub user_id: i64,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub linkedin_url: Option<String>,
    pub website_url: Option<String>,
    pub profile_picture_url: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub years_experience: Option<i32>,
    pub salary_expectation_min: Option<i32>,
    pub salary_expectation_max: Option<i32>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = experiences, treat_none_as_default_value = false)]
pub(crate) struct ExperienceRow {
    pub id: i64,
    pub candidate_id: i64,
    pub title: String,
    pub company: String,
    pub location: Option<String>,
    pub start_date: String,
    pub end_date: Option<String>,
    pub is_current: bool,
    pub description: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = educations, treat_none_as_default_value = false)]
pub(crate) struct EducationRow {
    pub id: i64,
    pub candidate_id: i64,
    pub degree: String,
    pub school: String,
    pub field_of_study: Option<String>,
    pub location: Option<String>,
    pub start_date: String,
    pub end_date: Option<String>,
    pub is_current: bool,
    pub description: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = skills, treat_none_as_default_value = false)]
pub(crate) struct SkillRow {
    pub id: i64,
    pub candidate_id: i64,
    pub name: String,
    pub level: i32,
    pub category: &'static str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Without the id: CVs from `candidate_cvs` keep theirs, legacy ones get a new one.
#[derive(Insertable, Clone, Debug)]
#[diesel(table_name = candidate_cvs, treat_none_as_default_value = false)]
pub struct CvRow {
    pub candidate_id: i64,
    pub filename: String,
    pub storage_key: String,
    pub file_size: i64,
    pub is_active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = companies, treat_none_as_default_value = false)]
pub(crate) struct CompanyRow {
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
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = employers, treat_none_as_default_value = false)]
pub(crate) struct EmployerRow {
    pub id: i64,
    pub user_id: i64,
    pub company_id: Option<i64>,
    pub position: Option<String>,
    pub department: Option<String>,
    pub phone: Option<String>,
    pub can_create_jobs: bool,
    pub can_manage_candidates: bool,
    pub is_admin: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = jobs, treat_none_as_default_value = false)]
pub(crate) struct JobRow {
    pub id: i64,
    pub employer_id: i64,
    pub company_id: i64,
    pub title: String,
    pub description: String,
    pub requirements: Option<String>,
    pub responsibilities: Option<String>,
    pub benefits: Option<String>,
    pub job_type: &'static str,
    pub location_type: &'static str,
    pub location: Option<String>,
    pub location_norm: String,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
    pub status: &'static str,
    pub is_featured: bool,
    pub views_count: i64,
    pub applications_count: i32,
    pub search_text: String,
    pub posted_at: Option<NaiveDateTime>,
    pub expires_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = job_applications, treat_none_as_default_value = false)]
pub(crate) struct ApplicationRow {
    pub id: i64,
    pub job_id: i64,
    pub employer_id: i64,
    pub candidate_id: i64,
    pub cv_id: Option<i64>,
    pub status: &'static str,
    pub cover_letter: Option<String>,
    pub cover_letter_url: Option<String>,
    pub notes: Option<String>,
    pub applied_at: NaiveDateTime,
    pub viewed_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = notifications, treat_none_as_default_value = false)]
pub(crate) struct NotificationRow {
    pub id: i64,
    pub user_id: i64,
    pub kind: &'static str,
    pub title: String,
    pub message: String,
    pub related_job_id: Option<i64>,
    pub related_application_id: Option<i64>,
    pub is_read: bool,
    pub read_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}
