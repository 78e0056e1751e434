//! JSON bodies with pydantic-shaped 422s listing every problem, and a size limit and a deadline
//! enforced while reading.

use std::time::Duration;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use super::deadline::within_deadline;
use crate::error::ApiError;
use crate::state::HttpSettings;
use crate::validation::{self, ValidationItem};

/// A JSON body. Malformed JSON, wrong types and missing fields give 422 with pydantic's item list,
/// one item per problem; a body over the configured limit gives 413 without being read whole; a
/// body still incomplete at the deadline gives 408 and the connection is closed, so a client
/// sending a byte at a time cannot hold it. Unknown fields are ignored.
pub struct ValidJson<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read_body(req, payload);
        Box::pin(async move { parse_json(&body.await?).map(ValidJson) })
    }
}

/// A JSON body that may be left out: no body (or only whitespace) is `None`; anything else is read
/// and checked exactly as [`ValidJson`] does.
pub struct OptionalJson<T>(pub Option<T>);

impl<T: DeserializeOwned + 'static> FromRequest for OptionalJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read_body(req, payload);
        Box::pin(async move {
            let body = body.await?;
            if body.iter().all(u8::is_ascii_whitespace) {
                return Ok(OptionalJson(None));
            }
            parse_json(&body).map(|v| OptionalJson(Some(v)))
        })
    }
}

/// The largest body of the CV builder's save, which carries the photo as a data URL (HEAD.md
/// 10.18): a 5 MB image is about 6.7 MB of base64.
pub const DOCUMENT_JSON_LIMIT: usize = 8 * 1024 * 1024;

/// A [`ValidJson`] body of up to [`DOCUMENT_JSON_LIMIT`], given the upload deadline since it may
/// carry an image. Only the route that needs it uses it; every other body keeps the JSON limit.
pub struct DocumentJson<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for DocumentJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let settings = req.app_data::<web::Data<HttpSettings>>();
        let deadline = settings.map_or(Duration::from_secs(120), |s| s.upload_body_timeout);
        let body = read_body_within(req, payload, DOCUMENT_JSON_LIMIT, deadline);
        Box::pin(async move { parse_json(&body.await?).map(DocumentJson) })
    }
}

/// The whole body, within the configured size limit and deadline.
fn read_body(
    req: &HttpRequest,
    payload: &mut Payload,
) -> LocalBoxFuture<'static, Result<web::BytesMut, ApiError>> {
    let settings = req.app_data::<web::Data<HttpSettings>>();
    let limit = settings.map_or(1024 * 1024, |s| s.json_limit);
    let deadline = settings.map_or(Duration::from_secs(30), |s| s.json_body_timeout);
    read_body_within(req, payload, limit, deadline)
}

/// Reads the whole body: 413 past `limit` (from the declared length before reading), 408 when it
/// is not complete at `deadline`.
fn read_body_within(
    req: &HttpRequest,
    payload: &mut Payload,
    limit: usize,
    deadline: Duration,
) -> LocalBoxFuture<'static, Result<web::BytesMut, ApiError>> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let mut payload = payload.take();
    Box::pin(async move {
        if declared.is_some_and(|len| len > limit) {
            return Err(too_large());
        }
        let read = async {
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|_| {
                    ApiError::bad_request("invalid_body", "The request body could not be read")
                })?;
                if body.len() + chunk.len() > limit {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            Ok(body)
        };
        within_deadline(deadline, read).await
    })
}

fn too_large() -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        "Request body too large",
    )
}

pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::validation(vec![ValidationItem::missing_body()]));
    }
    // serde would accept `[..]` for a struct (sequence form); the contract's bodies are objects.
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') && serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok() {
        return Err(ApiError::validation(vec![ValidationItem::new(
            "model_attributes_type",
            vec!["body".into()],
            "Input should be a valid dictionary or object to extract fields from",
        )]));
    }
    if let Some(item) = crate::nul::in_json(body) {
        return Err(ApiError::validation(vec![item]));
    }
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de)
        .map_err(|first| ApiError::validation(validation::body_problems::<T>(body, first)))
}
