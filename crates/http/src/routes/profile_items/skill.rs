//! Skill items: `POST /api/candidates/profile/skills`, `PUT` and `DELETE` on
//! `…/skills/{skill_id}` (CONTRACT 3.3), with the level and category aliases of 8.9 M4.

use actix_web::web;
use intowork_domain::candidate::{self, ItemKind, SkillCategory, SkillFields};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::shared::{Answer, Candidate, ItemRequest, add_item, delete_item, update_item};
use super::skill_input::{SkillCategoryInput, SkillLevelInput, category_error, parse_level};
use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing, NeedsRole};
use crate::extract::ValidJson;
use crate::state::AppState;
use crate::wire::{self, MessageBody};

#[utoipa::path(
    post,
    path = "/api/candidates/profile/skills",
    tag = "candidates",
    security(("bearer" = [])),
    request_body = SkillRequest,
    responses((status = 200, description = "Added", body = Skill), NeedsRole, Invalid)
)]
pub(super) async fn add_skill(
    state: web::Data<AppState>,
    user: Candidate,
    ValidJson(b): ValidJson<SkillRequest>,
) -> Answer<Skill> {
    add_item(&state, user.user(), b).await
}

#[utoipa::path(
    put,
    path = "/api/candidates/profile/skills/{skill_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("skill_id" = i64, Path, description = "Skill id")),
    request_body = SkillRequest,
    responses((status = 200, description = "Updated", body = Skill), NeedsRole, Missing, Invalid)
)]
pub(super) async fn update_skill(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<SkillRequest>,
) -> Answer<Skill> {
    update_item(&state, user.user(), path.into_inner(), b).await
}

#[utoipa::path(
    delete,
    path = "/api/candidates/profile/skills/{skill_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("skill_id" = i64, Path, description = "Skill id")),
    responses((status = 200, description = "Deleted", body = MessageBody), NeedsRole, Missing, Invalid)
)]
pub(super) async fn delete_skill(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
) -> Answer<MessageBody> {
    delete_item(&state, user.user(), ItemKind::Skill, path.into_inner()).await
}

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
    pub name: String,
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
            name: self.name,
            level,
            category,
        })
    }
}
