//! Skill items: `POST /api/candidates/profile/skills`, `PUT` and `DELETE` on
//! `…/skills/{skill_id}` (CONTRACT 3.3), with the level and category aliases of 8.9 M4.

use intowork_domain::candidate::{self, SkillCategory, SkillFields};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::item_routes::item_routes;
use super::shared::{CandidateOnly, ItemRequest};
use super::skill_input::{SkillCategoryInput, SkillLevelInput, category_error, parse_level};
use crate::error::ApiError;
use crate::wire;

item_routes!(
    add_skill, update_skill, delete_skill: Skill,
    "/api/candidates/profile/skills",
    "/api/candidates/profile/skills/{skill_id}",
    "skill_id" = "Skill id",
    SkillRequest => Skill,
    gate: CandidateOnly,
);

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: i64,
    pub name: String,
    #[schema(minimum = 1, maximum = 5)]
    pub level: i64,
    pub category: wire::SkillCategory,
}

impl From<candidate::Skill> for Skill {
    fn from(s: candidate::Skill) -> Self {
        Self {
            id: s.id,
            name: s.name,
            level: s.level.get().into(),
            category: s.category.into(),
        }
    }
}

// `level` is 1–5 or a word, `category` an API value or a French alias (8.9 M4).
#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"name": "Rust", "level": 4, "category": "technical"}))]
pub struct SkillRequest {
    #[schema(inline)]
    pub name: crate::wire::ShortText,
    #[schema(value_type = SkillLevelInput)]
    pub level: Value,
    #[schema(value_type = SkillCategoryInput)]
    pub category: String,
}

impl ItemRequest for SkillRequest {
    type Item = candidate::Skill;
    type Answer = Skill;

    fn into_fields(self) -> Result<SkillFields, ApiError> {
        let level = parse_level(&self.level)?;
        let category =
            SkillCategory::parse(&self.category).ok_or_else(|| category_error(&self.category))?;
        Ok(SkillFields {
            name: self.name.into_inner(),
            level,
            category,
        })
    }
}
