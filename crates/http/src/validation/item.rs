//! One pydantic-shaped problem (CONTRACT 1.3): `{"type", "loc", "msg", "input"}`, so the 422 bodies
//! clients already parse keep their shape.

use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

/// One pydantic-shaped problem.
#[derive(Clone, Debug, Serialize, PartialEq, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidationItem {
    /// pydantic's error type (`missing`, `int_parsing`, `value_error`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// Where: `["body", "email"]`, `["query", "page"]`, `["path", "job_id"]`.
    #[schema(value_type = Vec<Value>)]
    pub loc: Vec<Value>,
    pub msg: String,
    /// The rejected input (any JSON value).
    #[schema(value_type = Value)]
    pub input: Value,
    /// Extra context such as `{"ge": 1}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub ctx: Option<Value>,
}

impl ValidationItem {
    pub fn new(kind: &str, loc: Vec<Value>, msg: impl Into<String>) -> Self {
        Self {
            kind: kind.to_owned(),
            loc,
            msg: msg.into(),
            input: Value::Null,
            ctx: None,
        }
    }

    pub fn with_input(mut self, input: Value) -> Self {
        self.input = input;
        self
    }

    pub fn with_ctx(mut self, ctx: Value) -> Self {
        self.ctx = Some(ctx);
        self
    }

    /// `loc` for a body field, e.g. `body_field("email")` → `["body", "email"]`.
    pub fn body_field(kind: &str, field: &str, msg: impl Into<String>) -> Self {
        Self::new(kind, vec!["body".into(), field.into()], msg)
    }

    pub fn missing_body() -> Self {
        Self::new("missing", vec!["body".into()], "Field required")
    }
}
