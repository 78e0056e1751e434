//! URL fields of request bodies (company website, LinkedIn page and logo; candidate links): only an
//! absolute `http`/`https` URL with a host, at most 2,048 characters, as pydantic's `HttpUrl`
//! accepts, so a `javascript:` or `data:` URL is never stored to end up in someone's `href`. An
//! empty string stays what the forms send for "no URL" and is kept as sent. A host typed without
//! a scheme (`www.acme.sn`, `acme.sn/jobs`) is what people write in a website field: it is taken
//! as `https://…` (as a link without a scheme would point into the frontend itself); anything
//! else is stored as typed. The `unsafe_urls` migration brought stored values to the same rules.

use serde::{Deserialize, Deserializer};
use serde_json::json;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{Schema, SchemaFormat};

use super::text::bounded_string;
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

    pub fn new(mut value: String) -> Result<Self, String> {
        if value.trim().is_empty() {
            return Ok(Self(value));
        }
        if is_bare_host(&value) {
            value = format!("https://{value}");
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

/// `www.acme.sn` or `acme.sn/jobs`: no scheme, no leading `/`, no space, and a dot in what
/// would be the host.
fn is_bare_host(value: &str) -> bool {
    let host = value.split('/').next().unwrap_or_default();
    !value.starts_with('/')
        && !value.contains(':')
        && !value.chars().any(char::is_whitespace)
        && host.contains('.')
        && !host.starts_with('.')
}

impl<'de> Deserialize<'de> for WebUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = String::deserialize(d)?;
        Self::new(value).map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for WebUrl {
    fn schema() -> RefOr<Schema> {
        bounded_string(URL_MAX_LENGTH)
            .format(Some(SchemaFormat::Custom("uri".to_owned())))
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
        assert_eq!(kind("acme").as_deref(), Some("url_parsing"));
        assert_eq!(kind("n/a").as_deref(), Some("url_parsing"));
        assert_eq!(kind("http://").as_deref(), Some("url_parsing"));
        let long = format!("https://acme.example/{}", "a".repeat(URL_MAX_LENGTH));
        assert_eq!(kind(&long).as_deref(), Some("url_too_long"));
    }

    #[test]
    fn a_host_without_a_scheme_is_taken_as_https() {
        for (typed, stored) in [
            ("www.acme.example", "https://www.acme.example"),
            ("acme.example/jobs?x=1", "https://acme.example/jobs?x=1"),
            ("https://acme.example", "https://acme.example"),
        ] {
            let url = WebUrl::new(typed.to_owned()).unwrap();
            assert_eq!(url.into_inner(), stored);
        }
        for kept_out in [
            "/uploads/logo.png",
            "//evil.example/x",
            ".acme.example",
            "a b.example",
        ] {
            assert!(WebUrl::new(kept_out.to_owned()).is_err(), "{kept_out}");
        }
    }
}
