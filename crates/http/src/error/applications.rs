//! Exhaustive mappings of the application use cases' errors (see `error/mod.rs` for the rules).

use actix_web::http::StatusCode;
use intowork_domain::application::{
    ApplyError, CandidateApplicationError, EmployerApplicationError, JobApplicationsError,
};

use super::api_error::ApiError;

impl From<ApplyError> for ApiError {
    fn from(e: ApplyError) -> Self {
        match e {
            ApplyError::ProfileMissing => ApiError::not_found("Profil candidat introuvable"),
            ApplyError::JobNotFound => ApiError::not_found("Offre d'emploi introuvable"),
            // The frontend matches on the substring `déjà postulé` (CONTRACT 3.7).
            ApplyError::AlreadyApplied => {
                ApiError::bad_request("already_applied", "Vous avez déjà postulé à cette offre")
            }
            ApplyError::InvalidCv => {
                ApiError::bad_request("invalid_cv", "CV invalide ou introuvable")
            }
            ApplyError::Repo(e) => e.into(),
        }
    }
}

impl From<CandidateApplicationError> for ApiError {
    fn from(e: CandidateApplicationError) -> Self {
        match e {
            CandidateApplicationError::NotFound => ApiError::not_found("Candidature introuvable"),
            CandidateApplicationError::Repo(e) => e.into(),
        }
    }
}

impl From<EmployerApplicationError> for ApiError {
    fn from(e: EmployerApplicationError) -> Self {
        match e {
            EmployerApplicationError::EmployerMissing => {
                ApiError::not_found("Employeur introuvable")
            }
            EmployerApplicationError::NotFound => ApiError::not_found("Candidature introuvable"),
            EmployerApplicationError::NotOwner => ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "Vous ne pouvez pas modifier cette candidature",
            ),
            EmployerApplicationError::Repo(e) => e.into(),
        }
    }
}

/// HEAD's texts for the pipeline page (HEAD.md 10.8).
impl From<JobApplicationsError> for ApiError {
    fn from(e: JobApplicationsError) -> Self {
        match e {
            JobApplicationsError::EmployerMissing => ApiError::not_found("Employeur introuvable"),
            JobApplicationsError::JobNotFound => {
                ApiError::not_found("Offre introuvable ou non autorisée")
            }
            JobApplicationsError::Repo(e) => e.into(),
        }
    }
}
