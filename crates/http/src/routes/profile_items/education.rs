//! Education items: `POST /api/candidates/profile/education`, `PUT` and `DELETE` on
//! `…/education/{education_id}` (CONTRACT 3.3, 8.9 M3).

use intowork_domain::candidate::{self, EducationFields, PeriodFields};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::item_routes::item_routes;
use super::shared::{EducationAdder, ItemRequest};
use crate::error::ApiError;
use crate::validation::ValidationItem;
use crate::wire::{CodeText, LongText, ShortText, opt, patch, present};

item_routes!(
    add_education, update_education, delete_education: Education,
    "/api/candidates/profile/education",
    "/api/candidates/profile/education/{education_id}",
    "education_id" = "Education id",
    EducationRequest => Education,
    gate: EducationAdder,
);

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
            start_date: e.period.start_date,
            end_date: e.period.end_date,
            is_current: e.period.is_current,
            description: e.description,
        }
    }
}

/// `school` or its alias `institution` is required.
#[derive(Deserialize, ToSchema)]
pub struct EducationRequest {
    #[schema(inline)]
    pub degree: ShortText,
    #[serde(default)]
    #[schema(inline)]
    pub school: Option<ShortText>,
    #[serde(default)]
    #[schema(inline)]
    pub institution: Option<ShortText>,
    #[schema(inline)]
    pub start_date: CodeText,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub field_of_study: Option<Option<ShortText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub location: Option<Option<ShortText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<CodeText>, inline)]
    pub end_date: Option<Option<CodeText>>,
    #[serde(default)]
    pub is_current: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub description: Option<Option<LongText>>,
}

impl ItemRequest for EducationRequest {
    type Item = candidate::Education;
    type Answer = Education;

    /// `school` or the frontend's `institution` (8.9 M3).
    fn into_fields(self) -> Result<EducationFields, ApiError> {
        let school = opt(self.school).or(opt(self.institution)).ok_or_else(|| {
            ApiError::validation(vec![ValidationItem::body_field(
                "missing",
                "school",
                "Field required",
            )])
        })?;
        Ok(EducationFields {
            degree: self.degree.into_inner(),
            school,
            field_of_study: patch(self.field_of_study),
            location: patch(self.location),
            period: PeriodFields {
                start_date: self.start_date.into_inner(),
                end_date: patch(self.end_date),
                is_current: self.is_current,
            },
            description: patch(self.description),
        })
    }
}
