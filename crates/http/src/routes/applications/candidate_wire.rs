//! Bodies of the candidate's application routes (CONTRACT 3.7, 8.9 M12).

use chrono::{DateTime, Utc};
use intowork_domain::application;
use intowork_domain::job::Paging;
use intowork_domain::{CvId, JobId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::page::application_page;
use crate::wire::{ApplicationStatus, JobType, LocationType, LongText, ser_time};

/// The job as a candidate's application shows it; `{}` when the job is gone.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationJob {
    // Every key is left out when the job is gone; while it exists, the nullable ones are `null`
    // when unset (hence the `Option<Option<_>>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub location: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_type: Option<LocationType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_type: Option<JobType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<i32>)]
    pub salary_min: Option<Option<i32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<i32>)]
    pub salary_max: Option<Option<i32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

impl From<Option<application::ApplicationJob>> for ApplicationJob {
    fn from(job: Option<application::ApplicationJob>) -> Self {
        let Some(j) = job else {
            return Self {
                id: None,
                title: None,
                company_name: None,
                location: None,
                location_type: None,
                job_type: None,
                salary_min: None,
                salary_max: None,
                currency: None,
            };
        };
        Self {
            id: Some(j.id.get()),
            title: Some(j.title),
            company_name: Some(
                j.company_name
                    .unwrap_or_else(|| "Entreprise inconnue".to_owned()),
            ),
            location: Some(j.location),
            location_type: Some(j.location_type.into()),
            job_type: Some(j.job_type.into()),
            salary_min: Some(j.salary_min),
            salary_max: Some(j.salary_max),
            currency: Some(j.currency),
        }
    }
}

// The candidate's view: `notes` is always null there (CONTRACT A3, 8.9 M12).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CandidateApplication {
    pub id: i64,
    pub job_id: i64,
    pub candidate_id: i64,
    pub status: ApplicationStatus,
    #[serde(serialize_with = "ser_time")]
    pub applied_at: DateTime<Utc>,
    /// Always null for the candidate (employer notes are private).
    #[schema(value_type = Option<String>)]
    pub notes: (),
    pub job: ApplicationJob,
}

impl From<application::CandidateApplication> for CandidateApplication {
    fn from(a: application::CandidateApplication) -> Self {
        Self {
            id: a.id.get(),
            job_id: a.job_id.get(),
            candidate_id: a.candidate_id.get(),
            status: a.status.into(),
            applied_at: a.applied_at,
            notes: (),
            job: a.job.into(),
        }
    }
}

application_page!(CandidateApplicationPage of CandidateApplication);

// The current frontend's body (HEAD.md 10.5); the 0f11e72 one sends `job_id` and
// `cover_letter` only.
#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"job_id": 42, "cover_letter": "Bonjour", "cv_id": 7, "source_ref": "whatsapp"}))]
pub struct ApplyRequest {
    pub job_id: i64,
    #[serde(default)]
    #[schema(inline)]
    pub cover_letter: Option<LongText>,
    /// One of the caller's active CVs (`GET /api/candidates/cvs`), else 400 `invalid_cv`;
    /// absent or null: the newest active CV.
    #[serde(default)]
    pub cv_id: Option<i64>,
    /// The channel of the shared link (`?ref=`, e.g. `whatsapp`). Kept when it is a string of
    /// 1 to 100 of `A-Z a-z 0-9 _ -`; any other value is stored as null, never a reason to refuse
    /// the application (so any JSON value is accepted here, and nothing longer is stored).
    #[serde(default, deserialize_with = "any_string")]
    #[schema(value_type = Value)]
    pub source_ref: Option<String>,
}

impl ApplyRequest {
    pub fn into_domain(self) -> (JobId, application::ApplyRequest) {
        let request = application::ApplyRequest {
            cover_letter: crate::wire::opt(self.cover_letter),
            cv: self.cv_id.map(CvId),
            source_ref: self.source_ref,
        };
        (JobId(self.job_id), request)
    }
}

/// A string as is; any other JSON value as none, since a bad channel is dropped, never refused.
fn any_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => Some(s),
        _ => None,
    })
}
