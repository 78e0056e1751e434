//! The job alert repository port.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::criteria::AlertCriteria;
use super::entity::{
    AlertChanges, AlertDelivery, AlertJob, AlertStats, DueAlert, JobAlert, JobAlertId, NewJobAlert,
};
use crate::error::RepoError;
use crate::ids::UserId;

/// Which alerts a delivery pass looks at: active ones whose owner is active, instant ones
/// always, daily and weekly ones last sent before these times (or never).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DueQuery {
    pub daily_sent_before: DateTime<Utc>,
    pub weekly_sent_before: DateTime<Utc>,
    /// Keyset paging by id.
    pub after: Option<JobAlertId>,
    pub limit: i64,
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait JobAlertRepository: Send + Sync {
    /// The owner's alerts, newest first, optionally only the active (or inactive) ones.
    async fn list(&self, owner: UserId, active: Option<bool>) -> Result<Vec<JobAlert>, RepoError>;

    /// `None` when it is not the owner's or does not exist.
    async fn get(&self, owner: UserId, id: JobAlertId) -> Result<Option<JobAlert>, RepoError>;

    async fn create(&self, alert: NewJobAlert) -> Result<JobAlert, RepoError>;

    /// `None` when it is not the owner's or does not exist.
    async fn update(
        &self,
        owner: UserId,
        id: JobAlertId,
        changes: AlertChanges,
        now: DateTime<Utc>,
    ) -> Result<Option<JobAlert>, RepoError>;

    /// Flips `is_active`; `None` when it is not the owner's.
    async fn toggle(
        &self,
        owner: UserId,
        id: JobAlertId,
        now: DateTime<Utc>,
    ) -> Result<Option<JobAlert>, RepoError>;

    /// `false` when it is not the owner's or does not exist.
    async fn delete(&self, owner: UserId, id: JobAlertId) -> Result<bool, RepoError>;

    async fn stats(&self, owner: UserId) -> Result<AlertStats, RepoError>;

    /// Published jobs of active employers matching `criteria`, newest first, at most `limit`
    /// (the public search's semantics: folded keywords, any of which may match).
    async fn matching_jobs(
        &self,
        criteria: AlertCriteria,
        limit: i64,
    ) -> Result<Vec<AlertJob>, RepoError>;

    /// Alerts a delivery pass should look at, by id (see [`DueQuery`]).
    async fn due(&self, query: DueQuery) -> Result<Vec<DueAlert>, RepoError>;

    /// Matching jobs published at or after `since` that this alert has never sent, oldest
    /// first, at most `limit`.
    async fn unsent_jobs(
        &self,
        alert: JobAlertId,
        criteria: AlertCriteria,
        since: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<AlertJob>, RepoError>;

    /// Writes a delivery (see [`AlertDelivery`]); `false`, and nothing written, when the alert
    /// was turned off, removed or delivered by someone else meanwhile.
    async fn record_delivery(&self, delivery: AlertDelivery) -> Result<bool, RepoError>;

    /// Turns an alert off whoever owns it (the signed unsubscribe link); `false` when it does not
    /// exist.
    async fn deactivate(&self, id: JobAlertId, now: DateTime<Utc>) -> Result<bool, RepoError>;
}
