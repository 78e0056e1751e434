//! What the job use cases receive: the client's filters and fields as sent, and how the enum
//! values among them are checked.

use super::kinds::{JobType, LocationType};
use super::query::Paging;

/// Raw public-list filters as the client sent them; unknown enum values are ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicJobSearch {
    pub paging: Paging,
    pub search: Option<String>,
    pub location: Option<String>,
    pub job_type: Option<String>,
    pub location_type: Option<String>,
    /// `0` means no filter.
    pub salary_min: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MyJobsSearch {
    pub paging: Paging,
    pub search: Option<String>,
    /// An unknown value is ignored.
    pub status: Option<String>,
}

/// Create: every field as sent; the enums are checked here, in the reference's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateJobCommand {
    pub title: String,
    pub description: String,
    pub location: Option<String>,
    pub location_type: String,
    pub job_type: String,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub currency: String,
    pub requirements: Option<String>,
    pub responsibilities: Option<String>,
    pub benefits: Option<String>,
}

/// Update: required fields as on create; for the optional ones `None` keeps the stored value and
/// `Some(None)` clears it (the frontend omits fields it does not edit, D2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdateJobCommand {
    pub title: String,
    pub description: String,
    pub location_type: String,
    pub job_type: String,
    pub currency: String,
    pub location: Option<Option<String>>,
    pub salary_min: Option<Option<i32>>,
    pub salary_max: Option<Option<i32>>,
    pub requirements: Option<Option<String>>,
    pub responsibilities: Option<Option<String>>,
    pub benefits: Option<Option<String>>,
}

/// An enum value the client sent that is not one of ours.
pub(crate) enum BadEnum {
    Location(String),
    Job(String),
}

pub(crate) fn parse_enums(
    location_type: &str,
    job_type: &str,
) -> Result<(LocationType, JobType), BadEnum> {
    // Same order as the reference: the location type is reported first.
    let lt = LocationType::parse(location_type)
        .ok_or_else(|| BadEnum::Location(location_type.to_owned()))?;
    let jt = JobType::parse(job_type).ok_or_else(|| BadEnum::Job(job_type.to_owned()))?;
    Ok((lt, jt))
}
