//! Bodies of the experience and education items (CONTRACT 3.3, 8.9 M3).

use intowork_domain::candidate::{self, EducationFields, ExperienceFields, Patch};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::validation::ValidationItem;
use crate::wire::present;

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

impl From<candidate::Experience> for Experience {
    fn from(e: candidate::Experience) -> Self {
        Self {
            id: e.id,
            title: e.title,
            company: e.company,
            location: e.location,
            start_date: e.start_date,
            end_date: e.end_date,
            is_current: e.is_current,
            description: e.description,
        }
    }
}

/// `school` is the contract's name; `institution` repeats it for the frontend.
#[derive(Clone, Serialize, ToSchema)]
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

impl From<candidate::Education> for Education {
    fn from(e: candidate::Education) -> Self {
        Self {
            id: e.id,
            degree: e.degree,
            institution: e.school.clone(),
            school: e.school,
            field_of_study: e.field_of_study,
            location: e.location,
            start_date: e.start_date,
            end_date: e.end_date,
            is_current: e.is_current,
            description: e.description,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"title": "Développeuse", "company": "Acme", "start_date": "2023-01"}))]
pub struct ExperienceRequest {
    pub title: String,
    pub company: String,
    pub start_date: String,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub location: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub end_date: Patch<String>,
    #[serde(default)]
    pub is_current: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub description: Patch<String>,
}

impl From<ExperienceRequest> for ExperienceFields {
    fn from(b: ExperienceRequest) -> Self {
        ExperienceFields {
            title: b.title,
            company: b.company,
            start_date: b.start_date,
            location: b.location,
            end_date: b.end_date,
            is_current: b.is_current,
            description: b.description,
        }
    }
}

/// `school` or its alias `institution` is required.
#[derive(Deserialize, ToSchema)]
pub struct EducationRequest {
    pub degree: String,
    #[serde(default)]
    pub school: Option<String>,
    #[serde(default)]
    pub institution: Option<String>,
    pub start_date: String,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub field_of_study: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub location: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub end_date: Patch<String>,
    #[serde(default)]
    pub is_current: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub description: Patch<String>,
}

impl EducationRequest {
    /// `school` or the frontend's `institution` (8.9 M3).
    pub fn into_fields(self) -> Result<EducationFields, ApiError> {
        let school = self.school.or(self.institution).ok_or_else(|| {
            ApiError::validation(vec![ValidationItem::body_field(
                "missing",
                "school",
                "Field required",
            )])
        })?;
        Ok(EducationFields {
            degree: self.degree,
            school,
            start_date: self.start_date,
            field_of_study: self.field_of_study,
            location: self.location,
            end_date: self.end_date,
            is_current: self.is_current,
            description: self.description,
        })
    }
}
