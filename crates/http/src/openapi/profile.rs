//! Schemas of the candidate profile and CV routes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::common::SkillCategory;

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    pub id: i64,
    pub title: String,
    pub company: String,
    pub location: Option<String>,
    pub start_date: String,
    pub end_date: Option<String>,
    pub is_current: bool,
    pub description: Option<String>,
}

/// `school` is the contract's name; `institution` repeats it for the frontend.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub id: i64,
    pub degree: String,
    pub school: String,
    pub institution: String,
    pub field_of_study: Option<String>,
    pub location: Option<String>,
    pub start_date: String,
    pub end_date: Option<String>,
    pub is_current: bool,
    pub description: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: i64,
    pub name: String,
    #[schema(minimum = 1, maximum = 5)]
    pub level: i64,
    pub category: SkillCategory,
}

/// `summary`/`bio` and `educations`/`education` are aliases sent together; the `cv_*` fields
/// describe the current CV and are managed by the server.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CandidateProfile {
    pub id: i64,
    pub user_id: i64,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub linkedin_url: Option<String>,
    pub website_url: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub bio: Option<String>,
    pub years_experience: Option<i32>,
    pub salary_expectation_min: Option<i32>,
    pub salary_expectation_max: Option<i32>,
    pub cv_url: Option<String>,
    pub cv_filename: Option<String>,
    pub cv_uploaded_at: Option<DateTime<Utc>>,
    pub experiences: Vec<Experience>,
    pub educations: Vec<Education>,
    pub education: Vec<Education>,
    pub skills: Vec<Skill>,
}

/// Every field optional: absent = unchanged, `null` = cleared. `bio` is an alias of `summary`.
#[derive(Deserialize, ToSchema)]
pub struct ProfileRequest {
    pub phone: Option<String>,
    pub location: Option<String>,
    pub linkedin_url: Option<String>,
    pub website_url: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub bio: Option<String>,
    pub years_experience: Option<i32>,
    pub salary_expectation_min: Option<i32>,
    pub salary_expectation_max: Option<i32>,
}

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"title": "Développeuse", "company": "Acme", "start_date": "2023-01"}))]
pub struct ExperienceRequest {
    pub title: String,
    pub company: String,
    pub start_date: String,
    pub location: Option<String>,
    pub end_date: Option<String>,
    pub is_current: Option<bool>,
    pub description: Option<String>,
}

/// `school` or its alias `institution` is required.
#[derive(Deserialize, ToSchema)]
pub struct EducationRequest {
    pub degree: String,
    pub school: Option<String>,
    pub institution: Option<String>,
    pub start_date: String,
    pub field_of_study: Option<String>,
    pub location: Option<String>,
    pub end_date: Option<String>,
    pub is_current: Option<bool>,
    pub description: Option<String>,
}

/// `category`: `technical`, `soft`, `language` or `other` (French aliases accepted).
#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"name": "Rust", "level": 4, "category": "technical"}))]
pub struct SkillRequest {
    pub name: String,
    /// 1 to 5, or `beginner`, `intermediate`, `advanced`, `expert` (also as strings).
    #[schema(value_type = Value)]
    pub level: serde_json::Value,
    pub category: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CvUploaded {
    pub message: String,
    pub filename: String,
    pub size: i64,
    pub candidate_id: i64,
    pub cv_id: i64,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CvItem {
    pub id: i64,
    pub filename: String,
    pub file_size: i64,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
}
