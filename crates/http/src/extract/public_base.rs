//! The API's public origin, for the absolute links some answers carry (image and logo URLs, the
//! employer's CV links: HEAD.md 10.4, 10.6).

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};

use crate::error::ApiError;
use crate::state::HttpSettings;

/// `PUBLIC_API_URL` when the operator set it; otherwise the origin the request came in on (the
/// scheme from `X-Forwarded-Proto` or the connection, the `Host` header when it is a
/// plain authority, else the address the server answered on). Never fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicBase(String);

impl PublicBase {
    /// An origin given as is (tests, or callers that already resolved it).
    pub fn new(origin: impl Into<String>) -> Self {
        Self(origin.into().trim_end_matches('/').to_owned())
    }

    /// `{origin}{path}`; `path` starts with `/`.
    pub fn url(&self, path: &str) -> String {
        debug_assert!(path.starts_with('/'));
        format!("{}{path}", self.0)
    }

    pub fn origin(&self) -> &str {
        &self.0
    }

    fn of(req: &HttpRequest) -> Self {
        let configured = req
            .app_data::<web::Data<HttpSettings>>()
            .and_then(|s| s.public_origin.clone());
        if let Some(origin) = configured {
            return Self::new(origin);
        }
        // Only `Host` and `X-Forwarded-Proto`, never `X-Forwarded-Host`/`Forwarded`, which any
        // client can add in front of a proxy that does not strip them.
        let forwarded_https = req
            .headers()
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
        let scheme = if forwarded_https || req.app_config().secure() {
            "https"
        } else {
            "http"
        };
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .filter(|h| is_plain_authority(h))
            .map(str::to_owned)
            .unwrap_or_else(|| req.app_config().host().to_owned());
        Self(format!("{scheme}://{host}"))
    }
}

/// A host name or address with an optional port, nothing that could change the URL's shape.
pub(crate) fn is_plain_authority(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 255
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
}

impl FromRequest for PublicBase {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(Self::of(req)))
    }
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn the_configured_origin_wins_over_the_host_header() {
        let settings = HttpSettings {
            public_origin: Some("https://api.intowork.app".into()),
            ..HttpSettings::default()
        };
        let req = TestRequest::default()
            .insert_header(("Host", "evil.example"))
            .app_data(web::Data::new(settings))
            .to_http_request();
        assert_eq!(
            PublicBase::of(&req).url("/api/x"),
            "https://api.intowork.app/api/x"
        );
    }

    #[test]
    fn without_configuration_the_request_host_is_used_when_plain() {
        let req = TestRequest::default()
            .insert_header(("Host", "localhost:8000"))
            .to_http_request();
        assert_eq!(PublicBase::of(&req).origin(), "http://localhost:8000");
        let req = TestRequest::default()
            .insert_header(("Host", "a.example/evil?"))
            .to_http_request();
        assert_eq!(PublicBase::of(&req).origin(), "http://localhost:8080");
    }
}
