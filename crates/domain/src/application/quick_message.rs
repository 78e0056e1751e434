//! The pipeline page's quick message (HEAD 10.15): the employer's own words to the candidate, in
//! a plain-text mail queued with the status change it may come with.

use tracing::{info, instrument};

use super::entity::{StatusChange, StatusUpdate};
use super::error::EmployerApplicationError;
use super::message::QuickMessage;
use super::notice;
use super::service::ApplicationService;
use super::status::ApplicationStatus;
use crate::ids::ApplicationId;
use crate::user::User;

/// What a quick message did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuickMessageSent {
    pub change: StatusChange,
    /// The mail was queued (delivered by the outbox worker, with retries).
    pub email_sent: bool,
}

impl ApplicationService {
    /// Moves the application to `status` as the status route does (history, notification) when
    /// it differs, and queues `message`, all in one transaction. The employer's message stands
    /// for the automatic template mail of that status (HEAD 10.14): one action, one mail.
    #[instrument(skip_all, fields(user_id = %sender.id, application_id = %id, status = status.as_str()))]
    pub async fn quick_message(
        &self,
        sender: &User,
        id: ApplicationId,
        status: ApplicationStatus,
        message: QuickMessage,
    ) -> Result<QuickMessageSent, EmployerApplicationError> {
        let owner = self.owned_application(sender.id, id).await?;
        let notification = notice::status_changed(&owner, id, status);
        let update = StatusUpdate::new(status, sender.id, self.clock.now(), None);
        let changed = self
            .apps
            .quick_message(id, update, notification, message)
            .await?
            .ok_or(EmployerApplicationError::NotFound)?;
        info!(changed, "quick message queued");
        Ok(QuickMessageSent {
            change: StatusChange { status, changed },
            email_sent: true,
        })
    }
}
