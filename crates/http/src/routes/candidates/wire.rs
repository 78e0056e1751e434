//! Bodies of the candidate profile (CONTRACT 3.3, 8.9 M1/M2).

use chrono::{DateTime, Utc};
use intowork_domain::candidate::{self, Patch, ProfileUpdate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::routes::profile_items::{Education, Experience, Skill};
use crate::wire::{
    LongText, PhoneText, ShortText, WebUrl, patch, present, ser_opt_time, url_patch,
};

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
    #[serde(serialize_with = "ser_opt_time")]
    pub cv_uploaded_at: Option<DateTime<Utc>>,
    pub experiences: Vec<Experience>,
    pub educations: Vec<Education>,
    pub education: Vec<Education>,
    pub skills: Vec<Skill>,
}

impl From<candidate::CandidateProfile> for CandidateProfile {
    fn from(p: candidate::CandidateProfile) -> Self {
        let cv = p.current_cv;
        let educations: Vec<Education> = p.educations.into_iter().map(Education::from).collect();
        Self {
            id: p.id.get(),
            user_id: p.user_id.get(),
            phone: p.phone,
            location: p.location,
            linkedin_url: p.linkedin_url,
            website_url: p.website_url,
            title: p.title,
            bio: p.summary.clone(),
            summary: p.summary,
            years_experience: p.years_experience,
            salary_expectation_min: p.salary_expectation_min,
            salary_expectation_max: p.salary_expectation_max,
            cv_url: cv.as_ref().map(|_| format!("/api/candidates/{}/cv", p.id)),
            cv_uploaded_at: cv.as_ref().map(|c| c.uploaded_at),
            cv_filename: cv.map(|c| c.filename),
            experiences: p.experiences.into_iter().map(Experience::from).collect(),
            education: educations.clone(),
            educations,
            skills: p.skills.into_iter().map(Skill::from).collect(),
        }
    }
}

/// Every field optional: absent = unchanged, `null` = cleared. `bio` is an alias of `summary`.
#[derive(Deserialize, ToSchema)]
pub struct ProfileRequest {
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<PhoneText>, inline)]
    pub phone: Option<Option<PhoneText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub location: Option<Option<ShortText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<WebUrl>, inline)]
    pub linkedin_url: Option<Option<WebUrl>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<WebUrl>, inline)]
    pub website_url: Option<Option<WebUrl>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub title: Option<Option<ShortText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub summary: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub bio: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i32>)]
    pub years_experience: Patch<i32>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i32>)]
    pub salary_expectation_min: Patch<i32>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i32>)]
    pub salary_expectation_max: Patch<i32>,
}

// Keys not listed in `ProfileRequest` (`cv_url`, `cv_filename`, `cv_uploaded_at`, `experiences`,
// ...) are ignored: they are server-managed or have their own routes (CONTRACT 5.2 F1, 5.8 D1).
impl From<ProfileRequest> for ProfileUpdate {
    fn from(b: ProfileRequest) -> Self {
        ProfileUpdate {
            phone: patch(b.phone),
            location: patch(b.location),
            linkedin_url: url_patch(b.linkedin_url),
            website_url: url_patch(b.website_url),
            title: patch(b.title),
            // `bio` is the settings page's name for the summary; `summary` wins when both are sent.
            summary: patch(b.summary).or(patch(b.bio)),
            years_experience: b.years_experience,
            salary_expectation_min: b.salary_expectation_min,
            salary_expectation_max: b.salary_expectation_max,
        }
    }
}
