//! Cross-cutting middleware: the request span and id, panic containment, and JSON bodies for errors
//! the framework produces itself.

use std::panic::AssertUnwindSafe;
use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::{ErrorHandlerResponse, Next};
use actix_web::{HttpResponse, ResponseError};
use futures_util::FutureExt;
use tracing::{Instrument, field::Empty};

use crate::error::ApiError;

pub const REQUEST_ID: &str = "x-request-id";

/// Outermost layer: gives every request an id (a sane incoming `X-Request-Id` is kept, so a proxy's
/// id links the logs), opens the request span, echoes the id and logs one line per request.
/// Only the path and a redacted query are recorded: never headers or bodies (CONTRACT 9.18).
pub async fn request_context(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let request_id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        })
        .map_or_else(|| uuid::Uuid::new_v4().simple().to_string(), str::to_owned);
    let span = tracing::info_span!(
        "http_request",
        request_id = %request_id,
        method = %req.method(),
        path = %req.path(),
        query = %redact_query(req.query_string()),
        user_id = Empty,
        status = Empty,
    );
    let started = Instant::now();
    // The request cannot be cloned before routing (the router needs sole ownership), so an error
    // from an inner middleware is passed on for actix to render.
    let mut res = next
        .call(req)
        .instrument(span.clone())
        .await?
        .map_into_boxed_body();
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        res.headers_mut()
            .insert(header::HeaderName::from_static(REQUEST_ID), value);
    }
    let status = res.status().as_u16();
    span.record("status", status);
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    span.in_scope(|| {
        if status >= 500 {
            tracing::error!(elapsed_ms, "request failed");
        } else {
            tracing::info!(elapsed_ms, "request served");
        }
    });
    Ok(res)
}

/// Values of these query parameters are secrets (signed links, reset tokens) and never logged.
const SECRET_QUERY_KEYS: [&str; 4] = ["token", "signature", "access_token", "password"];

/// The query as logged: decoded so it reads as the user typed it, secret values redacted, and
/// control characters escaped (`\n`, `\u{1b}`), so a `%0A` or an escape sequence in a query can
/// neither start a forged log line nor drive the terminal that reads the text log.
pub fn redact_query(query: &str) -> String {
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| {
            let k = escape_controls(&k);
            if SECRET_QUERY_KEYS.iter().any(|s| k.eq_ignore_ascii_case(s)) {
                format!("{k}=[redacted]")
            } else {
                format!("{k}={}", escape_controls(&v))
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// `text` with every control character escaped (`\n`, `\u{1b}`): what a log line may show of
/// anything a client chose.
pub fn escape_controls(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Wraps each resource (after routing: the router needs the request uncloned): a panicking handler
/// becomes a JSON 500 for that request only; the worker and every other connection keep going.
/// Panics in database work are already contained by the storage adapter.
pub async fn catch_panic(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let http_req = req.request().clone();
    match AssertUnwindSafe(next.call(req)).catch_unwind().await {
        Ok(result) => result.map(ServiceResponse::map_into_boxed_body),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            tracing::error!(panic = %what, "handler panicked");
            let res = ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_error",
                "Internal Server Error",
            )
            .error_response();
            Ok(ServiceResponse::new(http_req, res))
        }
    }
}

/// For `ErrorHandlers::default_handler`: an error response that is not JSON yet (the framework's
/// own 404/405/413/400s, CORS rejections) gets the contract's `{"detail", "code"}` body; headers
/// such as `Allow` and CORS are kept.
pub fn json_error_body<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/json"));
    if is_json {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let (code, detail) = match status {
        StatusCode::NOT_FOUND => ("not_found", "Not Found".to_owned()),
        StatusCode::METHOD_NOT_ALLOWED => ("method_not_allowed", "Method Not Allowed".to_owned()),
        StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", "Request body too large".to_owned()),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => (
            "unsupported_media_type",
            "Unsupported Media Type".to_owned(),
        ),
        s if s.is_server_error() => ("internal_error", "Internal Server Error".to_owned()),
        s => (
            "bad_request",
            s.canonical_reason().unwrap_or("Bad Request").to_owned(),
        ),
    };
    let body = ApiError::new(status, code, detail).body_json();
    let (req, old) = res.into_parts();
    let mut new = HttpResponse::build(status);
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.append_header((name.clone(), value.clone()));
        }
    }
    let new = new.json(body);
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, new).map_into_right_body::<B>(),
    ))
}

/// Unknown paths: 404 `{"detail": "Not Found"}`.
pub async fn not_found() -> HttpResponse {
    ApiError::not_found("Not Found").error_response()
}

/// The response of a known path with a wrong method: 405 with the `Allow` header.
pub fn method_not_allowed(allow: &str) -> HttpResponse {
    let mut err = ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "Method Not Allowed",
    );
    if let Ok(value) = HeaderValue::from_str(allow) {
        err = err.with_header(header::ALLOW, value);
    }
    err.error_response()
}

#[cfg(test)]
mod tests {
    use super::redact_query;

    #[test]
    fn secrets_in_queries_are_redacted() {
        assert_eq!(
            redact_query("expires=1&signature=abcd&Token=x&page=2"),
            "expires=1&signature=[redacted]&Token=[redacted]&page=2"
        );
    }

    #[test]
    fn control_characters_in_queries_are_escaped() {
        let logged = redact_query("search=a%0AINFO%20forged&location=%1B%5B31mred&k%0D=1");
        assert_eq!(
            logged,
            "search=a\\nINFO forged&location=\\u{1b}[31mred&k\\r=1"
        );
        assert!(!logged.chars().any(char::is_control), "{logged}");
        assert_eq!(
            redact_query("search=d%C3%A9veloppeur"),
            "search=développeur"
        );
    }
}
