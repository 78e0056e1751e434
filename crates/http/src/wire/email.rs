//! `EmailStr` fields of request bodies.

use intowork_domain::user::Email;

use super::text::bounded_string;
use crate::error::ApiError;
use crate::validation::ValidationItem;
use crate::wire::Text;

/// Parses an `EmailStr` field: 422 `value_error` at `["body", field]` when malformed.
pub fn parse_email(raw: &str, field: &str) -> Result<Email, ApiError> {
    Email::parse(raw).map_err(|e| {
        ApiError::validation(vec![
            ValidationItem::body_field("value_error", field, e.to_string()).with_input(raw.into()),
        ])
    })
}

/// The longest address a field takes (the domain's own limit, RFC 5321).
pub const EMAIL_MAX_LENGTH: usize = 254;

/// An `EmailStr` field as sent: at most 254 characters (else `string_too_long`), parsed by
/// [`parse_email`] in the handler, which names the field in its errors.
#[derive(Debug)]
pub struct EmailText(Text<EMAIL_MAX_LENGTH>);

impl std::ops::Deref for EmailText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de> serde::Deserialize<'de> for EmailText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Text::deserialize(d).map(Self)
    }
}

impl utoipa::PartialSchema for EmailText {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, SchemaFormat};
        bounded_string(EMAIL_MAX_LENGTH)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Email)))
            .into()
    }
}

impl utoipa::ToSchema for EmailText {}
