//! Deleting an account (CONTRACT 2.15, 9.11): the domain decides who is told, storage deletes the
//! account with everything attached and writes those notices in one transaction.

use chrono::{DateTime, Utc};

use crate::ids::UserId;
use crate::job::job_removed_with_account_notice;
use crate::notification::NewNotification;

/// Deleting one account: a unit of work, committed in one transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRemoval {
    pub user: UserId,
    /// The candidates who lose an application with the account (they applied to its jobs), as
    /// read when deciding, ascending. The commit writes nothing and answers
    /// [`super::Commit::Stale`] when they are no longer exactly these.
    pub applicants: Vec<UserId>,
    /// Written in the same transaction as the deletion.
    pub notifications: Vec<NewNotification>,
    pub at: DateTime<Utc>,
}

impl AccountRemoval {
    /// Deleting `user`'s account: each candidate who loses an application with it is told once,
    /// whatever the number of their applications (9.11).
    pub fn decide(user: UserId, applicants: &[UserId], at: DateTime<Utc>) -> AccountRemoval {
        let mut applicants = applicants.to_vec();
        applicants.sort();
        applicants.dedup();
        AccountRemoval {
            user,
            notifications: applicants
                .iter()
                .map(|c| job_removed_with_account_notice(*c))
                .collect(),
            applicants,
            at,
        }
    }
}

/// What deleting a user removed, for the clean-up that must happen after the commit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeletedUser {
    /// Storage keys of the CV files whose rows were deleted; the caller removes the files.
    pub cv_keys: Vec<String>,
    /// Storage keys of the pictures of the jobs deleted with the account, and of its CV builder
    /// photo; removed likewise.
    pub image_keys: Vec<String>,
}

impl DeletedUser {
    /// Every stored object the deleted rows named: the CVs, then the job pictures.
    pub fn file_keys(&self) -> Vec<String> {
        self.cv_keys
            .iter()
            .chain(&self.image_keys)
            .cloned()
            .collect()
    }
}
