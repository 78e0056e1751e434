//! `/api/candidates/profile/skills*` (CONTRACT 3.3): the skill items of the candidate profile,
//! with the level and category aliases of 8.9. A module of its own to keep candidates.rs short.

use actix_web::{HttpResponse, web};
use intowork_domain::candidate::{ItemKind, Skill, SkillCategory, SkillFields, SkillLevel};
use serde::Deserialize;
use serde_json::{Value, json};

use super::candidates::CandidateOnly;
use crate::dto::Message;
use crate::error::ApiError;
use crate::extract::{RoleUser, ValidJson};
use crate::openapi::schemas as oa;
use crate::resource;
use crate::state::AppState;
use crate::validation::ValidationItem;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/candidates/profile/skills", post => add_skill))
        .service(resource!("/api/candidates/profile/skills/{skill_id}",
            put => update_skill, delete => delete_skill));
}

pub(super) fn skill_dto(s: &Skill) -> Value {
    json!({"id": s.id, "name": s.name, "level": s.level.get(), "category": s.category.as_str()})
}

/// `level` is 1–5 or a word, `category` an API value or a French alias (8.9 M4).
#[derive(Deserialize)]
struct SkillBody {
    name: String,
    level: Value,
    category: String,
}

impl SkillBody {
    fn into_fields(self) -> Result<SkillFields, ApiError> {
        let level = match &self.level {
            Value::Number(n) => n.as_i64().and_then(SkillLevel::new).ok_or_else(|| {
                let high = n.as_f64().is_some_and(|v| v > 5.0);
                let (kind, msg, ctx) = if high {
                    (
                        "less_than_equal",
                        "Input should be less than or equal to 5",
                        json!({"le": 5}),
                    )
                } else {
                    (
                        "greater_than_equal",
                        "Input should be greater than or equal to 1",
                        json!({"ge": 1}),
                    )
                };
                ApiError::validation(vec![
                    ValidationItem::body_field(kind, "level", msg)
                        .with_input(self.level.clone())
                        .with_ctx(ctx),
                ])
            })?,
            Value::String(s) => s
                .trim()
                .parse::<i64>()
                .ok()
                .and_then(SkillLevel::new)
                .or_else(|| SkillLevel::from_word(s))
                .ok_or_else(|| level_error(&self.level))?,
            _ => return Err(level_error(&self.level)),
        };
        let category = SkillCategory::parse(&self.category).ok_or_else(|| {
            ApiError::validation(vec![
                ValidationItem::body_field(
                    "enum",
                    "category",
                    "Input should be 'technical', 'soft', 'language' or 'other'",
                )
                .with_input(Value::from(self.category.clone())),
            ])
        })?;
        Ok(SkillFields {
            name: self.name,
            level,
            category,
        })
    }
}

fn level_error(input: &Value) -> ApiError {
    ApiError::validation(vec![ValidationItem::body_field(
        "enum",
        "level",
        "Input should be an integer from 1 to 5 or 'beginner', 'intermediate', 'advanced' or 'expert'",
    )
    .with_input(input.clone())])
}

#[utoipa::path(
    post,
    path = "/api/candidates/profile/skills",
    tag = "candidates",
    security(("bearer" = [])),
    request_body = oa::SkillRequest,
    responses((status = 200, description = "Added", body = oa::Skill), oa::NeedsRole, oa::Invalid)
)]
async fn add_skill(
    state: web::Data<AppState>,
    user: RoleUser<CandidateOnly>,
    ValidJson(b): ValidJson<SkillBody>,
) -> Result<HttpResponse, ApiError> {
    let s = state
        .profiles
        .add_skill(user.user().id, b.into_fields()?)
        .await?;
    Ok(HttpResponse::Ok().json(skill_dto(&s)))
}

#[utoipa::path(
    put,
    path = "/api/candidates/profile/skills/{skill_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("skill_id" = i64, Path, description = "Skill id")),
    request_body = oa::SkillRequest,
    responses((status = 200, description = "Updated", body = oa::Skill), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn update_skill(
    state: web::Data<AppState>,
    user: RoleUser<CandidateOnly>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<SkillBody>,
) -> Result<HttpResponse, ApiError> {
    let s = state
        .profiles
        .update_skill(user.user().id, path.into_inner(), b.into_fields()?)
        .await?;
    Ok(HttpResponse::Ok().json(skill_dto(&s)))
}

#[utoipa::path(
    delete,
    path = "/api/candidates/profile/skills/{skill_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("skill_id" = i64, Path, description = "Skill id")),
    responses((status = 200, description = "Deleted", body = oa::MessageBody), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn delete_skill(
    state: web::Data<AppState>,
    user: RoleUser<CandidateOnly>,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    state
        .profiles
        .delete_item(user.user().id, ItemKind::Skill, path.into_inner())
        .await?;
    Ok(HttpResponse::Ok().json(Message {
        message: "Compétence supprimée avec succès",
    }))
}
