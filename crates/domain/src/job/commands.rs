//! What the job use cases receive: the client's filters and fields, the enums among them already
//! parsed by the caller.

use super::kinds::{JobStatus, JobType, LocationType};
use super::query::Paging;

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
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MyJobsSearch {
    pub paging: Paging,
    pub search: Option<String>,
    /// An unknown value is no filter, hence `None`.
    pub status: Option<JobStatus>,
}

/// Create: every field as sent. The caller parses the enums and reports a bad one only after
/// [`JobService::check_can_post`](super::JobService::check_can_post), as the reference does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateJobCommand {
    pub title: String,
    pub description: String,
    pub location: Option<String>,
    pub location_type: LocationType,
    pub job_type: JobType,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
    pub requirements: Option<String>,
    pub responsibilities: Option<String>,
    pub benefits: Option<String>,
}

/// Update: required fields as on create; for the optional ones `None` keeps the stored value and
/// `Some(None)` clears it (the frontend omits fields it does not edit, D2). The caller reports a
/// bad enum only after [`JobService::check_editable`](super::JobService::check_editable).
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
}
