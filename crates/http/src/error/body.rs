//! The error bodies on the wire, as `ApiError` sends them and the document describes them.

use std::borrow::Cow;

use serde::Serialize;
use utoipa::ToSchema;

use crate::validation::ValidationItem;

/// Every error except 422: `{"detail": <text>, "code": <stable snake_case>}` (CONTRACT 1.3, 9.17).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"detail": "Not authenticated", "code": "not_authenticated"}))]
pub struct ErrorBody<'a> {
    #[schema(value_type = String)]
    pub detail: Cow<'a, str>,
    /// Stable machine-readable code; the list is in docs/api.md.
    #[schema(value_type = String)]
    pub code: Cow<'a, str>,
}

/// 422: pydantic's list of problems in `detail`.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"detail": [{"type": "missing", "loc": ["body", "email"],
    "msg": "Field required", "input": {}}], "code": "validation_error"}))]
pub struct ValidationErrorBody<'a> {
    #[schema(value_type = Vec<ValidationItem>)]
    pub detail: Cow<'a, [ValidationItem]>,
    pub code: ValidationCode,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValidationCode {
    ValidationError,
}
