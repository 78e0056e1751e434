//! Experience items: `POST /api/candidates/profile/experiences`, `PUT` and `DELETE` on
//! `…/experiences/{experience_id}` (CONTRACT 3.3).

use intowork_domain::candidate::{self, ExperienceFields, PeriodFields};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::item_routes::item_routes;
use super::shared::{ExperienceAdder, ItemRequest};
use crate::error::ApiError;
use crate::wire::{CodeText, LongText, ShortText, patch, present};

item_routes!(
    add_experience, update_experience, delete_experience: Experience,
    "/api/candidates/profile/experiences",
    "/api/candidates/profile/experiences/{experience_id}",
    "experience_id" = "Experience id",
    ExperienceRequest => Experience,
    gate: ExperienceAdder,
);

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
            start_date: e.period.start_date,
            end_date: e.period.end_date,
            is_current: e.period.is_current,
            description: e.description,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"title": "Développeuse", "company": "Acme", "start_date": "2023-01"}))]
pub struct ExperienceRequest {
    #[schema(inline)]
    pub title: ShortText,
    #[schema(inline)]
    pub company: ShortText,
    #[schema(inline)]
    pub start_date: CodeText,
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

impl ItemRequest for ExperienceRequest {
    type Item = candidate::Experience;
    type Answer = Experience;

    fn into_fields(self) -> Result<ExperienceFields, ApiError> {
        Ok(ExperienceFields {
            title: self.title.into_inner(),
            company: self.company.into_inner(),
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
