//! Response hardening and the HTTP→HTTPS redirect (CONTRACT 9.9).
//!
//! Every response gets `nosniff`, `no-referrer` and a Content-Security-Policy: nothing at all may
//! load from an API response (`default-src 'none'`), while `/docs` (Swagger UI: its own scripts
//! and styles, some inline, and a fetch of `/openapi.json`) gets just what it needs. With
//! `FORCE_HTTPS`, responses carry HSTS and plain-HTTP requests are redirected.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError, web};

use crate::state::HttpSettings;

pub const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";
pub const DOCS_CSP: &str = "default-src 'none'; script-src 'self' 'unsafe-inline'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; \
     connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/// One year; no `includeSubDomains`: the API does not own its parent domain's other hosts.
pub const HSTS: &str = "max-age=31536000";

/// Outer middleware (inside the request span, outside CORS and the JSON error bodies, so
/// redirects are logged and every response, errors and preflights included, is covered).
pub async fn transport_security(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let settings = req.app_data::<web::Data<HttpSettings>>();
    let force_https = settings.is_some_and(|s| s.force_https);
    if force_https && needs_redirect(&req) {
        let public_origin = settings.and_then(|s| s.public_origin.as_deref());
        let res = match https_location(&req, public_origin) {
            Some(location) => HttpResponse::build(StatusCode::PERMANENT_REDIRECT)
                .insert_header((header::LOCATION, location))
                .finish(),
            None => {
                crate::ApiError::bad_request("invalid_host", "Invalid Host header").error_response()
            }
        };
        let mut res = req.into_response(res);
        harden(res.headers_mut(), "/", force_https);
        return Ok(res);
    }
    let path = req.path().to_owned();
    let mut res = next.call(req).await?.map_into_boxed_body();
    harden(res.headers_mut(), &path, force_https);
    Ok(res)
}

/// 9.9: only requests that reached the proxy over plain HTTP, never health probes (the platform
/// probes over HTTP) and never preflights (a redirected preflight fails in every browser).
fn needs_redirect(req: &ServiceRequest) -> bool {
    let plain_http = req
        .headers()
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("http"));
    plain_http && req.method() != Method::OPTIONS && !req.path().starts_with("/health")
}

/// `PUBLIC_API_URL` + path and query when the operator set it (the client's `Host` then plays no
/// part); else `https://<Host><path and query>`, or `None` when the Host header is not a plain
/// authority (a redirect must not be steerable to another URL shape).
fn https_location(req: &ServiceRequest, public_origin: Option<&str>) -> Option<String> {
    let path_and_query = req.uri().path_and_query().map_or("/", |p| p.as_str());
    if let Some(origin) = public_origin {
        return Some(format!("{origin}{path_and_query}"));
    }
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| req.uri().authority().map(|a| a.as_str()))?;
    if !crate::extract::is_plain_authority(host) {
        return None;
    }
    Some(format!("https://{host}{path_and_query}"))
}

fn is_docs(path: &str) -> bool {
    path == "/docs" || path.starts_with("/docs/")
}

/// Adds the headers unless a handler set its own. A PDF (CV downloads, opened as plain browser
/// links or framed by the frontend) gets no CSP: browsers render PDFs with viewers that a
/// `default-src 'none'` policy can break.
fn harden(headers: &mut header::HeaderMap, path: &str, force_https: bool) {
    let mut set = |name: HeaderName, value: &'static str| {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "no-referrer");
    if force_https {
        set(header::STRICT_TRANSPORT_SECURITY, HSTS);
    }
    let is_pdf = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/pdf"));
    if !is_pdf {
        let csp = if is_docs(path) { DOCS_CSP } else { API_CSP };
        if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
            headers.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(csp),
            );
        }
        if !headers.contains_key(header::X_FRAME_OPTIONS) {
            headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        }
    }
}
