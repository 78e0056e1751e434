//! The notifications candidates get when a job they applied to goes (CONTRACT 9.11). The texts are
//! the reference's.

use super::entity::Job;
use crate::ids::{ApplicationId, UserId};
use crate::notification::{NewNotification, NotificationKind};

/// Title of every notification about a removed job.
pub const JOB_REMOVED_TITLE: &str = "Offre retirée";

/// Message when the employer's account is deleted, and its jobs and their applications with it:
/// there is no job or application left to name.
pub const JOB_REMOVED_WITH_ACCOUNT_MESSAGE: &str =
    "Une offre à laquelle vous aviez postulé a été retirée.";

/// `L'offre « {title} » a été retirée par le recruteur.`
pub fn job_archived_message(title: &str) -> String {
    format!("L'offre « {title} » a été retirée par le recruteur.")
}

/// The `system` notification an applicant gets when the recruiter removes the job (it is then
/// archived, so it can name the job and the application).
pub fn job_archived_notice(
    job: &Job,
    application: ApplicationId,
    candidate: UserId,
) -> NewNotification {
    NewNotification {
        user_id: candidate,
        kind: NotificationKind::System,
        title: JOB_REMOVED_TITLE.to_owned(),
        message: job_archived_message(&job.fields.title),
        related_job_id: Some(job.id),
        related_application_id: Some(application),
    }
}

/// The `system` notification a candidate gets when the employer's account is deleted with the
/// job they applied to.
pub fn job_removed_with_account_notice(candidate: UserId) -> NewNotification {
    NewNotification {
        user_id: candidate,
        kind: NotificationKind::System,
        title: JOB_REMOVED_TITLE.to_owned(),
        message: JOB_REMOVED_WITH_ACCOUNT_MESSAGE.to_owned(),
        related_job_id: None,
        related_application_id: None,
    }
}
