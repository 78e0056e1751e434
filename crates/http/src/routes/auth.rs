//! `/api/auth`: sign-up, sign-in and the account routes (CONTRACT 3.2).

use actix_web::{HttpResponse, web};
use intowork_domain::auth::{Session, SignupCommand};
use intowork_domain::user::{Email, User};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::client_ip::ClientIp;
use crate::dto::Message;
use crate::error::ApiError;
use crate::extract::{AuthUser, ValidJson};
use crate::openapi::schemas as oa;
use crate::resource;
use crate::state::AppState;
use crate::validation::ValidationItem;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/auth/signup", post => signup))
        .service(resource!("/api/auth/signin", post => signin))
        .service(resource!("/api/auth/me", get => me))
        .service(resource!("/api/auth/change-password", post => change_password))
        .service(resource!("/api/auth/change-email", post => change_email))
        .service(resource!("/api/auth/delete-account", delete => delete_account));
}

/// Parses an `EmailStr` field: 422 `value_error` at `["body", field]` when malformed.
pub fn parse_email(raw: &str, field: &str) -> Result<Email, ApiError> {
    Email::parse(raw).map_err(|e| {
        ApiError::validation(vec![
            ValidationItem::body_field("value_error", field, e.to_string()).with_input(raw.into()),
        ])
    })
}

#[derive(Deserialize)]
struct SignupBody {
    email: String,
    password: String,
    first_name: String,
    last_name: String,
    role: String,
}

#[derive(Deserialize)]
struct SigninBody {
    email: String,
    password: String,
}

#[derive(Serialize)]
struct AuthUserDto<'a> {
    id: i64,
    email: &'a str,
    first_name: &'a str,
    last_name: &'a str,
    role: &'static str,
    /// Only the sign-in object carries `image` (CONTRACT 1.5).
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<Option<&'a str>>,
}

fn auth_response(session: &Session, with_image: bool) -> serde_json::Value {
    let u = &session.user;
    json!({
        "access_token": session.token.access_token,
        "token_type": "bearer",
        "user": AuthUserDto {
            id: u.id.get(),
            email: &u.email,
            first_name: &u.first_name,
            last_name: &u.last_name,
            role: u.role.as_str(),
            image: with_image.then_some(u.image.as_deref()),
        },
    })
}

#[utoipa::path(
    post,
    path = "/api/auth/signup",
    tag = "auth",
    request_body = oa::SignupRequest,
    responses((status = 201, description = "Account created and signed in (no `image` in `user`)", body = oa::AuthResponse), (status = 400, description = "`email_already_registered`, `invalid_role`, `password_too_short`, ...", body = oa::ErrorBody), oa::Invalid, oa::Limited)
)]
async fn signup(
    state: web::Data<AppState>,
    ip: ClientIp,
    ValidJson(body): ValidJson<SignupBody>,
) -> Result<HttpResponse, ApiError> {
    let email = parse_email(&body.email, "email")?;
    state.limits.signup(ip.as_str(), email.as_str()).await?;
    let cmd = SignupCommand {
        email,
        password: body.password,
        first_name: body.first_name,
        last_name: body.last_name,
        role: body.role,
    };
    let session = state.auth.signup(cmd).await?;
    Ok(HttpResponse::Created().json(auth_response(&session, false)))
}

#[utoipa::path(
    post,
    path = "/api/auth/signin",
    tag = "auth",
    request_body = oa::SigninRequest,
    responses((status = 200, description = "Signed in", body = oa::AuthResponse), (status = 401, description = "`invalid_credentials`", body = oa::ErrorBody), (status = 403, description = "`account_inactive`", body = oa::ErrorBody), oa::Invalid, oa::Limited)
)]
async fn signin(
    state: web::Data<AppState>,
    ip: ClientIp,
    ValidJson(body): ValidJson<SigninBody>,
) -> Result<HttpResponse, ApiError> {
    let email = parse_email(&body.email, "email")?;
    state.limits.signin(ip.as_str(), email.as_str()).await?;
    let session = state.auth.signin(&email, body.password).await?;
    Ok(HttpResponse::Ok().json(auth_response(&session, true)))
}

fn me_dto(u: &User) -> serde_json::Value {
    json!({
        "id": u.id.get(),
        "email": u.email,
        "first_name": u.first_name,
        "last_name": u.last_name,
        "name": u.name,
        "role": u.role.as_str(),
        "image": u.image,
        "is_active": u.is_active,
    })
}

#[utoipa::path(
    get,
    path = "/api/auth/me",
    tag = "auth",
    security(("bearer" = [])),
    responses((status = 200, description = "The signed-in user", body = oa::Me), oa::NeedsAuth)
)]
async fn me(AuthUser(user): AuthUser) -> HttpResponse {
    HttpResponse::Ok().json(me_dto(&user))
}

#[derive(Deserialize)]
struct ChangePasswordBody {
    current_password: String,
    new_password: String,
}

#[utoipa::path(
    post,
    path = "/api/auth/change-password",
    tag = "auth",
    security(("bearer" = [])),
    request_body = oa::ChangePasswordRequest,
    responses((status = 200, description = "Changed; older tokens are revoked", body = oa::PasswordChanged), oa::Rejected, oa::NeedsAuth, oa::Invalid)
)]
async fn change_password(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    ValidJson(body): ValidJson<ChangePasswordBody>,
) -> Result<HttpResponse, ApiError> {
    let session = state
        .auth
        .change_password(&user, body.current_password, body.new_password)
        .await?;
    // The fresh token is an extra key: older tokens, including the caller's, are now revoked.
    Ok(HttpResponse::Ok().json(json!({
        "message": "Password changed successfully",
        "access_token": session.token.access_token,
        "token_type": "bearer",
    })))
}

#[derive(Deserialize)]
struct ChangeEmailBody {
    new_email: String,
    password: String,
}

#[utoipa::path(
    post,
    path = "/api/auth/change-email",
    tag = "auth",
    security(("bearer" = [])),
    request_body = oa::ChangeEmailRequest,
    responses((status = 200, description = "Changed; older tokens are revoked", body = oa::EmailChanged), oa::Rejected, oa::NeedsAuth, oa::Invalid)
)]
async fn change_email(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    ValidJson(body): ValidJson<ChangeEmailBody>,
) -> Result<HttpResponse, ApiError> {
    let email = parse_email(&body.new_email, "new_email")?;
    let session = state.auth.change_email(&user, email, body.password).await?;
    Ok(HttpResponse::Ok().json(json!({
        "message": "Email changed successfully",
        "new_email": session.user.email,
        "access_token": session.token.access_token,
        "token_type": "bearer",
    })))
}

#[utoipa::path(
    delete,
    path = "/api/auth/delete-account",
    tag = "auth",
    security(("bearer" = [])),
    responses((status = 200, description = "Account deleted", body = oa::MessageBody), oa::Rejected, oa::NeedsAuth)
)]
async fn delete_account(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
) -> Result<HttpResponse, ApiError> {
    state.auth.delete_account(&user).await?;
    Ok(HttpResponse::Ok().json(Message {
        message: "Account deleted successfully",
    }))
}
