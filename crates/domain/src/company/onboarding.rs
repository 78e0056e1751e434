//! Onboarding (`POST /api/auth/complete-registration`, 9.14): the account's stored role decides
//! what is written.

use chrono::{DateTime, Utc};
use tracing::instrument;

use super::employer::EmployerUpdate;
use super::entity::{CompanyDetails, CompanyName, NewCompany};
use super::error::CompleteRegistrationError;
use super::registration::{CandidateContact, CompleteRegistrationCommand, Registration};
use super::service::CompanyService;
use crate::user::{Role, User};

impl CompanyService {
    /// Onboarding (9.14): the account's stored role decides what is written; a body `role` that
    /// names another role is refused.
    #[instrument(skip_all, fields(user_id = %user.id, role = user.role.as_str()))]
    pub async fn complete_registration(
        &self,
        user: &User,
        cmd: CompleteRegistrationCommand,
    ) -> Result<Registration, CompleteRegistrationError> {
        if cmd.role.is_some_and(|role| role != user.role) {
            return Err(CompleteRegistrationError::RoleMismatch);
        }
        let now = self.clock.now();
        match user.role {
            Role::Candidate => {
                let contact = CandidateContact {
                    phone: cmd.phone,
                    location: cmd.location,
                    title: cmd.title,
                };
                let profile = self
                    .repo
                    .update_candidate_contact(user.id, contact, now)
                    .await?
                    .ok_or(CompleteRegistrationError::ProfileNotFound)?;
                Ok(Registration::Candidate(profile))
            }
            Role::Employer => self.register_employer(user, cmd, now).await,
            Role::Admin => Ok(Registration::Admin),
        }
    }

    async fn register_employer(
        &self,
        user: &User,
        cmd: CompleteRegistrationCommand,
        now: DateTime<Utc>,
    ) -> Result<Registration, CompleteRegistrationError> {
        let employer = self
            .employer_or(user, CompleteRegistrationError::ProfileNotFound)
            .await?;
        // No company name: only the employer's own fields are written.
        let company = match cmd.company_name {
            Some(name) => Some(NewCompany {
                name: CompanyName::parse(name)
                    .map_err(|_| CompleteRegistrationError::EmptyCompanyName)?,
                details: CompanyDetails {
                    industry: cmd.company_industry,
                    ..CompanyDetails::default()
                },
            }),
            None => None,
        };
        let update = EmployerUpdate {
            position: cmd.position,
            department: None,
            phone: cmd.phone,
        };
        let (employer, company) = self
            .repo
            .register_employer(employer.id, update, company, now)
            .await?;
        // Without a new company, answer with the one already attached, if any.
        let company = match (company, employer.company_id) {
            (Some(c), _) => Some(c),
            (None, Some(id)) => self.repo.find_company(id).await?,
            (None, None) => None,
        };
        Ok(Registration::Employer { employer, company })
    }
}
