//! URL fields of request bodies (company website, LinkedIn page and logo; candidate links): only an
//! absolute `http`/`https` URL with a host, at most 2,048 characters, as pydantic's `HttpUrl`
//! accepts, so a `javascript:` or `data:` URL is never stored to end up in someone's `href`. An
//! empty string stays what the forms send for "no URL" and is kept as sent; the URL is stored as
//! typed, not normalised. Values stored before this check are served unchanged.

use serde::{Deserialize, Deserializer};
use serde_json::json;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, Type};

use crate::validation::custom_problem;

/// pydantic's `HttpUrl` maximum.
pub const URL_MAX_LENGTH: usize = 2048;

/// An absolute `http`/`https` URL, or the empty string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebUrl(String);

impl WebUrl {
    pub fn into_inner(self) -> String {
        self.0
    }

    pub fn new(value: String) -> Result<Self, String> {
        if value.trim().is_empty() {
            return Ok(Self(value));
        }
        if value.chars().nth(URL_MAX_LENGTH).is_some() {
            return Err(custom_problem(
                "url_too_long",
                &format!("URL should have at most {URL_MAX_LENGTH} characters"),
                json!({ "max_length": URL_MAX_LENGTH }),
            ));
        }
        let parsed = url::Url::parse(&value).map_err(|e| {
            custom_problem(
                "url_parsing",
                &format!("Input should be a valid URL, {e}"),
                json!({ "error": e.to_string() }),
            )
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(custom_problem(
                "url_scheme",
                "URL scheme should be 'http' or 'https'",
                json!({ "expected_schemes": "'http' or 'https'" }),
            ));
        }
        if parsed.host_str().is_none_or(str::is_empty) {
            return Err(custom_problem(
                "url_parsing",
                "Input should be a valid URL, empty host",
                json!({ "error": "empty host" }),
            ));
        }
        Ok(Self(value))
    }
}

impl<'de> Deserialize<'de> for WebUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = String::deserialize(d)?;
        Self::new(value).map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for WebUrl {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::Custom("uri".to_owned())))
            .max_length(Some(URL_MAX_LENGTH))
            .description(Some(
                "An absolute http or https URL, or \"\" for none".to_owned(),
            ))
            .into()
    }
}

impl utoipa::ToSchema for WebUrl {}

/// The inner strings of an "absent vs null" URL field.
pub fn url_patch(field: Option<Option<WebUrl>>) -> Option<Option<String>> {
    field.map(|value| value.map(WebUrl::into_inner))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(raw: &str) -> Option<String> {
        let err = WebUrl::new(raw.to_owned()).err()?;
        Some(
            err.split("\"type\":\"")
                .nth(1)?
                .split('"')
                .next()?
                .to_owned(),
        )
    }

    #[test]
    fn only_absolute_http_urls_with_a_host_pass() {
        for ok in [
            "https://acme.example",
            "http://acme.example/a?b=c#d",
            "",
            " ",
        ] {
            assert_eq!(kind(ok), None, "{ok}");
        }
        assert_eq!(kind("javascript:alert(1)").as_deref(), Some("url_scheme"));
        assert_eq!(
            kind("data:text/html,<script>").as_deref(),
            Some("url_scheme")
        );
        assert_eq!(kind("ftp://acme.example").as_deref(), Some("url_scheme"));
        assert_eq!(kind("/relative/logo.png").as_deref(), Some("url_parsing"));
        assert_eq!(kind("www.acme.example").as_deref(), Some("url_parsing"));
        assert_eq!(kind("http://").as_deref(), Some("url_parsing"));
        let long = format!("https://acme.example/{}", "a".repeat(URL_MAX_LENGTH));
        assert_eq!(kind(&long).as_deref(), Some("url_too_long"));
    }
}
