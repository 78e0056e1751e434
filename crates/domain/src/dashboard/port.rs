//! The dashboard repository port.

use async_trait::async_trait;

use super::facts::{AdminCounts, CandidateFacts, EmployerDashboardFacts, ProfileFacts};
use super::funnel::FunnelFacts;
use crate::error::RepoError;
use crate::ids::UserId;

/// Each method runs a fixed number of statements whatever the data size: counts and EXISTS, never
/// rows loaded to be counted (CONTRACT 5.10).
#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait DashboardRepository: Send + Sync {
    async fn admin_counts(&self) -> Result<AdminCounts, RepoError>;

    /// `Ok(None)` when the user has no employer row.
    async fn employer_facts(
        &self,
        user: UserId,
    ) -> Result<Option<EmployerDashboardFacts>, RepoError>;

    /// `Ok(None)` when the user has no candidate row.
    async fn candidate_facts(&self, user: UserId) -> Result<Option<CandidateFacts>, RepoError>;

    /// `Ok(None)` when the user has no candidate row.
    async fn profile_facts(&self, user: UserId) -> Result<Option<ProfileFacts>, RepoError>;

    /// The funnel facts of the user's employer profile (the statuses each application ever had,
    /// from the history and its current status; the interview delays; the `top_jobs` jobs with
    /// the most applications). `Ok(None)` without an employer row or without a company.
    async fn funnel_facts(
        &self,
        user: UserId,
        top_jobs: i64,
    ) -> Result<Option<FunnelFacts>, RepoError>;
}
