//! Bodies of the back-office's company routes, in HEAD's shapes.

use chrono::{DateTime, Utc};
use intowork_domain::admin::companies::{self, Recruiter};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::wire::{ShortText, ser_opt_time, ser_time};

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminRecruiter {
    /// The recruiter's user id.
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub position: Option<String>,
}

impl From<Recruiter> for AdminRecruiter {
    fn from(r: Recruiter) -> Self {
        Self {
            id: r.user_id.get(),
            first_name: r.first_name,
            last_name: r.last_name,
            email: r.email,
            phone: r.phone,
            position: r.position,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminCompany {
    pub id: i64,
    pub name: String,
    pub industry: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub is_verified: bool,
    /// Every job of the company, whatever its status.
    pub jobs_count: i64,
    pub employers_count: i64,
    pub recruiters: Vec<AdminRecruiter>,
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
}

impl From<companies::AdminCompany> for AdminCompany {
    fn from(c: companies::AdminCompany) -> Self {
        Self {
            id: c.id.get(),
            name: c.name,
            industry: c.industry,
            city: c.city,
            country: c.country,
            is_verified: c.is_verified,
            jobs_count: c.jobs_count,
            employers_count: c.employers_count,
            recruiters: c.recruiters.into_iter().map(Into::into).collect(),
            created_at: c.created_at,
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompaniesQuery {
    /// Name contains (any letter case)
    #[param(inline)]
    pub search: Option<ShortText>,
}

/// The badge wanted. Without a body (as HEAD's own route, which takes none) the badge flips.
#[derive(Deserialize, ToSchema)]
pub struct VerifyRequest {
    pub is_verified: bool,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyVerification {
    pub id: i64,
    pub name: String,
    pub is_verified: bool,
    /// When it was verified; null when it is not.
    #[serde(serialize_with = "ser_opt_time")]
    pub verified_at: Option<DateTime<Utc>>,
}

impl From<companies::CompanyVerification> for CompanyVerification {
    fn from(v: companies::CompanyVerification) -> Self {
        Self {
            id: v.id.get(),
            name: v.name,
            is_verified: v.is_verified,
            verified_at: v.verified_at,
        }
    }
}
