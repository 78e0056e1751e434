//! The repository port of CV maintenance.

use std::collections::HashSet;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::error::RepoError;
use crate::ids::CvId;

/// An inactive CV that may go: every application that used it is final (rejected, accepted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PurgeableCv {
    pub id: CvId,
    pub storage_key: String,
    /// Final applications whose `cv_id` is (or would be) cleared.
    pub final_applications: i64,
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait CvMaintenanceRepository: Send + Sync {
    /// Inactive CVs last changed before `cutoff` that no application in a non-final status refers
    /// to, oldest first.
    async fn purgeable(&self, cutoff: DateTime<Utc>) -> Result<Vec<PurgeableCv>, RepoError>;

    /// In one transaction: re-checks each CV against the rule of [`Self::purgeable`], clears the
    /// `cv_id` of its final applications and deletes its row. CVs that stopped qualifying (an
    /// application moved back to a non-final status meanwhile) are left untouched. Returns the
    /// CVs deleted; their files are the caller's to remove, after the commit.
    async fn purge(
        &self,
        cutoff: DateTime<Utc>,
        ids: Vec<CvId>,
    ) -> Result<Vec<PurgeableCv>, RepoError>;

    /// Every storage key a CV row refers to, active or not.
    async fn referenced_keys(&self) -> Result<HashSet<String>, RepoError>;
}
