//! Education items: `POST /api/candidates/profile/education`, `PUT` and `DELETE` on
//! `…/education/{education_id}` (CONTRACT 3.3, 8.9 M3).

use intowork_domain::candidate::{self, EducationFields, Patch, PeriodFields};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::item_routes::item_routes;
use super::shared::{EducationAdder, ItemRequest};
use crate::error::ApiError;
use crate::validation::ValidationItem;
use crate::wire::present;

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

impl ItemRequest for EducationRequest {
    type Item = candidate::Education;
    type Answer = Education;

    /// `school` or the frontend's `institution` (8.9 M3).
    fn into_fields(self) -> Result<EducationFields, ApiError> {
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
            field_of_study: self.field_of_study,
            location: self.location,
            period: PeriodFields {
                start_date: self.start_date,
                end_date: self.end_date,
                is_current: self.is_current,
            },
            description: self.description,
        })
    }
}
