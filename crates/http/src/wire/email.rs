//! `EmailStr` fields of request bodies.

use intowork_domain::user::Email;

use crate::error::ApiError;
use crate::validation::ValidationItem;

/// Parses an `EmailStr` field: 422 `value_error` at `["body", field]` when malformed.
pub fn parse_email(raw: &str, field: &str) -> Result<Email, ApiError> {
    Email::parse(raw).map_err(|e| {
        ApiError::validation(vec![
            ValidationItem::body_field("value_error", field, e.to_string()).with_input(raw.into()),
        ])
    })
}
