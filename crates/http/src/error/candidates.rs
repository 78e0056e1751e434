//! Exhaustive mappings of the candidate and CV use cases' errors (see `error/mod.rs` for the rules).

use actix_web::http::StatusCode;
use intowork_domain::candidate::{AddItemError, EditItemError, ItemKind};
use intowork_domain::cv::{CvAccessError, UploadCvError};
use intowork_domain::files::FileStoreError;

use super::api_error::ApiError;

fn storage(e: &FileStoreError) -> ApiError {
    match e {
        // A row whose file is gone: the same 404 as a missing CV.
        FileStoreError::NotFound => ApiError::not_found("Fichier CV introuvable"),
        FileStoreError::Backend(_) => ApiError::unavailable(e),
    }
}

impl From<AddItemError> for ApiError {
    fn from(e: AddItemError) -> Self {
        match e {
            AddItemError::ProfileMissing => ApiError::not_found("Profil candidat non trouvé"),
            AddItemError::Repo(e) => e.into(),
        }
    }
}

impl From<EditItemError> for ApiError {
    fn from(e: EditItemError) -> Self {
        match e {
            EditItemError::NotFound(kind) => ApiError::not_found(match kind {
                ItemKind::Experience => "Expérience introuvable",
                ItemKind::Education => "Formation introuvable",
                ItemKind::Skill => "Compétence introuvable",
            }),
            EditItemError::Repo(e) => e.into(),
        }
    }
}

impl From<UploadCvError> for ApiError {
    fn from(e: UploadCvError) -> Self {
        match e {
            UploadCvError::NotPdf => {
                ApiError::bad_request("not_pdf", "Seuls les fichiers PDF sont acceptés")
            }
            UploadCvError::TooLarge { max_mib } => file_too_large(max_mib, StatusCode::BAD_REQUEST),
            UploadCvError::TooMany { max } => ApiError::bad_request(
                "too_many_cvs",
                format!(
                    "Vous avez atteint le nombre maximum de CV ({max}). Supprimez-en un pour en ajouter un autre."
                ),
            ),
            UploadCvError::ProfileMissing => ApiError::not_found("Profil candidat non trouvé"),
            UploadCvError::Storage(e) => storage(&e),
            UploadCvError::Repo(e) => e.into(),
        }
    }
}

/// `Le fichier ne peut pas dépasser 5MB`: 400 after receipt, 413 while streaming (9.13).
pub fn file_too_large(max_mib: usize, status: StatusCode) -> ApiError {
    ApiError::new(
        status,
        "file_too_large",
        format!("Le fichier ne peut pas dépasser {max_mib}MB"),
    )
}

impl From<CvAccessError> for ApiError {
    fn from(e: CvAccessError) -> Self {
        match e {
            CvAccessError::ProfileMissing => ApiError::not_found("Profil candidat non trouvé"),
            CvAccessError::NoCv => ApiError::not_found("Aucun CV téléchargé"),
            CvAccessError::CvNotFound => ApiError::not_found("CV non trouvé"),
            CvAccessError::FileMissing => ApiError::not_found("Fichier CV introuvable"),
            CvAccessError::BadLink => ApiError::new(
                StatusCode::FORBIDDEN,
                "invalid_link",
                "Lien invalide ou expiré",
            ),
            CvAccessError::Storage(e) => storage(&e),
            CvAccessError::Repo(e) => e.into(),
        }
    }
}
