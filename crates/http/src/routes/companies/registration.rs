//! Bodies of onboarding, `POST /api/auth/complete-registration` (CONTRACT 8.10, 9.14).

use intowork_domain::company::{
    self, CandidateContactProfile, CompleteRegistrationCommand, CompleteRegistrationError,
};
use intowork_domain::user;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::wire::Company;
use crate::error::ApiError;
use crate::routes::employers::wire::EmployerSummary;
use crate::wire::{PhoneText, Role, ShortText, opt};

#[derive(Deserialize, ToSchema)]
pub struct RegistrationRequest {
    #[schema(value_type = Option<Role>)]
    pub role: Option<String>,
    #[schema(inline)]
    pub phone: Option<PhoneText>,
    #[schema(inline)]
    pub location: Option<ShortText>,
    #[schema(inline)]
    pub title: Option<ShortText>,
    #[schema(inline)]
    pub company_name: Option<ShortText>,
    #[schema(inline)]
    pub company_industry: Option<ShortText>,
    #[schema(inline)]
    pub position: Option<ShortText>,
}

impl RegistrationRequest {
    /// A `role` that names no role cannot be the account's: it gets the mismatch's 400, which is
    /// the use case's first check anyway.
    pub fn into_command(self) -> Result<CompleteRegistrationCommand, ApiError> {
        let role = (self.role.as_deref())
            .map(|raw| user::Role::parse(raw).ok_or(CompleteRegistrationError::RoleMismatch))
            .transpose()?;
        Ok(CompleteRegistrationCommand {
            role,
            phone: opt(self.phone),
            location: opt(self.location),
            title: opt(self.title),
            company_name: opt(self.company_name),
            company_industry: opt(self.company_industry),
            position: opt(self.position),
        })
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationProfile {
    pub id: i64,
    pub user_id: i64,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub title: Option<String>,
}

impl From<CandidateContactProfile> for RegistrationProfile {
    fn from(p: CandidateContactProfile) -> Self {
        Self {
            id: p.id.get(),
            user_id: p.user_id.get(),
            phone: p.contact.phone,
            location: p.contact.location,
            title: p.contact.title,
        }
    }
}

/// `profile` for candidates; `employer` and `company` (null without one) for employers.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    pub message: &'static str,
    pub role: Role,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<RegistrationProfile>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer: Option<EmployerSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Company>)]
    pub company: Option<Option<Company>>,
}

impl Registration {
    /// The answer names the caller's stored role; the outcome says which profile was completed.
    pub fn new(role: Role, outcome: company::Registration) -> Self {
        let mut answer = Self {
            message: "Inscription complétée",
            role,
            profile: None,
            employer: None,
            company: None,
        };
        match outcome {
            company::Registration::Candidate(p) => answer.profile = Some(p.into()),
            company::Registration::Employer { employer, company } => {
                answer.employer = Some(employer.into());
                answer.company = Some(company.map(Company::from));
            }
            company::Registration::Admin => {}
        }
        answer
    }
}
