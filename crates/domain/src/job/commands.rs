//! What the job use cases receive: the client's filters and fields, the enums among them already
//! parsed by the caller.

use super::entity::JobFields;
use super::kinds::{JobStatus, JobType, LocationType};
use super::query::{CodeFilters, Paging};
use super::sections::JobSectionsPatch;

/// Public-list filters as the client sent them. The texts are raw (normalised here); an enum value
/// the caller could not parse is no filter (CONTRACT 3.6), hence `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicJobSearch {
    pub paging: Paging,
    pub search: Option<String>,
    pub location: Option<String>,
    pub job_type: Option<JobType>,
    pub location_type: Option<LocationType>,
    /// `0` means no filter.
    pub salary_min: Option<i32>,
    pub codes: CodeFilters,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MyJobsSearch {
    pub paging: Paging,
    pub search: Option<String>,
    /// An unknown value is no filter, hence `None`.
    pub status: Option<JobStatus>,
    pub codes: CodeFilters,
}

/// Create: every field as sent. The caller parses the enums and reports a bad one only after
/// [`JobService::check_can_post`](super::JobService::check_can_post), as the reference does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateJobCommand {
    pub fields: JobFields,
}

/// Update: required fields as on create; for the optional ones `None` keeps the stored value and
/// `Some(None)` clears it (the frontends omit fields they do not edit, D2; HEAD.md 10.3). The
/// caller reports a bad enum only after
/// [`JobService::check_editable`](super::JobService::check_editable).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdateJobCommand {
    pub title: String,
    pub description: String,
    pub location_type: LocationType,
    pub job_type: JobType,
    pub currency: String,
    pub location: Option<Option<String>>,
    pub salary_min: Option<Option<i32>>,
    pub salary_max: Option<Option<i32>>,
    pub requirements: Option<Option<String>>,
    pub responsibilities: Option<Option<String>>,
    pub benefits: Option<Option<String>>,
    pub sections: JobSectionsPatch,
    pub country: Option<Option<String>>,
    pub zone: Option<Option<String>>,
    pub language: Option<Option<String>>,
}

impl UpdateJobCommand {
    /// The job's fields after the update: the required ones replaced, each optional one kept
    /// when absent, cleared by `null`, else replaced.
    pub fn apply(self, old: JobFields) -> JobFields {
        JobFields {
            title: self.title,
            description: self.description,
            job_type: self.job_type,
            location_type: self.location_type,
            currency: self.currency,
            requirements: self.requirements.unwrap_or(old.requirements),
            responsibilities: self.responsibilities.unwrap_or(old.responsibilities),
            benefits: self.benefits.unwrap_or(old.benefits),
            location: self.location.unwrap_or(old.location),
            salary_min: self.salary_min.unwrap_or(old.salary_min),
            salary_max: self.salary_max.unwrap_or(old.salary_max),
            sections: old.sections.patched(self.sections),
            country: self.country.unwrap_or(old.country),
            zone: self.zone.unwrap_or(old.zone),
            language: self.language.unwrap_or(old.language),
        }
    }
}
