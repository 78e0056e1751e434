//! `POST /api/admin/users` and `POST /api/admin/users/{user_id}/resend-credentials` (HEAD.md
//! 10.12): accounts created without a password, whose owners choose one through a mailed link.

use actix_web::{HttpResponse, web};
use intowork_domain::UserId;
use intowork_domain::admin::Actor;
use utoipa::OpenApi;

use super::account_wire::CreateUserRequest;
use super::wire::AdminUser;
use crate::error::responses::{Invalid, Limited, Missing, NeedsRole};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{AdminOnly, RoleUser, ValidJson};
use crate::resource;
use crate::state::AppState;
use crate::wire::MessageBody;

/// `POST /api/admin/users` shares its resource with the list (`admin::config`).
type Admin = RoleUser<AdminOnly>;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!(
        "/api/admin/users/{user_id}/resend-credentials",
        post => resend_credentials
    ));
}

#[derive(OpenApi)]
#[openapi(paths(create_user, resend_credentials))]
pub struct AdminAccountsApi;

/// The account exists once this answers 201, even when its mail could not be sent (logged; the
/// admin resends the link).
#[utoipa::path(
    post,
    path = "/api/admin/users",
    tag = "admin",
    security(("bearer" = [])),
    request_body = CreateUserRequest,
    responses((status = 201, description = "Created without a password; a link to choose one is queued for mailing", body = AdminUser), (status = 400, description = "`email_already_registered`, `invalid_role`, `company_name_required`", body = ErrorBody), NeedsRole, Invalid)
)]
pub(super) async fn create_user(
    state: web::Data<AppState>,
    admin: Admin,
    ValidJson(body): ValidJson<CreateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let cmd = body.into_command()?;
    let actor = Actor::Admin(admin.0);
    let user = state.invitations.invite(&actor, cmd).await?;
    Ok(HttpResponse::Created().json(AdminUser::from(user)))
}

#[utoipa::path(
    post,
    path = "/api/admin/users/{user_id}/resend-credentials",
    tag = "admin",
    security(("bearer" = [])),
    params(("user_id" = i64, Path, description = "User id")),
    responses((status = 200, description = "A fresh link to choose a password is queued for mailing; older links stop working", body = MessageBody), (status = 400, description = "`target_inactive`", body = ErrorBody), (status = 403, description = "`admin_target`", body = ErrorBody), NeedsRole, Missing, Invalid, Limited)
)]
async fn resend_credentials(
    state: web::Data<AppState>,
    admin: Admin,
    path: web::Path<i64>,
) -> Result<web::Json<MessageBody>, ApiError> {
    let actor = Actor::Admin(admin.0);
    let to = state
        .invitations
        .resend(&actor, UserId(path.into_inner()))
        .await?;
    Ok(web::Json(MessageBody::new(format!(
        "Lien pour choisir un mot de passe envoyé à {to}"
    ))))
}
