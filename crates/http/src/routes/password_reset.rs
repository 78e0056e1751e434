//! `POST /api/auth/forgot-password` and `POST /api/auth/reset-password` (CONTRACT 4.1 call 3,
//! decisions 8.10, 9.7).

pub mod wire;

use actix_web::web;
use tracing::Instrument;
use utoipa::OpenApi;

use self::wire::{ForgotPasswordRequest, ResetPasswordRequest};
use crate::client_ip::ClientIp;
use crate::error::responses::{Invalid, Limited};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ValidJson;
use crate::resource;
use crate::state::AppState;
use crate::wire::{MessageBody, parse_email};

/// The one answer to every well-formed forgot-password request, whether or not the address has an
/// account (no enumeration).
pub const FORGOT_PASSWORD_ANSWER: &str =
    "Si un compte existe pour cette adresse, un email de réinitialisation a été envoyé.";

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/auth/forgot-password", post => forgot_password))
        .service(resource!("/api/auth/reset-password", post => reset_password));
}

#[derive(OpenApi)]
#[openapi(paths(forgot_password, reset_password))]
pub struct PasswordResetApi;

/// Answers at once; the look-up, the token and its queued mail happen in a task of their own, so
/// known and unknown addresses take the same time. The outbox's worker sends the mail.
#[utoipa::path(
    post,
    path = "/api/auth/forgot-password",
    tag = "password-reset",
    request_body = ForgotPasswordRequest,
    responses((status = 200, description = "The same answer whether or not the address has an account", body = MessageBody), Invalid, Limited)
)]
async fn forgot_password(
    state: web::Data<AppState>,
    ip: ClientIp,
    ValidJson(body): ValidJson<ForgotPasswordRequest>,
) -> Result<web::Json<MessageBody>, ApiError> {
    let email = parse_email(&body.email, "email")?;
    // Counted for every address alike, so a 429 reveals nothing about accounts (9.2).
    state
        .limits
        .forgot_password(ip.as_str(), email.as_str())
        .await?;
    let recovery = state.recovery.clone();
    let task = async move {
        match recovery.send_reset_link(email.as_str()).await {
            Ok(outcome) => tracing::debug!(?outcome, "password reset request handled"),
            Err(e) => tracing::warn!(error = %e, "password reset link not queued"),
        }
    };
    actix_web::rt::spawn(task.instrument(tracing::Span::current()));
    Ok(web::Json(MessageBody::new(FORGOT_PASSWORD_ANSWER)))
}

#[utoipa::path(
    post,
    path = "/api/auth/reset-password",
    tag = "password-reset",
    request_body = ResetPasswordRequest,
    responses((status = 200, description = "Password reset", body = MessageBody), (status = 400, description = "`invalid_reset_token` or a password rule", body = ErrorBody), Invalid, Limited)
)]
async fn reset_password(
    state: web::Data<AppState>,
    ip: ClientIp,
    ValidJson(body): ValidJson<ResetPasswordRequest>,
) -> Result<web::Json<MessageBody>, ApiError> {
    state.limits.reset_password(ip.as_str()).await?;
    state
        .recovery
        .reset_password(&body.token, body.new_password.into_inner())
        .await?;
    Ok(web::Json(MessageBody::new(
        "Mot de passe réinitialisé avec succès",
    )))
}
