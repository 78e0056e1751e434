//! `POST /api/auth/forgot-password` and `POST /api/auth/reset-password` (CONTRACT 4.1 call 3,
//! decisions 8.10, 9.7).

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use tracing::Instrument;

use crate::client_ip::ClientIp;
use crate::dto::Message;
use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::openapi::schemas as oa;
use crate::resource;
use crate::routes::auth::parse_email;
use crate::state::AppState;

/// The one answer to every well-formed forgot-password request, whether or not the address has an
/// account (no enumeration).
pub const FORGOT_PASSWORD_ANSWER: &str =
    "Si un compte existe pour cette adresse, un email de réinitialisation a été envoyé.";

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/auth/forgot-password", post => forgot_password))
        .service(resource!("/api/auth/reset-password", post => reset_password));
}

#[derive(Deserialize)]
struct ForgotBody {
    email: String,
}

/// Answers at once; the look-up, the token and the mail happen in a task of their own, so known
/// and unknown addresses take the same time and a slow mail server never holds the request.
#[utoipa::path(
    post,
    path = "/api/auth/forgot-password",
    tag = "password-reset",
    request_body = oa::ForgotPasswordRequest,
    responses((status = 200, description = "The same answer whether or not the address has an account", body = oa::MessageBody), oa::Invalid, oa::Limited)
)]
async fn forgot_password(
    state: web::Data<AppState>,
    ip: ClientIp,
    ValidJson(body): ValidJson<ForgotBody>,
) -> Result<HttpResponse, ApiError> {
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
            Err(e) => tracing::warn!(error = %e, "password reset mail not sent"),
        }
    };
    actix_web::rt::spawn(task.instrument(tracing::Span::current()));
    Ok(HttpResponse::Ok().json(Message {
        message: FORGOT_PASSWORD_ANSWER,
    }))
}

#[derive(Deserialize)]
struct ResetBody {
    token: String,
    #[serde(alias = "password")]
    new_password: String,
}

#[utoipa::path(
    post,
    path = "/api/auth/reset-password",
    tag = "password-reset",
    request_body = oa::ResetPasswordRequest,
    responses((status = 200, description = "Password reset", body = oa::MessageBody), (status = 400, description = "`invalid_reset_token` or a password rule", body = oa::ErrorBody), oa::Invalid, oa::Limited)
)]
async fn reset_password(
    state: web::Data<AppState>,
    ip: ClientIp,
    ValidJson(body): ValidJson<ResetBody>,
) -> Result<HttpResponse, ApiError> {
    state.limits.reset_password(ip.as_str()).await?;
    state
        .recovery
        .reset_password(&body.token, body.new_password)
        .await?;
    Ok(HttpResponse::Ok().json(Message {
        message: "Mot de passe réinitialisé avec succès",
    }))
}
