//! CV files: upload, list, downloads, delete, the viewer route and signed links (CONTRACT 3.3,
//! 3.11, 8.7, 9.13). Files are streamed with a hard size limit and never trusted for their names.

use actix_multipart::{Multipart, MultipartError};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use intowork_domain::cv::{CvAccessError, CvFile, CvUpload};
use intowork_domain::limits::UserAction;
use intowork_domain::{CandidateId, CvId};
use serde::Deserialize;
use serde_json::json;

use crate::dto::{self, Message};
use crate::error::ApiError;
use crate::error_candidates::file_too_large;
use crate::extract::{AuthUser, RoleUser, ValidQuery};
use crate::openapi::schemas as oa;
use crate::resource;
use crate::routes::candidates::ProfileReader;
use crate::state::AppState;
use crate::validation::ValidationItem;

/// Multipart framing allowance on top of the file itself. The raw body is cut off once it passes
/// `limit + MULTIPART_SLACK`; with the chunk in flight that stays within limit + 64 KiB (9.13).
const MULTIPART_SLACK: usize = 32 * 1024;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/candidates/cv", post => upload))
        .service(resource!("/api/candidates/cv/download", get => download_current))
        .service(resource!("/api/candidates/cvs", get => list))
        .service(resource!("/api/candidates/cvs/{cv_id}/download", get => download_own))
        .service(resource!("/api/candidates/cvs/{cv_id}", delete => delete))
        .service(resource!("/api/candidates/{candidate_id}/cv", get => candidate_cv))
        .service(resource!("/api/files/cvs/{cv_id}", get => signed));
}

#[utoipa::path(
    post,
    path = "/api/candidates/cv",
    tag = "cvs",
    security(("bearer" = [])),
    request_body(content = oa::CvUploadForm, content_type = "multipart/form-data", description = "The PDF in the `cv` part"),
    responses((status = 200, description = "Stored; it becomes the current CV", body = oa::CvUploaded), (status = 400, description = "`not_pdf`, `too_many_cvs`, `invalid_multipart`", body = oa::ErrorBody), oa::UploadErrors, oa::NeedsRole, oa::Invalid, oa::Limited)
)]
async fn upload(
    state: web::Data<AppState>,
    user: RoleUser<ProfileReader>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    // Before the body is read: a caller over budget costs no upload.
    state
        .limits
        .user_action(user.user().id, UserAction::CvUpload)
        .await?;
    let max = state.cvs.limits().max_bytes;
    let upload = read_cv_part(&req, payload, max).await?;
    let done = state.cvs.upload(user.user(), upload).await?;
    let cv = done.cv;
    Ok(HttpResponse::Ok().json(json!({
        "message": "CV téléchargé avec succès",
        "filename": cv.filename,
        "size": cv.file_size,
        "candidate_id": cv.candidate_id.get(),
        "cv_id": cv.id.get(),
    })))
}

fn too_large(max: usize) -> ApiError {
    file_too_large(max / (1024 * 1024), StatusCode::PAYLOAD_TOO_LARGE)
}

/// Reads the `cv` part, stopping as soon as it exceeds `max` bytes. Other parts are skipped
/// (with the same bound). A missing part is pydantic's 422 at `["body", "cv"]`. The bound is
/// enforced on the raw body, beneath the multipart parser, whose read-ahead it cannot see.
async fn read_cv_part(
    req: &HttpRequest,
    payload: web::Payload,
    max: usize,
) -> Result<CvUpload, ApiError> {
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
    let mut found: Option<CvUpload> = None;
    let mut total = 0usize;
    while let Some(field) = payload.next().await {
        let mut field = match field {
            Ok(field) => field,
            Err(_) if tripped.get() => return Err(too_large(max)),
            // Not a multipart body at all: the `cv` part is simply missing (pydantic's 422).
            Err(
                MultipartError::ContentTypeMissing
                | MultipartError::ContentTypeIncompatible
                | MultipartError::ContentTypeParse
                | MultipartError::BoundaryMissing,
            ) => break,
            Err(_) => return Err(invalid_multipart()),
        };
        let is_cv = found.is_none() && field.name() == Some("cv");
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
            if total > cap || (is_cv && bytes.len() + chunk.len() > max) {
                return Err(too_large(max));
            }
            if is_cv {
                bytes.extend_from_slice(&chunk);
            }
        }
        if is_cv {
            found = Some(CvUpload {
                filename,
                content_type,
                bytes,
            });
        }
    }
    found.ok_or_else(|| {
        ApiError::validation(vec![ValidationItem::body_field(
            "missing",
            "cv",
            "Field required",
        )])
    })
}

fn invalid_multipart() -> ApiError {
    ApiError::bad_request("invalid_multipart", "Le corps multipart est invalide")
}

