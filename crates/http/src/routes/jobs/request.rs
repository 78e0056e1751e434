//! The body of job create and update (CONTRACT 3.6, 8.5, D2; HEAD.md 10.3).

use intowork_domain::job::{
    self, CreateJobCommand, JobFields, JobSections, JobSectionsPatch, UpdateJobCommand,
};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::wire::{CodeText, JobType, LocationType, LongText, ShortText, patch, present};

// The enums stay strings here: an unknown value gets its own 400 (`invalid_location_type`, then
// `invalid_job_type`, in the reference's order; see `JobRequest::kinds`), not a 422.
/// The body of `POST /api/jobs/create`; `PUT /api/jobs/{job_id}` takes the same fields, where an
/// absent optional field is left as is and `null` clears it.
#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"title": "Rust developer", "description": "Build the API",
    "location": "Lyon", "location_type": "hybrid", "job_type": "full_time",
    "salary_min": 40000, "salary_max": 50000, "currency": "EUR",
    "context": "A growing team", "mission_principale": "Own the API"}))]
pub struct JobRequest {
    #[schema(inline)]
    pub title: ShortText,
    #[schema(inline)]
    pub description: LongText,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub location: Option<Option<ShortText>>,
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
    #[schema(inline)]
    pub currency: CodeText,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub requirements: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub responsibilities: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub benefits: Option<Option<LongText>>,
    // The seven structured sections of the current job form.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub context: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub mission_principale: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub profil_formation: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub profil_experience: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub profil_competences: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub profil_posture: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub profil_autre: Option<Option<LongText>>,
    /// As sent; the current frontend sends ISO codes (`GA`, `SN`).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub country: Option<Option<ShortText>>,
    /// E.g. `CEMAC`, `UEMOA`.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub zone: Option<Option<ShortText>>,
    /// E.g. `fr`, `en`.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub language: Option<Option<ShortText>>,
}

impl JobRequest {
    /// The sections as sent: absent, null or a text each.
    fn sections(&mut self) -> JobSectionsPatch {
        JobSectionsPatch {
            context: patch(self.context.take()),
            mission_principale: patch(self.mission_principale.take()),
            profil_formation: patch(self.profil_formation.take()),
            profil_experience: patch(self.profil_experience.take()),
            profil_competences: patch(self.profil_competences.take()),
            profil_posture: patch(self.profil_posture.take()),
            profil_autre: patch(self.profil_autre.take()),
        }
    }

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
    pub fn into_create(mut self) -> Result<CreateJobCommand, ApiError> {
        let (location_type, job_type) = self.kinds()?;
        let sections = self.sections();
        let fields = JobFields {
            title: self.title.into_inner(),
            description: self.description.into_inner(),
            location: patch(self.location).flatten(),
            location_type,
            job_type,
            salary_min: self.salary_min.flatten(),
            salary_max: self.salary_max.flatten(),
            currency: self.currency.into_inner(),
            requirements: patch(self.requirements).flatten(),
            responsibilities: patch(self.responsibilities).flatten(),
            benefits: patch(self.benefits).flatten(),
            sections: JobSections::from_patch(sections),
            country: patch(self.country).flatten(),
            zone: patch(self.zone).flatten(),
            language: patch(self.language).flatten(),
        };
        Ok(CreateJobCommand { fields })
    }

    /// Update: an absent optional field keeps the stored value and `null` clears it (D2: the edit
    /// form omits the fields it does not show).
    pub fn into_update(mut self) -> Result<UpdateJobCommand, ApiError> {
        let (location_type, job_type) = self.kinds()?;
        let sections = self.sections();
        Ok(UpdateJobCommand {
            title: self.title.into_inner(),
            description: self.description.into_inner(),
            location_type,
            job_type,
            currency: self.currency.into_inner(),
            location: patch(self.location),
            salary_min: self.salary_min,
            salary_max: self.salary_max,
            requirements: patch(self.requirements),
            responsibilities: patch(self.responsibilities),
            benefits: patch(self.benefits),
            sections,
            country: patch(self.country),
            zone: patch(self.zone),
            language: patch(self.language),
        })
    }
}

/// `multipart/form-data` with the picture in the `image` part (PNG, JPEG or WebP, at most 5 MiB).
#[derive(Deserialize, ToSchema)]
pub struct JobImageForm {
    #[schema(value_type = String, format = Binary)]
    pub image: Vec<u8>,
}
