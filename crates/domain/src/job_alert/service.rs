//! The candidate's own alerts: list, read, create, change, toggle, delete, preview, summary.

use std::sync::Arc;

use derive_new::new;
use tracing::instrument;

use super::criteria::{AlertCriteria, Frequency, check_name};
use super::entity::{AlertChanges, AlertJob, AlertStats, JobAlert, JobAlertId, NewJobAlert};
use super::error::JobAlertError;
use super::port::JobAlertRepository;
use crate::error::RepoError;
use crate::ids::UserId;
use crate::ports::Clock;

/// Largest preview.
pub const MAX_PREVIEW: i64 = 100;

#[derive(new)]
pub struct JobAlertService {
    repo: Arc<dyn JobAlertRepository>,
    clock: Arc<dyn Clock>,
}

impl JobAlertService {
    #[instrument(skip_all, fields(user_id = %owner))]
    pub async fn list(
        &self,
        owner: UserId,
        active: Option<bool>,
    ) -> Result<Vec<JobAlert>, RepoError> {
        self.repo.list(owner, active).await
    }

    #[instrument(skip_all, fields(user_id = %owner))]
    pub async fn get(&self, owner: UserId, id: JobAlertId) -> Result<JobAlert, JobAlertError> {
        self.repo
            .get(owner, id)
            .await?
            .ok_or(JobAlertError::NotFound)
    }

    #[instrument(skip_all, fields(user_id = %owner))]
    pub async fn create(
        &self,
        owner: UserId,
        name: &str,
        criteria: AlertCriteria,
        frequency: Frequency,
    ) -> Result<JobAlert, JobAlertError> {
        let alert = NewJobAlert {
            owner,
            name: check_name(name)?,
            criteria: criteria.checked()?,
            frequency,
            now: self.clock.now(),
        };
        Ok(self.repo.create(alert).await?)
    }

    #[instrument(skip_all, fields(user_id = %owner))]
    pub async fn update(
        &self,
        owner: UserId,
        id: JobAlertId,
        mut changes: AlertChanges,
    ) -> Result<JobAlert, JobAlertError> {
        changes.name = changes.name.as_deref().map(check_name).transpose()?;
        changes.criteria = changes.criteria.map(AlertCriteria::checked).transpose()?;
        self.repo
            .update(owner, id, changes, self.clock.now())
            .await?
            .ok_or(JobAlertError::NotFound)
    }

    #[instrument(skip_all, fields(user_id = %owner))]
    pub async fn toggle(&self, owner: UserId, id: JobAlertId) -> Result<JobAlert, JobAlertError> {
        self.repo
            .toggle(owner, id, self.clock.now())
            .await?
            .ok_or(JobAlertError::NotFound)
    }

    #[instrument(skip_all, fields(user_id = %owner))]
    pub async fn delete(&self, owner: UserId, id: JobAlertId) -> Result<(), JobAlertError> {
        let found = self.repo.delete(owner, id).await?;
        found.then_some(()).ok_or(JobAlertError::NotFound)
    }

    /// The published jobs the alert matches now, newest first, at most `limit` (1 to
    /// [`MAX_PREVIEW`]).
    #[instrument(skip_all, fields(user_id = %owner))]
    pub async fn preview(
        &self,
        owner: UserId,
        id: JobAlertId,
        limit: i64,
    ) -> Result<(JobAlert, Vec<AlertJob>), JobAlertError> {
        let alert = self.get(owner, id).await?;
        let jobs = self
            .repo
            .matching_jobs(alert.criteria.clone(), limit.clamp(1, MAX_PREVIEW))
            .await?;
        Ok((alert, jobs))
    }

    #[instrument(skip_all, fields(user_id = %owner))]
    pub async fn stats(&self, owner: UserId) -> Result<AlertStats, RepoError> {
        self.repo.stats(owner).await
    }
}
