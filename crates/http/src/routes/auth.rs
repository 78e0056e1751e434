//! `/api/auth`: sign-up, sign-in and the account routes (CONTRACT 3.2).

pub mod wire;

use actix_web::{HttpResponse, web};
use intowork_domain::auth::SignupCommand;
use utoipa::OpenApi;

use self::wire::{
    AuthResponse, ChangeEmailRequest, ChangePasswordRequest, EmailChanged, Me, PasswordChanged,
    SigninRequest, SignupRequest,
};
use crate::client_ip::ClientIp;
use crate::error::responses::{Invalid, Limited, NeedsAuth, Rejected};
use crate::error::{ApiError, ErrorBody, after_checks};
use crate::extract::{AuthUser, ValidJson};
use crate::resource;
use crate::state::AppState;
use crate::wire::{MessageBody, TokenType, parse_email};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/auth/signup", post => signup))
        .service(resource!("/api/auth/signin", post => signin))
        .service(resource!("/api/auth/me", get => me))
        .service(resource!("/api/auth/change-password", post => change_password))
        .service(resource!("/api/auth/change-email", post => change_email))
        .service(resource!("/api/auth/delete-account", delete => delete_account));
}

#[derive(OpenApi)]
#[openapi(paths(signup, signin, me, change_password, change_email, delete_account))]
pub struct AuthApi;

#[utoipa::path(
    post,
    path = "/api/auth/signup",
    tag = "auth",
    request_body = SignupRequest,
    responses((status = 201, description = "Account created and signed in (no `image` in `user`)", body = AuthResponse), (status = 400, description = "`email_already_registered`, `invalid_role`, `password_too_short`, ...", body = ErrorBody), Invalid, Limited)
)]
async fn signup(
    state: web::Data<AppState>,
    ip: ClientIp,
    ValidJson(body): ValidJson<SignupRequest>,
) -> Result<HttpResponse, ApiError> {
    let email = parse_email(&body.email, "email")?;
    state.limits.signup(ip.as_str(), email.as_str()).await?;
    // The reference reports a taken email before a bad role (CONTRACT 3.2 steps 1-2).
    let role = after_checks(body.role(), state.auth.check_email_free(&email)).await?;
    let cmd = SignupCommand {
        email,
        password: body.password.into_inner(),
        first_name: body.first_name.into_inner(),
        last_name: body.last_name.into_inner(),
        role,
    };
    let session = state.auth.signup(cmd).await?;
    Ok(HttpResponse::Created().json(AuthResponse::new(session, false)))
}

#[utoipa::path(
    post,
    path = "/api/auth/signin",
    tag = "auth",
    request_body = SigninRequest,
    responses((status = 200, description = "Signed in", body = AuthResponse), (status = 401, description = "`invalid_credentials`", body = ErrorBody), (status = 403, description = "`account_inactive`", body = ErrorBody), Invalid, Limited)
)]
async fn signin(
    state: web::Data<AppState>,
    ip: ClientIp,
    ValidJson(body): ValidJson<SigninRequest>,
) -> Result<web::Json<AuthResponse>, ApiError> {
    let email = parse_email(&body.email, "email")?;
    state.limits.signin(ip.as_str(), email.as_str()).await?;
    let session = state
        .auth
        .signin(&email, body.password.into_inner())
        .await?;
    Ok(web::Json(AuthResponse::new(session, true)))
}

#[utoipa::path(
    get,
    path = "/api/auth/me",
    tag = "auth",
    security(("bearer" = [])),
    responses((status = 200, description = "The signed-in user", body = Me), NeedsAuth)
)]
async fn me(AuthUser(user): AuthUser) -> web::Json<Me> {
    web::Json(user.into())
}

#[utoipa::path(
    post,
    path = "/api/auth/change-password",
    tag = "auth",
    security(("bearer" = [])),
    request_body = ChangePasswordRequest,
    responses((status = 200, description = "Changed; older tokens are revoked", body = PasswordChanged), Rejected, NeedsAuth, Invalid, Limited)
)]
async fn change_password(
    state: web::Data<AppState>,
    ip: ClientIp,
    AuthUser(user): AuthUser,
    ValidJson(body): ValidJson<ChangePasswordRequest>,
) -> Result<web::Json<PasswordChanged>, ApiError> {
    // Before the password check: a stolen token is no unlimited password oracle (9.2).
    state.limits.account_change(ip.as_str(), user.id).await?;
    let session = state
        .auth
        .change_password(
            &user,
            body.current_password.into_inner(),
            body.new_password.into_inner(),
        )
        .await?;
    // The fresh token is an extra key: older tokens, including the caller's, are now revoked.
    Ok(web::Json(PasswordChanged {
        message: "Password changed successfully",
        access_token: session.token.access_token,
        token_type: TokenType::Bearer,
    }))
}

#[utoipa::path(
    post,
    path = "/api/auth/change-email",
    tag = "auth",
    security(("bearer" = [])),
    request_body = ChangeEmailRequest,
    responses((status = 200, description = "Changed; older tokens stay valid (the frontend reloads with its token, CONTRACT 9.6), and outstanding password-reset links die", body = EmailChanged), Rejected, NeedsAuth, Invalid, Limited)
)]
async fn change_email(
    state: web::Data<AppState>,
    ip: ClientIp,
    AuthUser(user): AuthUser,
    ValidJson(body): ValidJson<ChangeEmailRequest>,
) -> Result<web::Json<EmailChanged>, ApiError> {
    let email = parse_email(&body.new_email, "new_email")?;
    state.limits.account_change(ip.as_str(), user.id).await?;
    let session = state
        .auth
        .change_email(&user, email, body.password.into_inner())
        .await?;
    Ok(web::Json(EmailChanged {
        message: "Email changed successfully",
        new_email: session.user.email,
        access_token: session.token.access_token,
        token_type: TokenType::Bearer,
    }))
}

#[utoipa::path(
    delete,
    path = "/api/auth/delete-account",
    tag = "auth",
    security(("bearer" = [])),
    responses((status = 200, description = "Account deleted", body = MessageBody), Rejected, NeedsAuth, Limited)
)]
async fn delete_account(
    state: web::Data<AppState>,
    ip: ClientIp,
    AuthUser(user): AuthUser,
) -> Result<web::Json<MessageBody>, ApiError> {
    state.limits.account_change(ip.as_str(), user.id).await?;
    state.auth.delete_account(&user).await?;
    Ok(web::Json(MessageBody::new("Account deleted successfully")))
}
