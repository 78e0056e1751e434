//! Exhaustive mappings of the notification and dashboard use cases' errors (see `error/mod.rs` for the
//! rules; CONTRACT 3.8, 3.9).

use actix_web::http::StatusCode;
use intowork_domain::dashboard::DashboardError;
use intowork_domain::notification::NotificationError;

use super::api_error::ApiError;

impl From<NotificationError> for ApiError {
    fn from(e: NotificationError) -> Self {
        match e {
            NotificationError::NotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "notification_not_found",
                "Notification introuvable",
            ),
            NotificationError::Repo(e) => e.into(),
        }
    }
}

/// The reference turned these 404s into 500s with the exception text; the contract requires the
/// plain 404 (CONTRACT 3.9, 5.11).
impl From<DashboardError> for ApiError {
    fn from(e: DashboardError) -> Self {
        match e {
            DashboardError::EmployerNotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "employer_not_found",
                "Employeur non trouvé",
            ),
            DashboardError::CandidateNotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "candidate_not_found",
                "Candidat non trouvé",
            ),
            DashboardError::Repo(e) => e.into(),
        }
    }
}
