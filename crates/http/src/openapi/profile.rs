//! Schemas of the candidate profile and CV routes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};

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

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"name": "Rust", "level": 4, "category": "technical"}))]
pub struct SkillRequest {
    pub name: String,
    #[schema(value_type = SkillLevelInput)]
    pub level: serde_json::Value,
    #[schema(value_type = SkillCategoryInput)]
    pub category: String,
}

/// A skill level: 1 to 5, as a number or a string of digits, or a word (`beginner` 1,
/// `intermediate` 2, `advanced` 3, `expert` 4), any letter case. Anything else is a 422.
pub struct SkillLevelInput;

impl utoipa::PartialSchema for SkillLevelInput {
    fn schema() -> RefOr<Schema> {
        let number = ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1))
            .maximum(Some(5));
        let text = ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some([
                "1",
                "2",
                "3",
                "4",
                "5",
                "beginner",
                "intermediate",
                "advanced",
                "expert",
            ]));
        OneOfBuilder::new()
            .item(number)
            .item(text)
            .description(Some(
                "1 to 5 (a number or digits), or beginner, intermediate, advanced, expert",
            ))
            .into()
    }
}

impl ToSchema for SkillLevelInput {}

/// A skill category as sent: the API values or the frontend's French aliases (CONTRACT 8.9 M4),
/// any letter case; answers always carry the API value.
#[derive(Deserialize, ToSchema)]
pub enum SkillCategoryInput {
    #[serde(rename = "technical")]
    Technical,
    #[serde(rename = "soft")]
    Soft,
    #[serde(rename = "language")]
    Language,
    #[serde(rename = "other")]
    Other,
    #[serde(rename = "technique")]
    Technique,
    #[serde(rename = "soft-skill")]
    SoftSkill,
    #[serde(rename = "langue")]
    Langue,
    #[serde(rename = "autre")]
    Autre,
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
