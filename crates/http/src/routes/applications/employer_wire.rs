//! Bodies of the employer's review routes (CONTRACT 3.7, 8.7).

use chrono::{DateTime, Utc};
use intowork_domain::application;
use intowork_domain::job::Paging;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::page::application_page;
use crate::error::ApiError;
use crate::validation::ValidationItem;
use crate::wire::{ApplicationStatus, LongText, Text, ser_time};

// The employer's view, with a signed, expiring link to the CV the application was made with.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmployerApplication {
    pub id: i64,
    pub job_id: i64,
    pub job_title: String,
    pub candidate_id: i64,
    pub candidate_name: String,
    pub candidate_email: String,
    pub candidate_phone: Option<String>,
    pub status: ApplicationStatus,
    #[serde(serialize_with = "ser_time")]
    pub applied_at: DateTime<Utc>,
    pub cover_letter: Option<String>,
    pub notes: Option<String>,
    /// An absolute, signed, expiring link to the CV the application was made with; a plain
    /// browser link, no token needed.
    pub cv_url: Option<String>,
}

impl EmployerApplication {
    pub fn new(a: application::EmployerApplication, cv_url: Option<String>) -> Self {
        Self {
            id: a.id.get(),
            job_id: a.job_id.get(),
            job_title: a.job_title,
            candidate_id: a.candidate_id.get(),
            candidate_name: format!("{} {}", a.candidate_first_name, a.candidate_last_name),
            candidate_email: a.candidate_email,
            candidate_phone: a.candidate_phone,
            status: a.status.into(),
            applied_at: a.applied_at,
            cover_letter: a.cover_letter,
            notes: a.notes,
            cv_url,
        }
    }
}

application_page!(EmployerApplicationPage of EmployerApplication);

// `status` stays a string: an unknown value is a 400 `invalid_status` (see `StatusRequest::status`),
// not a 422.
#[derive(Deserialize, ToSchema)]
pub struct StatusRequest {
    #[schema(value_type = ApplicationStatus)]
    pub status: String,
}

impl StatusRequest {
    /// Exact API values only: the frontend's `pending` is refused here (CONTRACT 3.7 step 5).
    pub fn status(&self) -> Result<application::ApplicationStatus, ApiError> {
        application::ApplicationStatus::parse(&self.status).ok_or_else(|| {
            ApiError::bad_request(
                "invalid_status",
                format!("Statut invalide: {}", self.status),
            )
        })
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusChanged {
    pub message: &'static str,
    pub application_id: i64,
    pub new_status: ApplicationStatus,
}

#[derive(Deserialize, ToSchema)]
pub struct NotesRequest {
    #[schema(inline)]
    pub notes: LongText,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotesSet {
    pub message: &'static str,
    pub application_id: i64,
    pub notes: String,
}

/// One channel's share in the sources widget.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceShare {
    /// The stored channel (`direct` when none was recorded).
    pub source: String,
    pub label: String,
    pub count: i64,
    /// Percentage of `total`, one decimal.
    pub pct: f64,
    /// The bar colour, `#rrggbb`.
    pub color: &'static str,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationSources {
    pub sources: Vec<SourceShare>,
    pub total: i64,
}

impl From<application::SourceBreakdown> for ApplicationSources {
    fn from(b: application::SourceBreakdown) -> Self {
        let sources = b
            .sources
            .into_iter()
            .map(|s| SourceShare {
                source: s.source,
                label: s.label,
                count: s.count,
                pct: s.pct,
                color: s.color,
            })
            .collect();
        Self {
            sources,
            total: b.total,
        }
    }
}

/// `POST …/{application_id}/quick-message`: what HEAD's `QuickMessageModal` sends. `message` is
/// plain text: sent as written, never as HTML.
#[derive(Deserialize, ToSchema)]
pub struct QuickMessageRequest {
    /// The status to apply (400 `invalid_status` otherwise); the same one changes nothing
    #[schema(value_type = ApplicationStatus)]
    pub status: String,
    #[schema(inline)]
    pub subject: Text<500>,
    // Plain text: sent as written, never as HTML (described on the struct, see `TemplateRequest`).
    #[schema(inline)]
    pub message: LongText,
}

impl QuickMessageRequest {
    pub fn status(&self) -> Result<application::ApplicationStatus, ApiError> {
        StatusRequest {
            status: self.status.clone(),
        }
        .status()
    }

    /// Subject and message must not be blank (422, as pydantic's `min_length`).
    pub fn texts(&self) -> Result<(&str, &str), ApiError> {
        for (field, value) in [("subject", &*self.subject), ("message", &*self.message)] {
            if value.trim().is_empty() {
                return Err(ApiError::validation(vec![
                    ValidationItem::body_field(
                        "string_too_short",
                        field,
                        "String should have at least 1 character",
                    )
                    .with_input(serde_json::Value::from(value))
                    .with_ctx(serde_json::json!({"min_length": 1})),
                ]));
            }
        }
        Ok((&self.subject, &self.message))
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuickMessageSent {
    pub message: &'static str,
    pub application_id: i64,
    pub new_status: ApplicationStatus,
    /// The mail was queued for delivery
    pub email_sent: bool,
}
