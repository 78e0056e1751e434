//! Onboarding (`complete-registration`, 9.14): what the request carries and what it produced.

use super::employer::Employer;
use super::entity::Company;
use crate::ids::{CandidateId, UserId};

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

/// `POST /api/auth/complete-registration` (9.14). Raw strings: the route checks nothing itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompleteRegistrationCommand {
    pub role: Option<String>,
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
