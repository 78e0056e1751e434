//! `/api/cv-builder/*` (HEAD.md 1.4, 10.18): the candidate's one structured CV and its public page
//! under a random slug. The owner's routes are the candidate's; `public` and `track-view` need no
//! account. Only `save` takes a large body (the photo, served afterwards by `/api/images`).

mod photo;
pub mod request;
pub mod response;

use actix_web::web;
use intowork_domain::cv_builder::{CvTemplate, SaveCommand};
use intowork_domain::user::Role;
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

use self::photo::photo_input;
use self::request::CvSaveRequest;
use self::response::{
    AnalyticsOut, CvDocumentOut, CvListItem, Deleted, PublicCvOut, Tracked, VisibilityOut,
};
use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing, NeedsRole};
use crate::extract::{DocumentJson, PublicBase, RoleUser};
use crate::state::AppState;
use crate::{resource, role_gate};

role_gate!(CvAuthor, Role::Candidate, "Accès réservé aux candidats");

/// Slugs are 32 characters; longer ones cannot exist and are answered without a query.
const SLUG_MAX: usize = 64;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/cv-builder/load", get => load))
        .service(resource!("/api/cv-builder/save", post => save))
        .service(resource!("/api/cv-builder/list", get => list))
        .service(resource!("/api/cv-builder/analytics", get => analytics))
        .service(resource!("/api/cv-builder/toggle-public", patch => toggle_public))
        .service(resource!("/api/cv-builder/delete", delete => delete))
        .service(resource!("/api/cv-builder/public/{slug}", get => public))
        .service(resource!("/api/cv-builder/track-view/{slug}", post => track_view));
}

#[derive(OpenApi)]
#[openapi(paths(load, save, list, analytics, toggle_public, delete, public, track_view))]
pub struct CvBuilderApi;

/// A public CV's slug.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SlugPath {
    #[param(max_length = 64)]
    slug: String,
}

#[utoipa::path(get, path = "/api/cv-builder/load", tag = "cv-builder", security(("bearer" = [])),
    responses((status = 200, description = "The caller's CV, or null before the first save", body = Option<CvDocumentOut>), NeedsRole))]
async fn load(
    state: web::Data<AppState>,
    base: PublicBase,
    user: RoleUser<CvAuthor>,
) -> Result<web::Json<Option<CvDocumentOut>>, ApiError> {
    let cv = state.cv_builder.load(user.user().id).await?;
    Ok(web::Json(cv.map(|cv| CvDocumentOut::new(cv, &base))))
}

#[utoipa::path(post, path = "/api/cv-builder/save", tag = "cv-builder", security(("bearer" = [])),
    request_body(content = CvSaveRequest, description = "HEAD's autosave body; up to 8 MiB (the photo as a data URL)"),
    responses((status = 200, description = "Created or replaced; the photo comes back as its public image link", body = CvDocumentOut),
        (status = 400, description = "`invalid_photo`, `not_an_image`, `svg_not_accepted`", body = crate::error::ErrorBody),
        (status = 413, description = "Body over 8 MiB (`payload_too_large`), photo over 5 MiB (`file_too_large`)", body = crate::error::ErrorBody),
        NeedsRole, Invalid))]
async fn save(
    state: web::Data<AppState>,
    base: PublicBase,
    user: RoleUser<CvAuthor>,
    DocumentJson(body): DocumentJson<CvSaveRequest>,
) -> Result<web::Json<CvDocumentOut>, ApiError> {
    let (document, raw_photo) = body.cv_data.into_parts();
    let cmd = SaveCommand {
        photo: photo_input(raw_photo.as_deref())?,
        document,
        template: CvTemplate::parse_lenient(body.template.as_deref().unwrap_or("")),
        title: body.title.map(Into::into),
        is_public: body.is_public,
    };
    let cv = state.cv_builder.save(user.user().id, cmd).await?;
    Ok(web::Json(CvDocumentOut::new(cv, &base)))
}

#[utoipa::path(get, path = "/api/cv-builder/list", tag = "cv-builder", security(("bearer" = [])),
    responses((status = 200, description = "The caller's CV (none or one)", body = Vec<CvListItem>), NeedsRole))]
async fn list(
    state: web::Data<AppState>,
    user: RoleUser<CvAuthor>,
) -> Result<web::Json<Vec<CvListItem>>, ApiError> {
    let list = state.cv_builder.list(user.user().id).await?;
    Ok(web::Json(list.into_iter().map(CvListItem::from).collect()))
}

#[utoipa::path(get, path = "/api/cv-builder/analytics", tag = "cv-builder", security(("bearer" = [])),
    responses((status = 200, description = "Totals and the views of the last 30 days; zeros before the first save", body = AnalyticsOut), NeedsRole))]
async fn analytics(
    state: web::Data<AppState>,
    user: RoleUser<CvAuthor>,
) -> Result<web::Json<AnalyticsOut>, ApiError> {
    Ok(web::Json(
        state.cv_builder.analytics(user.user().id).await?.into(),
    ))
}

#[utoipa::path(patch, path = "/api/cv-builder/toggle-public", tag = "cv-builder", security(("bearer" = [])),
    responses((status = 200, description = "The new visibility", body = VisibilityOut), NeedsRole, Missing))]
async fn toggle_public(
    state: web::Data<AppState>,
    user: RoleUser<CvAuthor>,
) -> Result<web::Json<VisibilityOut>, ApiError> {
    Ok(web::Json(
        state.cv_builder.toggle_public(user.user().id).await?.into(),
    ))
}

#[utoipa::path(delete, path = "/api/cv-builder/delete", tag = "cv-builder", security(("bearer" = [])),
    responses((status = 200, description = "The CV, its counters and its photo are gone", body = Deleted), NeedsRole, Missing))]
async fn delete(
    state: web::Data<AppState>,
    user: RoleUser<CvAuthor>,
) -> Result<web::Json<Deleted>, ApiError> {
    state.cv_builder.delete(user.user().id).await?;
    Ok(web::Json(Deleted {
        status: "deleted",
        message: "CV and all analytics deleted",
    }))
}

fn slug_of(path: &SlugPath) -> Result<&str, ApiError> {
    if path.slug.len() > SLUG_MAX {
        return Err(ApiError::not_found("CV not found or not public"));
    }
    Ok(&path.slug)
}

#[utoipa::path(get, path = "/api/cv-builder/public/{slug}", tag = "cv-builder", params(SlugPath),
    responses((status = 200, description = "A public CV; reading it counts no view", body = PublicCvOut), Missing))]
async fn public(
    state: web::Data<AppState>,
    base: PublicBase,
    path: web::Path<SlugPath>,
) -> Result<web::Json<PublicCvOut>, ApiError> {
    let cv = state.cv_builder.public(slug_of(&path)?).await?;
    Ok(web::Json(PublicCvOut::new(cv, &base)))
}

#[utoipa::path(post, path = "/api/cv-builder/track-view/{slug}", tag = "cv-builder", params(SlugPath),
    responses((status = 200, description = "One view counted", body = Tracked), (status = 404, description = "No public CV has this slug; nothing counted", body = crate::error::ErrorBody)))]
async fn track_view(
    state: web::Data<AppState>,
    path: web::Path<SlugPath>,
) -> Result<web::Json<Tracked>, ApiError> {
    let views_count = state.cv_builder.track_view(slug_of(&path)?).await?;
    Ok(web::Json(Tracked {
        status: "tracked",
        views_count,
    }))
}
