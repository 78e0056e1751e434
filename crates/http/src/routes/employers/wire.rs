//! Bodies of the employer profile routes (CONTRACT 3.4, 8.8).

use intowork_domain::CompanyId;
use intowork_domain::company::{self, EmployerProfileCommand, EmployerUpdate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::wire::{PhoneText, ShortText, opt};

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Employer {
    pub id: i64,
    pub user_id: i64,
    pub company_id: Option<i64>,
    pub position: Option<String>,
    pub department: Option<String>,
    pub phone: Option<String>,
    pub can_create_jobs: bool,
    pub can_manage_candidates: bool,
    pub is_admin: bool,
}

impl From<company::Employer> for Employer {
    fn from(e: company::Employer) -> Self {
        Self {
            id: e.id.get(),
            user_id: e.user_id.get(),
            company_id: e.company_id.map(CompanyId::get),
            position: e.position,
            department: e.department,
            phone: e.phone,
            can_create_jobs: e.can_create_jobs,
            can_manage_candidates: e.can_manage_candidates,
            is_admin: e.is_admin,
        }
    }
}

// The short form used by the update answer (and onboarding).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmployerSummary {
    pub id: i64,
    pub company_id: Option<i64>,
    pub position: Option<String>,
    pub department: Option<String>,
    pub phone: Option<String>,
}

impl From<company::Employer> for EmployerSummary {
    fn from(e: company::Employer) -> Self {
        Self {
            id: e.id.get(),
            company_id: e.company_id.map(CompanyId::get),
            position: e.position,
            department: e.department,
            phone: e.phone,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmployerUpdated {
    pub message: &'static str,
    pub employer: EmployerSummary,
}

// `employer_type` is accepted and ignored, like any unknown key.
/// Every field optional; `null` leaves it as is.
#[derive(Deserialize, ToSchema)]
pub struct EmployerRequest {
    pub company_id: Option<i64>,
    #[schema(inline)]
    pub position: Option<ShortText>,
    #[schema(inline)]
    pub department: Option<ShortText>,
    #[schema(inline)]
    pub phone: Option<PhoneText>,
}

impl From<EmployerRequest> for EmployerProfileCommand {
    fn from(b: EmployerRequest) -> Self {
        EmployerProfileCommand {
            company_id: b.company_id.map(CompanyId),
            fields: EmployerUpdate {
                position: opt(b.position),
                department: opt(b.department),
                phone: opt(b.phone),
            },
        }
    }
}
