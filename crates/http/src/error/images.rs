//! Status, code and `detail` of the image use cases' errors (HEAD.md 10.4): job pictures, company
//! logos and serving them.

use actix_web::http::StatusCode;
use intowork_domain::company::CompanyLogoError;
use intowork_domain::image::{ImageRejected, ReadImageError};
use intowork_domain::job::JobImageError;

use super::api_error::ApiError;
use super::candidates::file_too_large;

/// Why the file is refused, in French as the other upload answers.
pub(super) fn rejected(r: ImageRejected) -> ApiError {
    match r {
        ImageRejected::TooLarge { max_mib } => {
            file_too_large(max_mib, StatusCode::PAYLOAD_TOO_LARGE)
        }
        ImageRejected::Svg => ApiError::bad_request(
            "svg_not_accepted",
            "Les images SVG ne sont pas acceptées (elles peuvent contenir des scripts) : \
             envoyez une image PNG, JPEG ou WebP",
        ),
        ImageRejected::NotAnImage => ApiError::bad_request(
            "not_an_image",
            "Le fichier doit être une image PNG, JPEG ou WebP",
        ),
    }
}

impl From<JobImageError> for ApiError {
    fn from(e: JobImageError) -> Self {
        match e {
            JobImageError::NotFound => {
                ApiError::new(StatusCode::NOT_FOUND, "job_not_found", "Offre introuvable")
            }
            JobImageError::Rejected(r) => rejected(r),
            JobImageError::Storage(e) => ApiError::unavailable(&e),
            JobImageError::Repo(e) => e.into(),
        }
    }
}

impl From<CompanyLogoError> for ApiError {
    fn from(e: CompanyLogoError) -> Self {
        match e {
            CompanyLogoError::EmployerNotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "employer_not_found",
                "Employeur introuvable",
            ),
            CompanyLogoError::CompanyNotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "company_not_found",
                "Entreprise introuvable",
            ),
            CompanyLogoError::Rejected(r) => rejected(r),
            CompanyLogoError::Storage(e) => ApiError::unavailable(&e),
            CompanyLogoError::Repo(e) => e.into(),
        }
    }
}

impl From<ReadImageError> for ApiError {
    fn from(e: ReadImageError) -> Self {
        match e {
            ReadImageError::NotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "image_not_found",
                "Image introuvable",
            ),
            ReadImageError::Storage(e) => ApiError::unavailable(&e),
        }
    }
}
