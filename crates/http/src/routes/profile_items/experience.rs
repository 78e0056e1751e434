//! Experience items: `POST /api/candidates/profile/experiences`, `PUT` and `DELETE` on
//! `…/experiences/{experience_id}` (CONTRACT 3.3).

use intowork_domain::candidate::{self, ExperienceFields, Patch, PeriodFields};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::item_routes::item_routes;
use super::shared::{ExperienceAdder, ItemRequest};
use crate::error::ApiError;
use crate::wire::present;

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

impl ItemRequest for ExperienceRequest {
    type Item = candidate::Experience;
    type Answer = Experience;

    fn into_fields(self) -> Result<ExperienceFields, ApiError> {
        Ok(ExperienceFields {
            title: self.title,
            company: self.company,
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
