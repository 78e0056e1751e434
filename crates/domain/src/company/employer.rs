//! The employer profile: the user's role within one company.

use crate::ids::{CompanyId, EmployerId, UserId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Employer {
    pub id: EmployerId,
    pub user_id: UserId,
    pub company_id: Option<CompanyId>,
    pub position: Option<String>,
    pub department: Option<String>,
    pub phone: Option<String>,
    pub can_create_jobs: bool,
    pub can_manage_candidates: bool,
    pub is_admin: bool,
}

/// Employer fields to write; `None` keeps the stored value (the reference applies only non-null
/// values, so a field cannot be cleared through this route).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmployerUpdate {
    pub position: Option<String>,
    pub department: Option<String>,
    pub phone: Option<String>,
}

/// `PUT /api/employers/me`: `company_id` may only name the caller's current company (8.8).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmployerProfileCommand {
    pub company_id: Option<CompanyId>,
    pub fields: EmployerUpdate,
}
