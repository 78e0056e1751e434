//! Exhaustive mapping of the reports' errors (HEAD's texts).

use intowork_domain::reports::ReportError;

use super::api_error::ApiError;

impl From<ReportError> for ApiError {
    fn from(e: ReportError) -> Self {
        match e {
            ReportError::CandidateNotFound => ApiError::not_found("Profil candidat introuvable"),
            ReportError::EmployerNotFound => ApiError::not_found("Profil employeur introuvable"),
            ReportError::Render(e) => ApiError::internal(&e),
            ReportError::Repo(e) => e.into(),
        }
    }
}
