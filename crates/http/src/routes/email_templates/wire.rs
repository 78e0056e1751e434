//! The email-template page's bodies (HEAD's `dashboard/email-templates`, survey 1.10).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use intowork_domain::email_template::{
    self as domain, DefaultTemplate, EmailTemplate, TemplateDraft, TemplatePatch, VARIABLES,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::validation::ValidationItem;
use crate::wire::{CodeText, LongText, ShortText, Text, ser_opt_time, ser_time};

/// A template's type on the wire: one of HEAD's nine values.
#[derive(Clone, Copy, Debug)]
pub struct TemplateType(pub domain::TemplateType);

impl Serialize for TemplateType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.as_str())
    }
}

impl utoipa::PartialSchema for TemplateType {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        let values: Vec<&str> = domain::TemplateType::ALL
            .iter()
            .map(|t| t.as_str())
            .collect();
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(values))
            .into()
    }
}

impl ToSchema for TemplateType {}

/// Subjects: at most 500 characters (HEAD).
pub type SubjectText = Text<500>;

/// A type from a body or a path: pydantic's `enum` 422 for anything else.
pub fn parse_type(raw: &str, loc: Vec<Value>) -> Result<domain::TemplateType, ApiError> {
    domain::TemplateType::parse(raw).ok_or_else(|| {
        let expected: Vec<&str> = domain::TemplateType::ALL
            .iter()
            .map(|t| t.as_str())
            .collect();
        ApiError::validation(vec![
            ValidationItem::new(
                "enum",
                loc,
                format!("Input should be {}", expected.join(", ")),
            )
            .with_input(Value::from(raw))
            .with_ctx(serde_json::json!({ "expected": expected.join(", ") })),
        ])
    })
}

fn required(field: &str, value: String) -> Result<String, ApiError> {
    if value.is_empty() {
        return Err(ApiError::validation(vec![
            ValidationItem::body_field(
                "string_too_short",
                field,
                "String should have at least 1 character",
            )
            .with_input(Value::from(value))
            .with_ctx(serde_json::json!({"min_length": 1})),
        ]));
    }
    Ok(value)
}

fn body_loc(field: &str) -> Vec<Value> {
    vec![Value::from("body"), Value::from(field)]
}

/// `POST /api/email-templates`: what HEAD's form sends. `body` is HTML whose `{variable}`s must
/// be known (else 400 naming the first unknown one).
#[derive(Deserialize, ToSchema)]
pub struct TemplateRequest {
    #[schema(inline)]
    pub name: ShortText,
    /// One of the nine types
    #[serde(rename = "type")]
    #[schema(value_type = TemplateType)]
    pub kind: CodeText,
    #[schema(inline)]
    pub subject: SubjectText,
    // HTML; `{variable}`s must be known (else 400 naming the first unknown one). Described on
    // the struct: a doc comment here would wrap the inline schema in a typeless `allOf`.
    #[schema(inline)]
    pub body: LongText,
    #[serde(default)]
    pub is_default: bool,
}

impl TemplateRequest {
    pub fn draft(self) -> Result<TemplateDraft, ApiError> {
        Ok(TemplateDraft {
            kind: parse_type(&self.kind, body_loc("type"))?,
            name: required("name", self.name.into_inner())?,
            subject: required("subject", self.subject.into_inner())?,
            body: required("body", self.body.into_inner())?,
            is_default: self.is_default,
        })
    }
}

/// `PATCH /api/email-templates/{id}`: any of the fields; absent ones are unchanged.
#[derive(Deserialize, ToSchema)]
pub struct TemplatePatchRequest {
    #[schema(value_type = Option<ShortText>, inline)]
    pub name: Option<ShortText>,
    #[serde(rename = "type")]
    #[schema(value_type = Option<TemplateType>)]
    pub kind: Option<CodeText>,
    #[schema(value_type = Option<SubjectText>, inline)]
    pub subject: Option<SubjectText>,
    #[schema(value_type = Option<LongText>, inline)]
    pub body: Option<LongText>,
    pub is_active: Option<bool>,
    pub is_default: Option<bool>,
}

