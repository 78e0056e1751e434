//! `GET /api/admin/mail`: the mail outbox for administrators (HEAD 10.13): what was queued, what
//! went out, what is retrying and why, and what failed. Admin-only (`RoleUser<AdminOnly>`); no
//! body is ever listed.

pub mod wire;

use actix_web::web;
use utoipa::OpenApi;

use self::wire::{OutboxMailList, OutboxQuery};
use crate::error::responses::{Invalid, NeedsRole};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{AdminOnly, RoleUser, ValidQuery};
use crate::resource;
use crate::state::AppState;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/admin/mail", get => list_mail));
}

#[derive(OpenApi)]
#[openapi(paths(list_mail))]
pub struct AdminMailApi;

/// Newest first; two statements whatever the page size.
#[utoipa::path(
    get,
    path = "/api/admin/mail",
    tag = "admin",
    security(("bearer" = [])),
    params(OutboxQuery),
    responses((status = 200, description = "Outbox mails, newest first, without their bodies", body = OutboxMailList), (status = 400, description = "`invalid_status`", body = ErrorBody), NeedsRole, Invalid)
)]
async fn list_mail(
    state: web::Data<AppState>,
    _admin: RoleUser<AdminOnly>,
    ValidQuery(q): ValidQuery<OutboxQuery>,
) -> Result<web::Json<OutboxMailList>, ApiError> {
    let paging = q.paging()?;
    let status = q.status()?;
    let page = state.mail.list(status, paging).await?;
    Ok(web::Json(OutboxMailList::new(page, paging)))
}
