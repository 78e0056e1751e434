//! Removing a job (decision 8.6): the domain decides, from the job's applications, whether the row
//! is deleted or the job archived with a notice to each applicant, and hands storage that decision
//! as one unit of work.

use chrono::{DateTime, Utc};

use super::entity::Job;
use super::notices::job_archived_notice;
use crate::ids::{ApplicationId, JobId, UserId};
use crate::notification::NewNotification;

/// An application to a job, and the user id of the candidate who made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JobApplicant {
    pub application: ApplicationId,
    pub user: UserId,
}

/// Archiving a job with applications: one unit of work, committed in one transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveJob {
    pub job: JobId,
    /// The job's applications the decision was made from, ascending. The commit writes nothing
    /// and answers [`crate::ports::Commit::Stale`] when they are no longer exactly these.
    pub applications: Vec<ApplicationId>,
    /// One per applicant, written with the status change.
    pub notifications: Vec<NewNotification>,
    pub at: DateTime<Utc>,
}

/// What removing a job does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobRemovalPlan {
    /// Nobody applied: the row is deleted.
    Delete(JobId),
    /// Candidates applied: their applications stay, attached to an archived job, and each is told.
    Archive(ArchiveJob),
}

impl JobRemovalPlan {
    /// Decides from the job's current applications (8.6, 9.11).
    pub fn decide(job: &Job, applicants: &[JobApplicant], at: DateTime<Utc>) -> JobRemovalPlan {
        if applicants.is_empty() {
            return JobRemovalPlan::Delete(job.id);
        }
        let mut applicants = applicants.to_vec();
        applicants.sort_by_key(|a| a.application);
        JobRemovalPlan::Archive(ArchiveJob {
            job: job.id,
            applications: applicants.iter().map(|a| a.application).collect(),
            notifications: applicants
                .iter()
                .map(|a| job_archived_notice(job, a.application, a.user))
                .collect(),
            at,
        })
    }

    /// What the plan did once committed.
    pub fn outcome(&self) -> JobRemoval {
        match self {
            JobRemovalPlan::Delete(_) => JobRemoval::Deleted,
            JobRemovalPlan::Archive(work) => JobRemoval::Archived {
                notified: work
                    .notifications
                    .iter()
                    .zip(&work.applications)
                    .map(|(n, a)| (n.user_id, *a))
                    .collect(),
            },
        }
    }
}

/// What removing a job did (8.6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobRemoval {
    /// No applications: the row is gone.
    Deleted,
    /// Applications exist: the job is archived and each applicant was notified.
    Archived {
        notified: Vec<(UserId, ApplicationId)>,
    },
}
