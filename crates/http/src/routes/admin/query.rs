//! The query strings of the admin user and job lists (CONTRACT 3.10, 5.10).

use intowork_domain::admin::{UserFilter, Window};
use intowork_domain::job::JobStatus;
use intowork_domain::user::Role;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::wire::{CodeText, ShortText, opt, query_bool, query_int, window};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UsersQuery {
    /// Rows to skip, ≥ 0 (default 0)
    #[serde(default, deserialize_with = "query_int")]
    skip: Option<i64>,
    /// 1 to 500 (default 50)
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    /// candidate, employer or admin
    #[param(inline)]
    role: Option<CodeText>,
    /// Active or not
    #[serde(default, deserialize_with = "query_bool")]
    is_active: Option<bool>,
    /// E-mail or name contains
    #[param(inline)]
    search: Option<ShortText>,
}

impl UsersQuery {
    pub fn window(&self) -> Result<Window, ApiError> {
        window(self.skip, self.limit)
    }

    /// An empty `role=` (a cleared select) is no filter, as in the reference; another unknown
    /// value is a 400.
    pub fn into_filter(self) -> Result<UserFilter, ApiError> {
        let role = match self
            .role
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            None => None,
            Some(raw) => Some(Role::parse(raw).ok_or_else(|| {
                ApiError::bad_request("invalid_role", format!("Invalid role: {raw}"))
            })?),
        };
        Ok(UserFilter {
            role,
            is_active: self.is_active,
            search: opt(self.search),
        })
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JobsQuery {
    /// Rows to skip, ≥ 0 (default 0)
    #[serde(default, deserialize_with = "query_int")]
    skip: Option<i64>,
    /// 1 to 500 (default 50)
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    /// draft, published, closed, archived
    #[param(inline)]
    status: Option<CodeText>,
}

impl JobsQuery {
    pub fn window(&self) -> Result<Window, ApiError> {
        window(self.skip, self.limit)
    }

    /// Lowercase values, any letter case accepted; an unknown value is no filter (CONTRACT 5.10).
    pub fn status(&self) -> Option<JobStatus> {
        let raw = self.status.as_deref()?;
        JobStatus::parse(&raw.trim().to_ascii_lowercase())
    }
}
