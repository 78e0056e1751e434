//! What a skill's `level` and `category` may be on input (CONTRACT 8.9 M4): parsing, the 422s,
//! and the schemas that document the accepted values.

use intowork_domain::candidate::SkillLevel;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

use crate::error::ApiError;
use crate::validation::ValidationItem;

pub fn parse_level(input: &Value) -> Result<SkillLevel, ApiError> {
    match input {
        Value::Number(n) => n
            .as_i64()
            .and_then(SkillLevel::new)
            .ok_or_else(|| out_of_range(input, n.as_f64().is_some_and(|v| v > 5.0))),
        Value::String(s) => s
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(SkillLevel::new)
            .or_else(|| SkillLevel::from_word(s))
            .ok_or_else(|| level_error(input)),
        _ => Err(level_error(input)),
    }
}

pub fn category_error(input: &str) -> ApiError {
    ApiError::validation(vec![
        ValidationItem::body_field(
            "enum",
            "category",
            "Input should be 'technical', 'soft', 'language' or 'other'",
        )
        .with_input(Value::from(input)),
    ])
}

fn out_of_range(input: &Value, high: bool) -> ApiError {
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
            .with_input(input.clone())
            .with_ctx(ctx),
    ])
}

fn level_error(input: &Value) -> ApiError {
    ApiError::validation(vec![ValidationItem::body_field(
        "enum",
        "level",
        "Input should be an integer from 1 to 5 or 'beginner', 'intermediate', 'advanced' or 'expert'",
    )
    .with_input(input.clone())])
}

// Documents `SkillRequest::level`, a JSON value parsed by `parse_level`.
/// A skill level: 1 to 5, as a number or a string of digits, or a word (`beginner` 1,
/// `intermediate` 2, `advanced` 3, `expert` 4), any letter case. Anything else is a 422.
pub struct SkillLevelInput;

impl PartialSchema for SkillLevelInput {
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

// Documents `SkillRequest::category`, a string parsed by the domain's `SkillCategory::parse`.
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
