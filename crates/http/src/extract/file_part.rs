//! Reading one file part of a multipart upload (a CV, an image), with a hard size limit enforced
//! on the raw body.

use actix_multipart::{Multipart, MultipartError};
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;

use crate::error::{ApiError, file_too_large};
use crate::validation::ValidationItem;

/// Multipart framing allowance on top of the file itself. The raw body is cut off once it passes
/// `limit + MULTIPART_SLACK`; with the chunk in flight that stays within limit + 64 KiB (9.13).
const MULTIPART_SLACK: usize = 32 * 1024;

fn too_large(max: usize) -> ApiError {
    file_too_large(max / (1024 * 1024), StatusCode::PAYLOAD_TOO_LARGE)
}

/// A file part as received; nothing in it is trusted.
#[derive(Clone, Debug)]
pub struct FilePart {
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// Reads the part named `name`, stopping as soon as it exceeds `max` bytes (413). Other parts are
/// skipped (with the same bound). A missing part is pydantic's 422 at `["body", name]`. The bound
/// is enforced on the raw body, beneath the multipart parser, whose read-ahead it cannot see.
pub async fn read_file_part(
    req: &HttpRequest,
    payload: web::Payload,
    name: &'static str,
    max: usize,
) -> Result<FilePart, ApiError> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > max + MULTIPART_SLACK) {
        return Err(too_large(max));
    }
    let cap = max + MULTIPART_SLACK;
    let tripped = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = tripped.clone();
    let mut pulled = 0usize;
    let limited = payload.map(move |chunk| {
        let chunk = chunk?;
        pulled += chunk.len();
        if pulled > cap {
            flag.set(true);
            return Err(actix_web::error::PayloadError::Overflow);
        }
        Ok(chunk)
    });
    let mut payload = Multipart::new(req.headers(), limited);
    let mut found: Option<FilePart> = None;
    let mut total = 0usize;
    while let Some(field) = payload.next().await {
        let mut field = match field {
            Ok(field) => field,
            Err(_) if tripped.get() => return Err(too_large(max)),
            // Not a multipart body at all: the part is simply missing (pydantic's 422).
            Err(
                MultipartError::ContentTypeMissing
                | MultipartError::ContentTypeIncompatible
                | MultipartError::ContentTypeParse
                | MultipartError::BoundaryMissing,
            ) => break,
            Err(_) => return Err(invalid_multipart()),
        };
        let wanted = found.is_none() && field.name() == Some(name);
        let filename = field.content_disposition().and_then(|cd| {
            // RFC 5987 `filename*` (percent-encoded, so any character survives) wins.
            cd.get_filename_ext()
                .map(|ext| String::from_utf8_lossy(&ext.value).into_owned())
                .or_else(|| cd.get_filename().map(str::to_owned))
        });
        let content_type = field.content_type().map(|m| m.essence_str().to_owned());
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| {
                if tripped.get() {
                    too_large(max)
                } else {
                    invalid_multipart()
                }
            })?;
            total += chunk.len();
            if total > cap || (wanted && bytes.len() + chunk.len() > max) {
                return Err(too_large(max));
            }
            if wanted {
                bytes.extend_from_slice(&chunk);
            }
        }
        if wanted {
            found = Some(FilePart {
                filename,
                content_type,
                bytes,
            });
        }
    }
    found.ok_or_else(|| {
        ApiError::validation(vec![ValidationItem::body_field(
            "missing",
            name,
            "Field required",
        )])
    })
}

fn invalid_multipart() -> ApiError {
    ApiError::bad_request("invalid_multipart", "Le corps multipart est invalide")
}
