//! The body of job create and update (CONTRACT 3.6, 8.5, D2).

use intowork_domain::job::{self, CreateJobCommand, UpdateJobCommand};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::wire::{JobType, LocationType, present};

// The enums stay strings here: an unknown value gets its own 400 (`invalid_location_type`, then
// `invalid_job_type`, in the reference's order; see `JobRequest::kinds`), not a 422.
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

impl JobRequest {
    /// Exact API values only. The location type is reported first, as the reference does
    /// (CONTRACT 3.6).
    fn kinds(&self) -> Result<(job::LocationType, job::JobType), ApiError> {
        let location_type = job::LocationType::parse(&self.location_type).ok_or_else(|| {
            ApiError::bad_request(
                "invalid_location_type",
                format!("Type de lieu invalide: {}", self.location_type),
            )
        })?;
        let job_type = job::JobType::parse(&self.job_type).ok_or_else(|| {
            ApiError::bad_request(
                "invalid_job_type",
                format!("Type de contrat invalide: {}", self.job_type),
            )
        })?;
        Ok((location_type, job_type))
    }

    /// Create: an absent optional field and `null` are both "none".
    pub fn into_create(self) -> Result<CreateJobCommand, ApiError> {
        let (location_type, job_type) = self.kinds()?;
        Ok(CreateJobCommand {
            title: self.title,
            description: self.description,
            location: self.location.flatten(),
            location_type,
            job_type,
            salary_min: self.salary_min.flatten(),
            salary_max: self.salary_max.flatten(),
            currency: self.currency,
            requirements: self.requirements.flatten(),
            responsibilities: self.responsibilities.flatten(),
            benefits: self.benefits.flatten(),
        })
    }

    /// Update: an absent optional field keeps the stored value and `null` clears it (D2: the edit
    /// form omits the fields it does not show).
    pub fn into_update(self) -> Result<UpdateJobCommand, ApiError> {
        let (location_type, job_type) = self.kinds()?;
        Ok(UpdateJobCommand {
            title: self.title,
            description: self.description,
            location_type,
            job_type,
            currency: self.currency,
            location: self.location,
            salary_min: self.salary_min,
            salary_max: self.salary_max,
            requirements: self.requirements,
            responsibilities: self.responsibilities,
            benefits: self.benefits,
        })
    }
}
