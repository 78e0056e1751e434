//! What the job lists ask for, and a page of the answer.

use super::kinds::{JobStatus, JobType, LocationType};
use super::summary::JobSummary;
use crate::ids::{EmployerId, UserId};

/// 1-based page and page size, already validated by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub page: i64,
    pub limit: i64,
}

impl Paging {
    pub fn offset(self) -> i64 {
        (self.page.max(1) - 1).saturating_mul(self.limit)
    }

    /// `ceil(total / limit)`, 0 when there is nothing.
    pub fn total_pages(self, total: i64) -> i64 {
        if self.limit <= 0 {
            0
        } else {
            (total + self.limit - 1) / self.limit
        }
    }
}

/// The public list: published jobs of active employers only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicJobQuery {
    pub paging: Paging,
    /// Normalised (see [`crate::search::normalize`]); matched as a substring of title,
    /// description or company name.
    pub text: Option<String>,
    /// Normalised; a substring of the location.
    pub location: Option<String>,
    pub job_type: Option<JobType>,
    pub location_type: Option<LocationType>,
    /// Keeps jobs whose `salary_min` is at least this; null salaries are then excluded.
    pub salary_min: Option<i32>,
    pub codes: CodeMatch,
    /// A signed-in candidate's user id, for `has_applied` (computed for the page only).
    pub viewer: Option<UserId>,
}

impl PublicJobQuery {
    /// The filters alone: what the total depends on (the page and the viewer do not change it).
    pub fn filter(&self) -> PublicJobFilter {
        PublicJobFilter {
            text: self.text.clone(),
            location: self.location.clone(),
            job_type: self.job_type,
            location_type: self.location_type,
            salary_min: self.salary_min,
            codes: self.codes.clone(),
        }
    }
}

/// The filters of the public list; the default is the whole list (every open job).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PublicJobFilter {
    pub text: Option<String>,
    pub location: Option<String>,
    pub job_type: Option<JobType>,
    pub location_type: Option<LocationType>,
    pub salary_min: Option<i32>,
    pub codes: CodeMatch,
}

/// Exact-value filters of both lists (HEAD.md 10.3), raw; an empty value is no filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeFilters {
    pub country: Option<String>,
    pub currency: Option<String>,
    pub language: Option<String>,
}

/// Country, currency and language filters, each matched whole against the stored value with
/// ASCII case folded on both sides (the values are codes such as `GA`, `XAF`, `fr`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CodeMatch {
    /// ASCII-lowercased; `None` is no filter.
    pub country: Option<String>,
    pub currency: Option<String>,
    pub language: Option<String>,
}

impl CodeMatch {
    /// An empty value is no filter, as for the other list filters.
    pub fn new(raw: CodeFilters) -> CodeMatch {
        let fold = |v: Option<String>| v.filter(|v| !v.is_empty()).map(|v| v.to_ascii_lowercase());
        CodeMatch {
            country: fold(raw.country),
            currency: fold(raw.currency),
            language: fold(raw.language),
        }
    }
}

/// An employer's own jobs, every status except archived unless asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployerJobQuery {
    pub employer: EmployerId,
    pub paging: Paging,
    /// Normalised; the title, the description or a section (not the company name).
    pub text: Option<String>,
    pub status: Option<JobStatus>,
    pub codes: CodeMatch,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
/// A page of a job list: its rows as the list shows them, and the list's total.
pub struct JobPage {
    pub items: Vec<JobSummary>,
    pub total: i64,
}
