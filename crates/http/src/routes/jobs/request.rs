//! The body of job create and update (CONTRACT 3.6, 8.5, D2).

use intowork_domain::job::{CreateJobCommand, UpdateJobCommand};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::wire::{JobType, LocationType, present};

// The enums stay strings here: the domain answers an unknown value with its own 400
// (`invalid_job_type`, `invalid_location_type`), in the reference's order, not with a 422.
/// The body of `POST /api/jobs/create`; `PUT /api/jobs/{job_id}` takes the same fields, where an
/// absent optional field is left as is and `null` clears it.
#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"title": "Rust developer", "description": "Build the API",
    "location": "Lyon", "location_type": "hybrid", "job_type": "full_time",
    "salary_min": 40000, "salary_max": 50000, "currency": "EUR"}))]
pub struct JobRequest {
    pub title: String,
    pub description: String,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub location: Option<Option<String>>,
    #[schema(value_type = LocationType)]
    pub location_type: String,
    #[schema(value_type = JobType)]
    pub job_type: String,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i32>)]
    pub salary_min: Option<Option<i32>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i32>)]
    pub salary_max: Option<Option<i32>>,
    pub currency: String,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub requirements: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub responsibilities: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub benefits: Option<Option<String>>,
}

/// Create: an absent optional field and `null` are both "none".
impl From<JobRequest> for CreateJobCommand {
    fn from(b: JobRequest) -> Self {
        CreateJobCommand {
            title: b.title,
            description: b.description,
            location: b.location.flatten(),
            location_type: b.location_type,
            job_type: b.job_type,
            salary_min: b.salary_min.flatten(),
            salary_max: b.salary_max.flatten(),
            currency: b.currency,
            requirements: b.requirements.flatten(),
            responsibilities: b.responsibilities.flatten(),
            benefits: b.benefits.flatten(),
        }
    }
}

/// Update: an absent optional field keeps the stored value and `null` clears it (D2: the edit
/// form omits the fields it does not show).
impl From<JobRequest> for UpdateJobCommand {
    fn from(b: JobRequest) -> Self {
        UpdateJobCommand {
            title: b.title,
            description: b.description,
            location_type: b.location_type,
            job_type: b.job_type,
            currency: b.currency,
            location: b.location,
            salary_min: b.salary_min,
            salary_max: b.salary_max,
            requirements: b.requirements,
            responsibilities: b.responsibilities,
            benefits: b.benefits,
        }
    }
}
