//! `GET /api/images/{kind}/{name}`: the public images (job pictures, company logos; HEAD.md
//! 10.4; CV builder photos, 10.18), served by the API itself from the file storage, and the
//! absolute links to them. Only image keys are reachable here (`images/jobs/…`, `images/logos/…`,
//! `images/cv-photos/…`), never a CV file.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use intowork_domain::image::{self, PublicImage};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing};
use crate::extract::PublicBase;
use crate::resource;
use crate::state::AppState;
use crate::wire::{CodeText, ShortText};

/// Where the images are served; a stored key's public path follows it.
const IMAGES_ROUTE: &str = "/api/images";

/// A new key per upload: an image URL never changes content, so it may be cached for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/images/{kind}/{name}", get => serve));
}

#[derive(OpenApi)]
#[openapi(paths(serve))]
pub struct ImagesApi;

/// The absolute URL of the image stored under `key`; `None` when there is none (or it is not an
/// image key, which is never linked).
pub fn image_url(base: &PublicBase, key: Option<&str>) -> Option<String> {
    let path = image::public_path(key?)?;
    Some(image_url_of_path(base, &path))
}

/// The absolute URL of an image's public path (`logos/….png`).
pub fn image_url_of_path(base: &PublicBase, path: &str) -> String {
    base.url(&format!("{IMAGES_ROUTE}/{path}"))
}

// Streamed, not serialized: this type only names the body in the document.
/// A PNG, JPEG or WebP image.
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct ImageFile(pub Vec<u8>);

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
struct ImagePath {
    /// `jobs`, `logos` or `cv-photos`
    #[param(inline)]
    kind: CodeText,
    /// The stored file name, e.g. `3f2a9c….png`
    #[param(inline)]
    name: ShortText,
}

/// Public, no sign-in: the links in job and company answers point here.
#[utoipa::path(
    get,
    path = "/api/images/{kind}/{name}",
    tag = "images",
    params(ImagePath),
    responses(
        (status = 200, description = "The image, cacheable for a year", content(
            (ImageFile = "image/png"), (ImageFile = "image/jpeg"), (ImageFile = "image/webp"))),
        Missing,
        Invalid
    )
)]
async fn serve(
    state: web::Data<AppState>,
    path: web::Path<ImagePath>,
) -> Result<HttpResponse, ApiError> {
    let ImagePath { kind, name } = path.into_inner();
    let PublicImage {
        bytes,
        content_type,
    } = state.images.read(&kind, &name).await?;
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, IMMUTABLE))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(bytes))
}
