//! The dashboard use cases: pick the variant by the stored role, fetch its facts in one repository
//! call, and build the texts.

use std::sync::Arc;

use thiserror::Error;
use tracing::instrument;

use super::*;
use crate::ports::Clock;
use crate::user::Role;

#[derive(Debug, Error)]
pub enum DashboardError {
    /// An employer account without its employer row.
    #[error("employer profile not found")]
    EmployerNotFound,
    /// A candidate account without its candidate row.
    #[error("candidate profile not found")]
    CandidateNotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

pub struct DashboardService {
    repo: Arc<dyn DashboardRepository>,
    clock: Arc<dyn Clock>,
}

impl DashboardService {
    pub fn new(repo: Arc<dyn DashboardRepository>, clock: Arc<dyn Clock>) -> Self {
        Self { repo, clock }
    }

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
