//! The documented error answers: reusable sets for `#[utoipa::path(responses(...))]`, so each
//! handler lists its success answers and names the error sets that apply instead of repeating them.
//! 500 and 503 are added to every operation when the document is assembled.

use utoipa::IntoResponses;

use super::body::{ErrorBody, ValidationErrorBody};

/// Routes behind a bearer token.
#[derive(IntoResponses)]
pub enum NeedsAuth {
    /// `authentication_required`, `invalid_token`, `token_expired`, `token_revoked`.
    #[response(
        status = 401,
        description = "Missing, invalid, expired or revoked bearer token"
    )]
    Unauthorized(ErrorBody<'static>),
    #[response(
        status = 403,
        description = "The account is deactivated (`user_inactive`)"
    )]
    Inactive(ErrorBody<'static>),
}

/// Routes behind a bearer token and a role.
#[derive(IntoResponses)]
pub enum NeedsRole {
    #[response(
        status = 401,
        description = "Missing, invalid, expired or revoked bearer token"
    )]
    Unauthorized(ErrorBody<'static>),
    #[response(
        status = 403,
        description = "The role may not use this route (`forbidden`), or the account is \
            deactivated (`user_inactive`)"
    )]
    Forbidden(ErrorBody<'static>),
}

/// A malformed body, query or path parameter.
#[derive(IntoResponses)]
pub enum Invalid {
    #[response(
        status = 422,
        description = "Validation error (pydantic-shaped list in `detail`)"
    )]
    Unprocessable(ValidationErrorBody<'static>),
}

#[derive(IntoResponses)]
pub enum Missing {
    #[response(
        status = 404,
        description = "Not found (`not_found` or a more precise code)"
    )]
    NotFound(ErrorBody<'static>),
}

#[derive(IntoResponses)]
pub enum Rejected {
    #[response(status = 400, description = "Refused by a business rule (see `code`)")]
    BadRequest(ErrorBody<'static>),
}

#[derive(IntoResponses)]
pub enum Limited {
    #[response(
        status = 429,
        description = "Rate limit reached (`too_many_requests`); see `Retry-After`",
        headers(("Retry-After" = u32, description = "Seconds to wait"))
    )]
    TooMany(ErrorBody<'static>),
}

/// Errors of the CV upload.
#[derive(IntoResponses)]
pub enum UploadErrors {
    #[response(
        status = 413,
        description = "The file exceeds MAX_CV_SIZE_MB (`file_too_large`)"
    )]
    TooLarge(ErrorBody<'static>),
    #[response(
        status = 415,
        description = "Not multipart/form-data (`unsupported_media_type`)"
    )]
    Unsupported(ErrorBody<'static>),
}
