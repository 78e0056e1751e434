//! Onboarding (`complete-registration`, 9.14): what the request carries and what it produced.

use super::employer::Employer;
use super::entity::Company;
use crate::ids::{CandidateId, UserId};
use crate::user::Role;

/// The candidate fields onboarding fills in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CandidateContact {
    pub phone: Option<String>,
    pub location: Option<String>,
    pub title: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CandidateContactProfile {
    pub id: CandidateId,
    pub user_id: UserId,
    pub contact: CandidateContact,
}

/// `POST /api/auth/complete-registration` (9.14). The texts are free; the company name is checked
/// only for employers, after their profile is found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompleteRegistrationCommand {
    /// The role the body names, if any: another than the account's is refused. A value that names
    /// no role can never be the account's, so the edge refuses it with the same error.
    pub role: Option<Role>,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub title: Option<String>,
    pub company_name: Option<String>,
    pub company_industry: Option<String>,
    pub position: Option<String>,
}

// Built once per onboarding request and returned straight away: boxing buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Registration {
    Candidate(CandidateContactProfile),
    Employer {
        employer: Employer,
        company: Option<Company>,
    },
    /// Admins have no profile to complete.
    Admin,
}
