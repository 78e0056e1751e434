//! The pipeline page's quick message (HEAD 10.15): a status change and a plain-text mail to the
//! candidate, for the application's owner, rate-limited per employer.

use actix_web::web;
use intowork_domain::ApplicationId;
use intowork_domain::application::QuickMessage;
use intowork_domain::limits::UserAction;

use super::employer::Reviewer;
use super::employer_wire::{QuickMessageRequest, QuickMessageSent};
use crate::error::responses::{Invalid, Limited, Missing, NeedsRole, Rejected};
use crate::error::{ApiError, after_checks};
use crate::extract::{RoleUser, ValidJson};
use crate::state::AppState;

#[utoipa::path(
    post,
    path = "/api/applications/employer/applications/{application_id}/quick-message",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_id" = i64, Path, description = "Application id")),
    request_body = QuickMessageRequest,
    responses((status = 200, description = "Status applied (history and notification when it changed) and the mail queued; the message replaces the automatic template mail of that status", body = QuickMessageSent), Rejected, NeedsRole, Missing, Invalid, Limited)
)]
pub(super) async fn quick_message(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<QuickMessageRequest>,
) -> Result<web::Json<QuickMessageSent>, ApiError> {
    let id = ApplicationId(path.into_inner());
    let sender = user.user();
    state
        .limits
        .user_action(sender.id, UserAction::QuickMessage)
        .await?;
    // As the status route: employer, application and owner are checked before the body.
    let reviewable = state.applications.check_reviewable(sender.id, id);
    let status = after_checks(b.status(), reviewable).await?;
    let (subject, text) = b.texts()?;
    let message = QuickMessage::new(sender, subject, text);
    let sent = state
        .applications
        .quick_message(sender, id, status, message)
        .await?;
    Ok(web::Json(QuickMessageSent {
        message: if sent.change.changed {
            "Statut mis à jour et email envoyé"
        } else {
            "Email envoyé"
        },
        application_id: id.get(),
        new_status: sent.change.status.into(),
        email_sent: sent.email_sent,
    }))
}
