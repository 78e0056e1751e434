//! Removing a company: the domain decides who is told, storage archives the jobs, detaches the
//! employers, marks the company removed and writes the notices and the audit row in one
//! transaction. No account is deleted and no application is lost.

use chrono::{DateTime, Utc};

use crate::ids::{ApplicationId, CompanyId, JobId, UserId};
use crate::job::JOB_REMOVED_TITLE;
use crate::notification::{NewNotification, NotificationKind};

/// `L'offre « {title} » a été retirée : l'entreprise n'est plus présente sur IntoWork.`
pub fn company_removed_message(title: &str) -> String {
    format!("L'offre « {title} » a été retirée : l'entreprise n'est plus présente sur IntoWork.")
}

/// An application to one of the company's jobs that are not archived yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyApplicant {
    pub job: JobId,
    pub job_title: String,
    pub application: ApplicationId,
    pub candidate: UserId,
}

/// Removing one company: a unit of work, committed in one transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyRemoval {
    pub company: CompanyId,
    /// The applications the decision was made from, ascending. The commit writes nothing and
    /// answers [`crate::ports::Commit::Stale`] when they are no longer exactly these.
    pub applications: Vec<ApplicationId>,
    /// One per application whose job gets archived, as when a recruiter removes a job (9.11).
    pub notifications: Vec<NewNotification>,
    pub at: DateTime<Utc>,
}

impl CompanyRemoval {
    pub fn decide(
        company: CompanyId,
        applicants: &[CompanyApplicant],
        at: DateTime<Utc>,
    ) -> CompanyRemoval {
        let mut applicants = applicants.to_vec();
        applicants.sort_by_key(|a| a.application);
        applicants.dedup_by_key(|a| a.application);
        CompanyRemoval {
            company,
            applications: applicants.iter().map(|a| a.application).collect(),
            notifications: applicants.iter().map(company_removed_notice).collect(),
            at,
        }
    }
}

/// The `system` notification a candidate gets when the company of a job they applied to is
/// removed: the job is archived, so it can name the job and the application.
pub fn company_removed_notice(a: &CompanyApplicant) -> NewNotification {
    NewNotification {
        user_id: a.candidate,
        kind: NotificationKind::System,
        title: JOB_REMOVED_TITLE.to_owned(),
        message: company_removed_message(&a.job_title),
        related_job_id: Some(a.job),
        related_application_id: Some(a.application),
    }
}

/// What the removal changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RemovedCompany {
    pub archived_jobs: i64,
    pub detached_employers: i64,
}
