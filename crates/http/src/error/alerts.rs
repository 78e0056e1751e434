//! Exhaustive mappings of the job alert and contact use cases' errors (HEAD 10.16, 10.17).

use actix_web::http::StatusCode;
use intowork_domain::contact::ContactError;
use intowork_domain::job_alert::{InvalidAlert, JobAlertError, UnsubscribeError};
use serde_json::json;

use super::api_error::ApiError;
use crate::validation::ValidationItem;

/// pydantic's shape: the field under `body` (criteria fields under `body.criteria`).
fn invalid(e: &InvalidAlert) -> ApiError {
    let loc = if e.field == "name" {
        vec![json!("body"), json!("name")]
    } else {
        vec![json!("body"), json!("criteria"), json!(e.field)]
    };
    ApiError::validation(vec![ValidationItem::new("value_error", loc, e.to_string())])
}

impl From<JobAlertError> for ApiError {
    fn from(e: JobAlertError) -> Self {
        match e {
            JobAlertError::NotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "job_alert_not_found",
                "Job alert not found",
            ),
            JobAlertError::Invalid(e) => invalid(&e),
            JobAlertError::Repo(e) => e.into(),
        }
    }
}

impl From<UnsubscribeError> for ApiError {
    fn from(e: UnsubscribeError) -> Self {
        match e {
            UnsubscribeError::InvalidLink => ApiError::bad_request(
                "invalid_unsubscribe_link",
                "Lien de désinscription invalide ou expiré",
            ),
            UnsubscribeError::Repo(e) => e.into(),
        }
    }
}

impl From<ContactError> for ApiError {
    fn from(e: ContactError) -> Self {
        match e {
            ContactError::Empty(field) => ApiError::validation(vec![ValidationItem::body_field(
                "string_too_short",
                field,
                "String should have at least 1 character",
            )]),
            ContactError::TooLong(field) => ApiError::validation(vec![ValidationItem::body_field(
                "string_too_long",
                field,
                "String is too long",
            )]),
            ContactError::Repo(e) => e.into(),
        }
    }
}