#[utoipa::path(
    get,
    path = "/api/candidates/cvs",
    tag = "cvs",
    security(("bearer" = [])),
    responses((status = 200, description = "The candidate's CVs", body = Vec<oa::CvItem>), oa::NeedsRole)
)]
async fn list(
    state: web::Data<AppState>,
    user: RoleUser<ProfileReader>,
) -> Result<HttpResponse, ApiError> {
    let cvs = state.cvs.list(user.user().id).await?;
    let body: Vec<_> = cvs
        .iter()
        .map(|cv| {
            json!({
                "id": cv.id.get(), "filename": cv.filename, "file_size": cv.file_size,
                "is_active": cv.is_active, "created_at": dto::rfc3339(&cv.created_at),
            })
        })
        .collect();
    Ok(HttpResponse::Ok().json(body))
}

#[utoipa::path(
    get,
    path = "/api/candidates/cv/download",
    tag = "cvs",
    security(("bearer" = [])),
    responses((status = 200, description = "The PDF", content_type = "application/pdf", body = oa::PdfFile), oa::NeedsRole, oa::Missing)
)]
async fn download_current(
    state: web::Data<AppState>,
    user: RoleUser<ProfileReader>,
) -> Result<HttpResponse, ApiError> {
    Ok(pdf(state.cvs.download_current(user.user().id).await?))
}

#[utoipa::path(
    get,
    path = "/api/candidates/cvs/{cv_id}/download",
    tag = "cvs",
    security(("bearer" = [])),
    params(("cv_id" = i64, Path, description = "CV id")),
    responses((status = 200, description = "The PDF", content_type = "application/pdf", body = oa::PdfFile), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn download_own(
    state: web::Data<AppState>,
    user: RoleUser<ProfileReader>,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    match state
        .cvs
        .download_own(user.user().id, CvId(path.into_inner()))
        .await
    {
        Ok(file) => Ok(pdf(file)),
        // This route's text for a row whose file is gone (CONTRACT 3.3).
        Err(CvAccessError::FileMissing) => {
            Err(ApiError::not_found("Fichier CV introuvable sur le serveur"))
        }
        Err(e) => Err(e.into()),
    }
}

#[utoipa::path(
    delete,
    path = "/api/candidates/cvs/{cv_id}",
    tag = "cvs",
    security(("bearer" = [])),
    params(("cv_id" = i64, Path, description = "CV id")),
    responses((status = 200, description = "Deleted", body = oa::MessageBody), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn delete(
    state: web::Data<AppState>,
    user: RoleUser<ProfileReader>,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    state
        .cvs
        .delete(user.user().id, CvId(path.into_inner()))
        .await?;
    Ok(HttpResponse::Ok().json(Message {
        message: "CV supprimé avec succès",
    }))
}

/// The owner, an employer with an application from this candidate, or an admin; 404 otherwise.
#[utoipa::path(
    get,
    path = "/api/candidates/{candidate_id}/cv",
    tag = "cvs",
    security(("bearer" = [])),
    params(("candidate_id" = i64, Path, description = "Candidate profile id")),
    responses((status = 200, description = "The PDF", content_type = "application/pdf", body = oa::PdfFile), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn candidate_cv(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    Ok(pdf(state
        .cvs
        .download_for_viewer(&user, CandidateId(path.into_inner()))
        .await?))
}

#[derive(Deserialize)]
struct SignedQuery {
    expires: Option<i64>,
    signature: Option<String>,
}

/// A signed, expiring link that works as a plain browser link (no bearer token, 8.7).
#[utoipa::path(
    get,
    path = "/api/files/cvs/{cv_id}",
    tag = "cvs",
    params(("cv_id" = i64, Path, description = "CV id"), ("expires" = Option<i64>, Query, description = "Unix expiry of the link"), ("signature" = Option<String>, Query, description = "HMAC of the link")),
    responses((status = 200, description = "The PDF", content_type = "application/pdf", body = oa::PdfFile), (status = 403, description = "Bad or expired link (`invalid_link`)", body = oa::ErrorBody), oa::Missing, oa::Invalid)
)]
async fn signed(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    ValidQuery(q): ValidQuery<SignedQuery>,
) -> Result<HttpResponse, ApiError> {
    let (Some(expires), Some(signature)) = (q.expires, q.signature) else {
        return Err(CvAccessError::BadLink.into());
    };
    Ok(pdf(state
        .cvs
        .download_signed(CvId(path.into_inner()), expires, &signature)
        .await?))
}

/// A PDF response: RFC 6266 `Content-Disposition`, validators, and no caching by shared caches.
fn pdf(file: CvFile) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    res.content_type("application/pdf")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((
            header::LAST_MODIFIED,
            file.created_at
                .format("%a, %d %b %Y %H:%M:%S GMT")
                .to_string(),
        ))
        .insert_header((
            header::ETAG,
            format!("\"cv-{}-{}\"", file.id, file.bytes.len()),
        ));
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&file.filename)) {
        res.insert_header((header::CONTENT_DISPOSITION, value));
    }
    res.body(file.bytes)
}

/// `inline; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266/5987).
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("inline; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn disposition_has_an_ascii_fallback_and_utf8_name() {
        assert_eq!(
            content_disposition("CV Zoë \"final\".pdf"),
            "inline; filename=\"CV Zo_ _final_.pdf\"; filename*=UTF-8''CV%20Zo%C3%AB%20%22final%22.pdf"
        );
    }
}
