//! What the admin's companies screen shows, and a company's verification.

use chrono::{DateTime, Utc};

use crate::ids::{CompanyId, UserId};

/// An employer attached to a company, with the contact details an admin needs to reach them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recruiter {
    pub user_id: UserId,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub position: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdminCompany {
    pub id: CompanyId,
    pub name: String,
    pub industry: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub is_verified: bool,
    /// Every job of the company, whatever its status.
    pub jobs_count: i64,
    pub employers_count: i64,
    /// Oldest employer row first.
    pub recruiters: Vec<Recruiter>,
    pub created_at: DateTime<Utc>,
}

/// A company's badge: `verified_at` is set exactly when `is_verified` is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyVerification {
    pub id: CompanyId,
    pub name: String,
    pub is_verified: bool,
    pub verified_at: Option<DateTime<Utc>>,
}
