//! CV files: upload, list, downloads, delete, the viewer route and signed links (CONTRACT 3.3,
//! 3.11, 8.7, 9.13). Files are streamed with a hard size limit and never trusted for their names.

pub(crate) mod pdf;
pub mod wire;

use actix_web::{HttpRequest, HttpResponse, web};
use intowork_domain::cv::{CvAccessError, CvUpload};
use intowork_domain::{CandidateId, CvId};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

use self::pdf::pdf;
use self::wire::{CvItem, CvUploadForm, CvUploaded, PdfFile};
use crate::client_ip::ClientIp;
use crate::error::responses::{Invalid, Limited, Missing, NeedsRole, UploadErrors};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{AuthUser, RoleUser, ValidQuery, read_file_part, within_deadline};
use crate::resource;
use crate::routes::candidates::ProfileReader;
use crate::state::{AppState, HttpSettings};
use crate::wire::{MessageBody, TokenText};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/candidates/cv", post => upload))
        .service(resource!("/api/candidates/cv/download", get => download_current))
        .service(resource!("/api/candidates/cvs", get => list))
        .service(resource!("/api/candidates/cvs/{cv_id}/download", get => download_own))
        .service(resource!("/api/candidates/cvs/{cv_id}", delete => delete))
        .service(resource!("/api/candidates/{candidate_id}/cv", get => candidate_cv))
        .service(resource!("/api/files/cvs/{cv_id}", get => signed));
}

#[derive(OpenApi)]
#[openapi(paths(
    upload,
    download_current,
    list,
    download_own,
    delete,
    candidate_cv,
    signed
))]
pub struct CvsApi;

#[utoipa::path(
    post,
    path = "/api/candidates/cv",
    tag = "cvs",
    security(("bearer" = [])),
    request_body(content = CvUploadForm, content_type = "multipart/form-data", description = "The PDF in the `cv` part"),
    responses((status = 200, description = "Stored; it becomes the current CV", body = CvUploaded), (status = 400, description = "`not_pdf`, `too_many_cvs`, `invalid_multipart`", body = ErrorBody), UploadErrors, NeedsRole, Invalid, Limited)
)]
async fn upload(
    state: web::Data<AppState>,
    settings: web::Data<HttpSettings>,
    ip: ClientIp,
    user: RoleUser<ProfileReader>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<web::Json<CvUploaded>, ApiError> {
    // Before the body is read: a caller over budget costs no upload.
    state.limits.cv_upload(ip.as_str(), user.user().id).await?;
    let max = state.cvs.limits().max_bytes;
    let deadline = settings.upload_body_timeout;
    let part = within_deadline(deadline, read_file_part(&req, payload, "cv", max)).await?;
    let upload = CvUpload {
        filename: part.filename,
        content_type: part.content_type,
        bytes: part.bytes,
    };
    let done = state.cvs.upload(user.user(), upload).await?;
    Ok(web::Json(done.cv.into()))
}

#[utoipa::path(
    get,
    path = "/api/candidates/cvs",
    tag = "cvs",
    security(("bearer" = [])),
    responses((status = 200, description = "The candidate's CVs", body = Vec<CvItem>), NeedsRole)
)]
async fn list(
    state: web::Data<AppState>,
    user: RoleUser<ProfileReader>,
) -> Result<web::Json<Vec<CvItem>>, ApiError> {
    let cvs = state.cvs.list(user.user().id).await?;
    Ok(web::Json(cvs.into_iter().map(CvItem::from).collect()))
}

#[utoipa::path(
    get,
    path = "/api/candidates/cv/download",
    tag = "cvs",
    security(("bearer" = [])),
    responses((status = 200, description = "The PDF", content_type = "application/pdf", body = PdfFile), NeedsRole, Missing)
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
    responses((status = 200, description = "The PDF", content_type = "application/pdf", body = PdfFile), NeedsRole, Missing, Invalid)
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
    responses((status = 200, description = "Deleted", body = MessageBody), NeedsRole, Missing, Invalid)
)]
async fn delete(
    state: web::Data<AppState>,
    user: RoleUser<ProfileReader>,
    path: web::Path<i64>,
) -> Result<web::Json<MessageBody>, ApiError> {
    state
        .cvs
        .delete(user.user().id, CvId(path.into_inner()))
        .await?;
    Ok(web::Json(MessageBody::new("CV supprimé avec succès")))
}

/// The owner, an employer with an application from this candidate, or an admin; 404 otherwise.
#[utoipa::path(
    get,
    path = "/api/candidates/{candidate_id}/cv",
    tag = "cvs",
    security(("bearer" = [])),
    params(("candidate_id" = i64, Path, description = "Candidate profile id")),
    responses((status = 200, description = "The PDF", content_type = "application/pdf", body = PdfFile), NeedsRole, Missing, Invalid)
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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct SignedQuery {
    /// Unix expiry of the link
    expires: Option<i64>,
    /// HMAC of the link
    #[param(inline)]
    signature: Option<TokenText>,
}

/// A signed, expiring link that works as a plain browser link (no bearer token, 8.7).
#[utoipa::path(
    get,
    path = "/api/files/cvs/{cv_id}",
    tag = "cvs",
    params(("cv_id" = i64, Path, description = "CV id"), SignedQuery),
    responses((status = 200, description = "The PDF", content_type = "application/pdf", body = PdfFile), (status = 403, description = "Bad or expired link (`invalid_link`)", body = ErrorBody), Missing, Invalid)
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
