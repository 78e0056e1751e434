//! Bounded free text of request bodies and query strings. The cap is part of the type, so the
//! document's `maxLength` and the check come from one constant: `Text<200>` deserializes only
//! strings of at most 200 characters (else pydantic's `string_too_long` 422) and describes itself
//! as `{"type": "string", "maxLength": 200}`. Fields use it with `#[schema(inline)]` (or
//! `value_type = Option<…>, inline` for the "absent vs null" ones), since the document names a
//! type without its const parameter.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer};
use serde_json::json;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

use crate::validation::custom_problem;

/// Names, titles, company names, industries, cities, positions, degrees, skills.
pub type ShortText = Text<200>;
/// Descriptions, requirements, benefits, cover letters, summaries, notes.
pub type LongText = Text<20_000>;
/// Phone numbers.
pub type PhoneText = Text<50>;
/// Postal addresses.
pub type AddressText = Text<500>;
/// Enum-like query values that are matched exactly and ignored when unknown.
pub type CodeText = Text<50>;
/// Passwords. The domain refuses more than 256 bytes before any hashing (a 400 on sign-up, and
/// on sign-in the 401 of wrong credentials, CONTRACT 8.4), so this cap only bounds what a body
/// may carry; it stays far above that rule so those answers are unchanged for any real client.
pub type PasswordText = Text<20_000>;
/// A new password (sign-up, change, reset): a [`PasswordText`] documented with the domain's
/// policy, whose breaches keep their own 400s (`password_too_short`, `password_too_long`).
#[derive(Debug)]
pub struct NewPasswordText(pub PasswordText);

impl NewPasswordText {
    pub fn into_inner(self) -> String {
        self.0.into_inner()
    }
}

impl<'de> Deserialize<'de> for NewPasswordText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        PasswordText::deserialize(d).map(Self)
    }
}

impl utoipa::PartialSchema for NewPasswordText {
    fn schema() -> RefOr<Schema> {
        bounded_string(PasswordText::MAX)
            .min_length(Some(intowork_domain::user::PASSWORD_MIN_CHARS))
            .description(Some(
                "At least 8 characters and at most 256 bytes (400 `password_too_short`, \
                 `password_too_long`)",
            ))
            .into()
    }
}

impl utoipa::ToSchema for NewPasswordText {}

/// Opaque tokens sent back by clients (reset links, access tokens).
pub type TokenText = Text<2048>;

/// A string of at most `MAX` characters (Unicode scalar values, as pydantic counts).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Text<const MAX: usize>(String);

impl<const MAX: usize> Text<MAX> {
    pub const MAX: usize = MAX;

    pub fn into_inner(self) -> String {
        self.0
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Checks `value` against the cap, counting no further than one past it.
    pub fn new(value: String) -> Result<Self, TooLong> {
        if value.chars().nth(MAX).is_some() {
            return Err(TooLong(MAX));
        }
        Ok(Self(value))
    }
}

/// `string_too_long` with its cap.
#[derive(Debug, PartialEq, Eq)]
pub struct TooLong(pub usize);

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = self.0;
        let problem = custom_problem(
            "string_too_long",
            &format!("String should have at most {max} characters"),
            json!({ "max_length": max }),
        );
        f.write_str(&problem)
    }
}

impl<const MAX: usize> Deref for Text<MAX> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize> From<Text<MAX>> for String {
    fn from(text: Text<MAX>) -> String {
        text.0
    }
}

impl<'de, const MAX: usize> Deserialize<'de> for Text<MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = String::deserialize(d)?;
        Self::new(value).map_err(serde::de::Error::custom)
    }
}

impl<const MAX: usize> utoipa::PartialSchema for Text<MAX> {
    fn schema() -> RefOr<Schema> {
        bounded_string(MAX).into()
    }
}

impl<const MAX: usize> utoipa::ToSchema for Text<MAX> {}

/// The schema of a string of at most `max` characters, for every bounded wire string (text, email,
/// URL, password) to add its format or description to.
pub fn bounded_string(max: usize) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .max_length(Some(max))
}

/// The inner strings of an "absent vs null" field (`Option<Option<Text>>`, see `present`).
pub fn patch<const MAX: usize>(field: Option<Option<Text<MAX>>>) -> Option<Option<String>> {
    field.map(|value| value.map(Text::into_inner))
}

/// The inner string of an optional field.
pub fn opt<const MAX: usize>(field: Option<Text<MAX>>) -> Option<String> {
    field.map(Text::into_inner)
}

#[cfg(test)]
mod tests;
