//! Query parameters: lax integers and booleans as pydantic reads them, and pydantic-shaped range
//! checks for paging.

use intowork_domain::admin::Window;
use intowork_domain::job::Paging;
use serde::{Deserialize, Deserializer};
use serde_json::{Value, json};
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::validation::ValidationItem;

/// `ge`/`le` bound of a query integer, reported like pydantic (`loc: ["query", name]`).
pub fn check_range(name: &str, value: i64, min: i64, max: Option<i64>) -> Result<i64, ApiError> {
    let loc = vec![Value::from("query"), Value::from(name)];
    let input = Value::from(value.to_string());
    if value < min {
        return Err(ApiError::validation(vec![
            ValidationItem::new(
                "greater_than_equal",
                loc,
                format!("Input should be greater than or equal to {min}"),
            )
            .with_input(input)
            .with_ctx(json!({ "ge": min })),
        ]));
    }
    match max {
        Some(max) if value > max => Err(ApiError::validation(vec![
            ValidationItem::new(
                "less_than_equal",
                loc,
                format!("Input should be less than or equal to {max}"),
            )
            .with_input(input)
            .with_ctx(json!({ "le": max })),
        ])),
        _ => Ok(value),
    }
}

/// `page` ≥ 1 (default 1) and 1 ≤ `limit` ≤ `max_limit` (default `default_limit`).
pub fn paging(
    page: Option<i64>,
    limit: Option<i64>,
    default_limit: i64,
    max_limit: i64,
) -> Result<Paging, ApiError> {
    Ok(Paging {
        page: check_range("page", page.unwrap_or(1), 1, None)?,
        limit: check_range("limit", limit.unwrap_or(default_limit), 1, Some(max_limit))?,
    })
}

/// `skip` ≥ 0 (default 0) and 1 ≤ `limit` ≤ 500 (default 50), else 422 (CONTRACT 1.4).
pub fn window(skip: Option<i64>, limit: Option<i64>) -> Result<Window, ApiError> {
    Ok(Window {
        skip: check_range("skip", skip.unwrap_or(0), 0, None)?,
        limit: check_range("limit", limit.unwrap_or(50), 1, Some(500))?,
    })
}

// `?skip=&limit=` of the admin lists.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WindowQuery {
    /// Rows to skip, ≥ 0 (default 0)
    #[serde(default, deserialize_with = "query_int")]
    skip: Option<i64>,
    /// 1 to 500 (default 50)
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
}

impl WindowQuery {
    pub fn window(&self) -> Result<Window, ApiError> {
        window(self.skip, self.limit)
    }
}

/// For `#[serde(default, deserialize_with = "query_int")]` on an optional integer query parameter:
/// a non-number is reported as a type error, which the query extractor turns into pydantic's
/// `int_parsing` (serde_urlencoded's own message would be a generic `value_error`).
pub fn query_int<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: std::str::FromStr,
{
    use serde::de::{Error, Unexpected};
    let Some(raw) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    raw.trim()
        .parse::<T>()
        .map(Some)
        .map_err(|_| D::Error::invalid_type(Unexpected::Str(&raw), &"an integer"))
}

/// For `#[serde(default, deserialize_with = "query_bool")]` on an optional boolean query parameter.
/// Accepts pydantic's lax spellings, case-insensitively (`true`/`false`, `1`/`0`, `yes`/`no`,
/// `on`/`off`, `t`/`f`, `y`/`n`; CONTRACT 1.5); anything else is reported as `bool_parsing`.
pub fn query_bool<'de, D>(d: D) -> Result<Option<bool>, D::Error>
where
    D: Deserializer<'de>,
{
    use serde::de::{Error, Unexpected};
    let Some(raw) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    match raw.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" | "t" | "y" => Ok(Some(true)),
        "false" | "0" | "no" | "off" | "f" | "n" => Ok(Some(false)),
        _ => Err(D::Error::invalid_type(Unexpected::Str(&raw), &"a boolean")),
    }
}