impl TemplatePatchRequest {
    pub fn patch(self) -> Result<TemplatePatch, ApiError> {
        let text = |field: &str, v: Option<String>| v.map(|v| required(field, v)).transpose();
        Ok(TemplatePatch {
            kind: self
                .kind
                .map(|k| parse_type(&k, body_loc("type")))
                .transpose()?,
            name: text("name", self.name.map(Text::into_inner))?,
            subject: text("subject", self.subject.map(Text::into_inner))?,
            body: text("body", self.body.map(Text::into_inner))?,
            is_active: self.is_active,
            is_default: self.is_default,
        })
    }
}

/// A saved template (HEAD's `EmailTemplateResponse`).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailTemplateOut {
    pub id: i64,
    pub company_id: i64,
    /// Null once its author's account is deleted
    pub created_by_user_id: Option<i64>,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: TemplateType,
    pub subject: String,
    pub body: String,
    pub is_active: bool,
    pub is_default: bool,
    /// Mails sent with it
    pub usage_count: i64,
    #[serde(serialize_with = "ser_time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "ser_time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: DateTime<Utc>,
    #[serde(serialize_with = "ser_opt_time")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_used_at: Option<DateTime<Utc>>,
}

impl From<EmailTemplate> for EmailTemplateOut {
    fn from(t: EmailTemplate) -> Self {
        Self {
            id: t.id.0,
            company_id: t.company_id.get(),
            created_by_user_id: t.created_by.map(|u| u.get()),
            name: t.name,
            kind: TemplateType(t.kind),
            subject: t.subject,
            body: t.body,
            is_active: t.is_active,
            is_default: t.is_default,
            usage_count: t.usage_count,
            created_at: t.created_at,
            updated_at: t.updated_at,
            last_used_at: t.last_used_at,
        }
    }
}

/// The variables a template may use, each written as in a template (`{candidate_name}`).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateVariables {
    pub variables: Vec<String>,
    /// French description of each variable
    pub descriptions: BTreeMap<String, String>,
}

impl TemplateVariables {
    pub fn all() -> Self {
        Self {
            variables: VARIABLES.iter().map(|(v, _)| format!("{{{v}}}")).collect(),
            descriptions: VARIABLES
                .iter()
                .map(|(v, d)| (format!("{{{v}}}"), (*d).to_owned()))
                .collect(),
        }
    }
}

/// A built-in template of the library.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BuiltInTemplateOut {
    #[serde(rename = "type")]
    pub kind: TemplateType,
    pub name: &'static str,
    pub subject: &'static str,
    pub body: &'static str,
    /// The company already has a template of this type
    pub already_activated: bool,
}

impl From<DefaultTemplate> for BuiltInTemplateOut {
    fn from(t: DefaultTemplate) -> Self {
        Self {
            kind: TemplateType(t.kind),
            name: t.name,
            subject: t.subject,
            body: t.body,
            already_activated: t.already_activated,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MostUsedTemplate {
    pub id: i64,
    pub name: String,
    pub usage_count: i64,
}

/// `GET /api/email-templates/stats/usage`.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateUsage {
    pub total_templates: i64,
    pub active_templates: i64,
    pub inactive_templates: i64,
    pub total_usage: i64,
    pub most_used_template: Option<MostUsedTemplate>,
}

impl From<domain::UsageStats> for TemplateUsage {
    fn from(s: domain::UsageStats) -> Self {
        Self {
            total_templates: s.total,
            active_templates: s.active,
            inactive_templates: s.total - s.active,
            total_usage: s.total_usage,
            most_used_template: s.most_used.map(|(id, name, usage_count)| MostUsedTemplate {
                id: id.0,
                name,
                usage_count,
            }),
        }
    }
}
