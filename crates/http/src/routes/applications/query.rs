//! The query strings of the application lists (CONTRACT 3.7, 8.9 M10).

use intowork_domain::JobId;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::job::Paging;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::wire::{CodeText, paging, query_int};

// `?page=&limit=&status=` of the candidate's list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MineQuery {
    /// Page, ≥ 1 (default 1)
    #[serde(default, deserialize_with = "query_int")]
    page: Option<i64>,
    /// Page size
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    /// Filter by status
    #[param(inline)]
    status: Option<CodeText>,
}

impl MineQuery {
    pub fn paging(&self) -> Result<Paging, ApiError> {
        paging(self.page, self.limit, 10, 50)
    }

    pub fn status(&self) -> Option<ApplicationStatus> {
        status_filter(self.status.as_deref())
    }
}

// `?page=&limit=&status=&job_id=` of the employer's list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EmployerQuery {
    /// Page, ≥ 1 (default 1)
    #[serde(default, deserialize_with = "query_int")]
    page: Option<i64>,
    /// Page size
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    /// Filter by status
    #[param(inline)]
    status: Option<CodeText>,
    /// Filter by job
    #[serde(default, deserialize_with = "query_int")]
    job_id: Option<i64>,
}

impl EmployerQuery {
    pub fn paging(&self) -> Result<Paging, ApiError> {
        paging(self.page, self.limit, 20, 100)
    }

    pub fn status(&self) -> Option<ApplicationStatus> {
        status_filter(self.status.as_deref())
    }

    /// `job_id=0` is no filter, as in the reference.
    pub fn job(&self) -> Option<JobId> {
        self.job_id.filter(|id| *id != 0).map(JobId)
    }
}

/// List filters: the frontend's `pending` means `applied`; an unknown value means no filter
/// (CONTRACT 8.9 M10, 5.11).
fn status_filter(value: Option<&str>) -> Option<ApplicationStatus> {
    match value.map(str::trim) {
        Some("pending") => Some(ApplicationStatus::Applied),
        Some(v) => ApplicationStatus::parse(v),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_means_applied_and_unknown_values_filter_nothing() {
        assert_eq!(
            status_filter(Some(" pending ")),
            Some(ApplicationStatus::Applied)
        );
        assert_eq!(
            status_filter(Some("viewed")),
            Some(ApplicationStatus::Viewed)
        );
        assert_eq!(status_filter(Some("whatever")), None);
        assert_eq!(status_filter(None), None);
    }
}
