//! What the other side is told about an application, in the frontend's language (CONTRACT 3.7).

use super::entity::{ApplicationOwner, ApplyTarget};
use super::status::ApplicationStatus;
use crate::ids::{ApplicationId, JobId};
use crate::notification::{NewNotification, NotificationKind};
use crate::user::User;

/// The employer's notice of a new application from `candidate`. The repository links it to the
/// application it creates.
pub(super) fn application_received(
    candidate: &User,
    target: &ApplyTarget,
    job: JobId,
) -> NewNotification {
    NewNotification {
        user_id: target.employer_user_id,
        kind: NotificationKind::NewApplication,
        title: "📝 Nouvelle candidature reçue".into(),
        message: format!(
            "{} {} a postulé pour le poste de {}",
            candidate.first_name, candidate.last_name, target.title
        ),
        related_job_id: Some(job),
        related_application_id: None,
    }
}

/// The candidate's notice that their application moved to `status`.
pub(super) fn status_changed(
    owner: &ApplicationOwner,
    application: ApplicationId,
    status: ApplicationStatus,
) -> NewNotification {
    NewNotification {
        user_id: owner.candidate_user_id,
        kind: NotificationKind::StatusChange,
        title: status.notification_title().into(),
        message: format!(
            "Votre candidature pour le poste de {} a été mise à jour: {}",
            owner.job_title,
            status.as_str()
        ),
        related_job_id: Some(owner.job_id),
        related_application_id: Some(application),
    }
}
