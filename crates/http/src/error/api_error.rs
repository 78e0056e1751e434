//! `ApiError`: the one error type handlers return. Every body is `{"detail": <string>, "code":
//! <stable snake_case>}`; 422 keeps pydantic's list in `detail` (CONTRACT 1.3, 9.17). 5xx bodies
//! say nothing about the cause: it goes to the logs.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde_json::Value;

use super::body::{ErrorBody, ValidationCode, ValidationErrorBody};
use crate::validation::ValidationItem;

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    detail: Detail,
    /// Extra response headers (`WWW-Authenticate`, `Retry-After`, `Allow`).
    headers: Vec<(header::HeaderName, HeaderValue)>,
    /// The cause of a 5xx, for error reporting only (never in the body).
    cause: Option<String>,
    /// Answer with `Connection: close`: the rest of the request cannot be trusted to arrive.
    close: bool,
}

#[derive(Debug)]
enum Detail {
    Text(String),
    Validation(Vec<ValidationItem>),
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            status,
            code,
            detail: Detail::Text(detail.into()),
            headers: Vec::new(),
            cause: None,
            close: false,
        }
    }

    pub fn validation(items: Vec<ValidationItem>) -> Self {
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "validation_error",
            detail: Detail::Validation(items),
            headers: Vec::new(),
            cause: None,
            close: false,
        }
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }

    pub fn unauthorized(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, detail)
            .with_header(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", detail)
    }

    /// A failure whose cause must stay in the logs. `cause` is logged here, once, with the
    /// request's span; the client sees a fixed text.
    pub fn internal(cause: &dyn std::error::Error) -> Self {
        tracing::error!(error = %cause, "internal error");
        let mut err = Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "Internal Server Error",
        );
        err.cause = Some(cause.to_string());
        err
    }

    pub fn unavailable(cause: &dyn std::error::Error) -> Self {
        tracing::warn!(error = %cause, "dependency unavailable");
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "service_unavailable",
            "Service temporarily unavailable",
        )
        .with_header(header::RETRY_AFTER, HeaderValue::from_static("5"))
    }

    /// A request body that did not arrive within its deadline. The connection is closed: its
    /// unread remainder would otherwise hold it open.
    pub fn request_timeout() -> Self {
        Self::new(
            StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            "The request body was not received in time",
        )
        .closing_connection()
    }

    /// The response closes the connection (`Connection: close`) instead of keeping it alive.
    pub fn closing_connection(mut self) -> Self {
        self.close = true;
        self
    }

    pub fn with_header(mut self, name: header::HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    /// What [`ApiError::internal`] was given, for the error reporter (the body never shows it).
    pub fn cause(&self) -> Option<&str> {
        self.cause.as_deref()
    }

    /// The body as JSON, for the middleware that rewrites framework-generated errors.
    pub fn body_json(&self) -> Value {
        let body = match &self.detail {
            Detail::Text(detail) => serde_json::to_value(self.text_body(detail)),
            Detail::Validation(items) => serde_json::to_value(Self::validation_body(items)),
        };
        body.unwrap_or(Value::Null)
    }

    fn text_body<'a>(&self, detail: &'a str) -> ErrorBody<'a> {
        ErrorBody {
            detail: detail.into(),
            code: self.code.into(),
        }
    }

    fn validation_body(items: &[ValidationItem]) -> ValidationErrorBody<'_> {
        ValidationErrorBody {
            detail: items.into(),
            code: ValidationCode::ValidationError,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.code)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(self.status);
        for (name, value) in &self.headers {
            res.insert_header((name.clone(), value.clone()));
        }
        if self.close {
            res.force_close();
        }
        match &self.detail {
            Detail::Text(detail) => res.json(self.text_body(detail)),
            Detail::Validation(items) => res.json(Self::validation_body(items)),
        }
    }
}
