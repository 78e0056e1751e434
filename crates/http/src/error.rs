//! `ApiError`: the one error type handlers return, and the exhaustive mapping from each use case's
//! error enum. A new domain variant must not compile until someone decides its status (no `_ =>`).
//!
//! Every body is `{"detail": <string>, "code": <stable snake_case>}`; 422 keeps pydantic's list in
//! `detail` (CONTRACT 1.3, 9.17). 5xx bodies say nothing about the cause: it goes to the logs.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use intowork_domain::RepoError;
use intowork_domain::auth::{
    AuthenticateError, ChangeEmailError, ChangePasswordError, DeleteAccountError, SigninError,
    SignupError,
};
use intowork_domain::ports::{HashError, TokenError};
use intowork_domain::user::PasswordPolicyError;
use serde::Serialize;
use serde_json::{Value, json};

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
}

#[derive(Debug)]
enum Detail {
    Text(String),
    Validation(Vec<ValidationItem>),
}

#[derive(Serialize)]
struct Body<'a> {
    detail: &'a Value,
    code: &'a str,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            status,
            code,
            detail: Detail::Text(detail.into()),
            headers: Vec::new(),
            cause: None,
        }
    }

    pub fn validation(items: Vec<ValidationItem>) -> Self {
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "validation_error",
            detail: Detail::Validation(items),
            headers: Vec::new(),
            cause: None,
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
        let detail = match &self.detail {
            Detail::Text(t) => Value::String(t.clone()),
            Detail::Validation(items) => json!(items),
        };
        json!({ "detail": detail, "code": self.code })
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
        let body = self.body_json();
        let mut res = HttpResponse::build(self.status);
        for (name, value) in &self.headers {
            res.insert_header((name.clone(), value.clone()));
        }
        res.json(Body {
            detail: &body["detail"],
            code: self.code,
        })
    }
}

impl From<RepoError> for ApiError {
    fn from(e: RepoError) -> Self {
        match &e {
            RepoError::Unavailable(_) => ApiError::unavailable(&e),
            RepoError::Internal(_) => ApiError::internal(&e),
        }
    }
}

impl From<HashError> for ApiError {
    fn from(e: HashError) -> Self {
        ApiError::internal(&e)
    }
}

impl From<TokenError> for ApiError {
    fn from(e: TokenError) -> Self {
        ApiError::internal(&e)
    }
}

pub(crate) fn policy_error(e: PasswordPolicyError, prefix: &str) -> ApiError {
    let (code, detail) = match e {
        PasswordPolicyError::TooShort => (
            "password_too_short",
            format!("{prefix} must be at least 8 characters long"),
        ),
        PasswordPolicyError::TooLong => (
            "password_too_long",
            format!("{prefix} must be at most 256 bytes long"),
        ),
    };
    ApiError::bad_request(code, detail)
}

impl From<SignupError> for ApiError {
    fn from(e: SignupError) -> Self {
        match e {
            SignupError::InvalidRole => ApiError::bad_request(
                "invalid_role",
                "Invalid role. Must be 'candidate' or 'employer'",
            ),
            SignupError::WeakPassword(p) => policy_error(p, "Password"),
            SignupError::EmailTaken => {
                ApiError::bad_request("email_already_registered", "Email already registered")
            }
            SignupError::Hash(e) => e.into(),
            SignupError::Token(e) => e.into(),
            SignupError::Repo(e) => e.into(),
        }
    }
}

impl From<SigninError> for ApiError {
    fn from(e: SigninError) -> Self {
        match e {
            SigninError::InvalidCredentials => {
                ApiError::unauthorized("invalid_credentials", "Invalid email or password")
            }
            SigninError::Inactive => ApiError::new(
                StatusCode::FORBIDDEN,
                "account_inactive",
                "Account is inactive",
            ),
            SigninError::Hash(e) => e.into(),
            SigninError::Token(e) => e.into(),
            SigninError::Repo(e) => e.into(),
        }
    }
}

impl From<AuthenticateError> for ApiError {
    fn from(e: AuthenticateError) -> Self {
        match e {
            AuthenticateError::Expired => ApiError::unauthorized("token_expired", "Token expired"),
            AuthenticateError::Invalid => ApiError::unauthorized("invalid_token", "Invalid token"),
            AuthenticateError::Revoked => ApiError::unauthorized("token_revoked", "Token revoked"),
            AuthenticateError::Inactive => ApiError::new(
                StatusCode::FORBIDDEN,
                "user_inactive",
                "User account is inactive",
            ),
            AuthenticateError::Repo(e) => e.into(),
        }
    }
}

impl From<ChangePasswordError> for ApiError {
    fn from(e: ChangePasswordError) -> Self {
        match e {
            ChangePasswordError::IncorrectPassword => {
                ApiError::bad_request("incorrect_password", "Current password is incorrect")
            }
            ChangePasswordError::WeakPassword(p) => policy_error(p, "New password"),
            ChangePasswordError::UserGone => {
                ApiError::unauthorized("invalid_token", "Invalid token")
            }
            ChangePasswordError::Hash(e) => e.into(),
            ChangePasswordError::Token(e) => e.into(),
            ChangePasswordError::Repo(e) => e.into(),
        }
    }
}

impl From<ChangeEmailError> for ApiError {
    fn from(e: ChangeEmailError) -> Self {
        match e {
            ChangeEmailError::IncorrectPassword => {
                ApiError::bad_request("incorrect_password", "Password is incorrect")
            }
            ChangeEmailError::EmailTaken => {
                ApiError::bad_request("email_in_use", "Email already in use")
            }
            ChangeEmailError::UserGone => ApiError::unauthorized("invalid_token", "Invalid token"),
            ChangeEmailError::Hash(e) => e.into(),
            ChangeEmailError::Token(e) => e.into(),
            ChangeEmailError::Repo(e) => e.into(),
        }
    }
}

impl From<DeleteAccountError> for ApiError {
    fn from(e: DeleteAccountError) -> Self {
        match e {
            DeleteAccountError::UserGone => {
                ApiError::unauthorized("invalid_token", "Invalid token")
            }
            DeleteAccountError::Repo(e) => e.into(),
        }
    }
}

mod hiring;
mod limits;
