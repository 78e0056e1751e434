//! The dashboard use cases: pick the variant by the stored role, fetch its facts in one repository
//! call, and build the texts.

use std::sync::Arc;

use derive_new::new;
use tracing::instrument;

use super::error::DashboardError;
use super::facts::EmployerDashboardFacts;
use super::figures::completion_score;
use super::funnel::{EmployerFunnel, TOP_JOBS, employer_funnel};
use super::port::DashboardRepository;
use super::texts::{
    activities, admin_dashboard, candidate_dashboard, employer_dashboard, employer_without_company,
};
use super::view::{Activity, Dashboard};
use crate::error::RepoError;
use crate::ids::UserId;
use crate::ports::Clock;
use crate::user::{Role, User};

#[derive(new)]
pub struct DashboardService {
    pub(super) repo: Arc<dyn DashboardRepository>,
    pub(super) clock: Arc<dyn Clock>,
}

impl DashboardService {
    /// `GET /api/dashboard`: admin, employer (with or without a company) or candidate.
    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn dashboard(&self, user: &User) -> Result<Dashboard, DashboardError> {
        match user.role {
            Role::Admin => Ok(admin_dashboard(user, self.repo.admin_counts().await?)),
            Role::Employer => match self.repo.employer_facts(user.id).await? {
                None => Err(DashboardError::EmployerNotFound),
                Some(EmployerDashboardFacts::NoCompany) => {
                    Ok(employer_without_company(user, self.clock.now()))
                }
                Some(EmployerDashboardFacts::WithCompany(facts)) => {
                    Ok(employer_dashboard(user, &facts, self.clock.now()))
                }
            },
            Role::Candidate => {
                let facts = self
                    .repo
                    .candidate_facts(user.id)
                    .await?
                    .ok_or(DashboardError::CandidateNotFound)?;
                Ok(candidate_dashboard(user, &facts, self.clock.now()))
            }
        }
    }

    /// `GET /api/dashboard/employer-funnel`: the employer's funnel from the status history
    /// (HEAD.md 10.10); empty without a company.
    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn employer_funnel(&self, user: UserId) -> Result<EmployerFunnel, RepoError> {
        Ok(match self.repo.funnel_facts(user, TOP_JOBS).await? {
            Some(facts) => employer_funnel(facts),
            None => EmployerFunnel::empty(),
        })
    }

    /// `GET /api/dashboard/activities`, for every role.
    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn activities(&self, user: &User) -> Result<Vec<Activity>, RepoError> {
        let completion = self
            .repo
            .profile_facts(user.id)
            .await?
            .map(|p| completion_score(user, &p));
        Ok(activities(user, completion))
    }
}

#[cfg(test)]
mod tests;
