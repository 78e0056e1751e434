//! The query strings of the job lists (CONTRACT 3.6, 9.10; HEAD.md 10.3), documented by their own
//! fields.

use intowork_domain::job::{
    CodeFilters, JobStatus, JobType, LocationType, MyJobsSearch, PublicJobSearch,
};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::wire::{CodeText, ShortText, check_range, opt, paging, query_int};

/// The current frontend asks for up to 50; its backend allows 100 (HEAD.md 10.3).
const MAX_LIMIT: i64 = 100;
const DEFAULT_LIMIT: i64 = 10;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Page, ≥ 1 (default 1)
    #[serde(default, deserialize_with = "query_int")]
    page: Option<i64>,
    /// 1 to 100 (default 10)
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    /// Words in the title, description or company
    #[param(inline)]
    search: Option<ShortText>,
    /// Location contains
    #[param(inline)]
    location: Option<ShortText>,
    /// full_time, part_time, contract, temporary, internship
    #[param(inline)]
    job_type: Option<CodeText>,
    /// on_site, remote, hybrid
    #[param(inline)]
    location_type: Option<CodeText>,
    /// Minimum salary
    #[serde(default, deserialize_with = "query_int")]
    salary_min: Option<i32>,
    /// Country, the whole value ignoring ASCII case (e.g. `GA`)
    #[param(inline)]
    country: Option<CodeText>,
    /// Currency, likewise (e.g. `XAF`)
    #[param(inline)]
    currency: Option<CodeText>,
    /// Language, likewise (e.g. `fr`)
    #[param(inline)]
    language: Option<CodeText>,
}

impl ListQuery {
    /// Exact enum values; an unknown one is ignored: no filter, no error (CONTRACT 3.6).
    pub fn into_search(self) -> Result<PublicJobSearch, ApiError> {
        Ok(PublicJobSearch {
            paging: paging(self.page, self.limit, DEFAULT_LIMIT, MAX_LIMIT)?,
            search: opt(self.search),
            location: opt(self.location),
            job_type: self.job_type.as_deref().and_then(JobType::parse),
            location_type: self.location_type.as_deref().and_then(LocationType::parse),
            salary_min: self.salary_min,
            codes: codes(self.country, self.currency, self.language),
        })
    }
}

// The frontends also send `location`, `job_type` and `location_type` here; they are ignored.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MyJobsQuery {
    /// Page, ≥ 1
    #[serde(default, deserialize_with = "query_int")]
    page: Option<i64>,
    /// 1 to 100 (default 10)
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    /// Words in the title
    #[param(inline)]
    search: Option<ShortText>,
    /// draft, published, closed, archived
    #[param(inline)]
    status_filter: Option<CodeText>,
    /// Country, the whole value ignoring ASCII case (e.g. `GA`)
    #[param(inline)]
    country: Option<CodeText>,
    /// Currency, likewise (e.g. `XAF`)
    #[param(inline)]
    currency: Option<CodeText>,
    /// Language, likewise (e.g. `fr`)
    #[param(inline)]
    language: Option<CodeText>,
}

impl MyJobsQuery {
    /// An exact status value filters; an unknown one is ignored (CONTRACT 3.6).
    pub fn into_search(self) -> Result<MyJobsSearch, ApiError> {
        Ok(MyJobsSearch {
            paging: paging(self.page, self.limit, DEFAULT_LIMIT, MAX_LIMIT)?,
            search: opt(self.search),
            status: self.status_filter.as_deref().and_then(JobStatus::parse),
            codes: codes(self.country, self.currency, self.language),
        })
    }
}

/// The exact-value filters of both lists; an empty value is no filter.
fn codes(
    country: Option<CodeText>,
    currency: Option<CodeText>,
    language: Option<CodeText>,
) -> CodeFilters {
    CodeFilters {
        country: opt(country),
        currency: opt(currency),
        language: opt(language),
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecentQuery {
    /// 1 to 30 (default 7)
    #[serde(default, deserialize_with = "query_int")]
    days: Option<i64>,
}

impl RecentQuery {
    pub fn days(&self) -> Result<i64, ApiError> {
        check_range("days", self.days.unwrap_or(7), 1, Some(30))
    }
}
