//! `/api/email-templates` (HEAD 10.14, survey 1.10): each company's email templates, the built-in
//! library and the variables, for employers only; another company's template is not found. The
//! fixed paths (`variables`, `defaults`, `stats/usage`) are registered before `{template_id}`.

pub mod wire;

use actix_web::{HttpResponse, web};
use intowork_domain::email_template::TemplateId;
use intowork_domain::user::Role;
use serde::Deserialize;
use serde_json::Value;
use utoipa::{IntoParams, OpenApi};

use self::wire::{
    BuiltInTemplateOut, EmailTemplateOut, TemplatePatchRequest, TemplateRequest, TemplateUsage,
    TemplateVariables, parse_type,
};
use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing, NeedsRole, Rejected};
use crate::extract::{RoleUser, ValidJson, ValidQuery};
use crate::state::AppState;
use crate::wire::{CodeText, query_bool};
use crate::{resource, role_gate};

role_gate!(
    /// A company's email templates.
    TemplateEditor,
    Role::Employer,
    "Accès réservé aux employeurs"
);

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!(["/api/email-templates", "/api/email-templates/"], get => list, post => create))
        .service(resource!("/api/email-templates/variables", get => variables))
        .service(resource!("/api/email-templates/defaults", get => defaults))
        .service(resource!("/api/email-templates/defaults/{template_type}/activate", post => activate))
        .service(resource!("/api/email-templates/stats/usage", get => usage))
        .service(resource!("/api/email-templates/{template_id}/duplicate", post => duplicate))
        .service(resource!("/api/email-templates/{template_id}", get => get, patch => update, delete => delete));
}

#[derive(OpenApi)]
#[openapi(paths(
    list, create, variables, defaults, activate, usage, get, update, delete, duplicate
))]
pub struct EmailTemplatesApi;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only this type
    #[serde(rename = "type")]
    #[param(value_type = Option<String>, max_length = 50)]
    kind: Option<CodeText>,
    /// Only active (or inactive) ones
    #[serde(default, deserialize_with = "query_bool")]
    is_active: Option<bool>,
}

#[utoipa::path(
    get,
    path = "/api/email-templates",
    tag = "email-templates",
    security(("bearer" = [])),
    params(ListQuery),
    responses((status = 200, description = "The company's templates by type, defaults first (empty without a company)", body = Vec<EmailTemplateOut>), NeedsRole, Missing, Invalid)
)]
async fn list(
    state: web::Data<AppState>,
    user: RoleUser<TemplateEditor>,
    ValidQuery(q): ValidQuery<ListQuery>,
) -> Result<web::Json<Vec<EmailTemplateOut>>, ApiError> {
    let loc = || vec![Value::from("query"), Value::from("type")];
    let kind = q.kind.map(|k| parse_type(&k, loc())).transpose()?;
    let templates = state
        .email_templates
        .list(user.user().id, kind, q.is_active)
        .await?;
    Ok(web::Json(templates.into_iter().map(Into::into).collect()))
}

#[utoipa::path(
    post,
    path = "/api/email-templates",
    tag = "email-templates",
    security(("bearer" = [])),
    request_body = TemplateRequest,
    responses((status = 201, description = "Created (the previous default of its type, if it is the default, no longer is)", body = EmailTemplateOut), Rejected, NeedsRole, Missing, Invalid)
)]
async fn create(
    state: web::Data<AppState>,
    user: RoleUser<TemplateEditor>,
    ValidJson(b): ValidJson<TemplateRequest>,
) -> Result<HttpResponse, ApiError> {
    let draft = b.draft()?;
    let template = state.email_templates.create(user.user().id, draft).await?;
    Ok(HttpResponse::Created().json(EmailTemplateOut::from(template)))
}

#[utoipa::path(
    get,
    path = "/api/email-templates/variables",
    tag = "email-templates",
    security(("bearer" = [])),
    responses((status = 200, description = "The variables a template may use", body = TemplateVariables), NeedsRole)
)]
async fn variables(_user: RoleUser<TemplateEditor>) -> web::Json<TemplateVariables> {
    web::Json(TemplateVariables::all())
}

#[utoipa::path(
    get,
    path = "/api/email-templates/defaults",
    tag = "email-templates",
    security(("bearer" = [])),
    responses((status = 200, description = "IntoWork's built-in templates (French)", body = Vec<BuiltInTemplateOut>), NeedsRole, Missing)
)]
async fn defaults(
    state: web::Data<AppState>,
    user: RoleUser<TemplateEditor>,
) -> Result<web::Json<Vec<BuiltInTemplateOut>>, ApiError> {
    let defaults = state.email_templates.defaults(user.user().id).await?;
    Ok(web::Json(defaults.into_iter().map(Into::into).collect()))
}

#[utoipa::path(
    post,
    path = "/api/email-templates/defaults/{template_type}/activate",
    tag = "email-templates",
    security(("bearer" = [])),
    params(("template_type" = wire::TemplateType, Path, description = "A template type")),
    responses((status = 201, description = "The built-in template, copied as the company's default of its type", body = EmailTemplateOut), Rejected, NeedsRole, Missing, Invalid)
)]
async fn activate(
    state: web::Data<AppState>,
    user: RoleUser<TemplateEditor>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let loc = vec![Value::from("path"), Value::from("template_type")];
    let kind = parse_type(&path.into_inner(), loc)?;
    let template = state
        .email_templates
        .activate_default(user.user().id, kind)
        .await?;
    Ok(HttpResponse::Created().json(EmailTemplateOut::from(template)))
}

#[utoipa::path(
    get,
    path = "/api/email-templates/stats/usage",
    tag = "email-templates",
    security(("bearer" = [])),
    responses((status = 200, description = "The company's template figures", body = TemplateUsage), NeedsRole, Missing)
)]
async fn usage(
    state: web::Data<AppState>,
    user: RoleUser<TemplateEditor>,
) -> Result<web::Json<TemplateUsage>, ApiError> {
    let stats = state.email_templates.usage(user.user().id).await?;
    Ok(web::Json(stats.into()))
}

#[utoipa::path(
    get,
    path = "/api/email-templates/{template_id}",
    tag = "email-templates",
    security(("bearer" = [])),
    params(("template_id" = i64, Path, description = "Template id")),
    responses((status = 200, description = "The template", body = EmailTemplateOut), NeedsRole, Missing, Invalid)
)]
async fn get(
    state: web::Data<AppState>,
    user: RoleUser<TemplateEditor>,
    path: web::Path<i64>,
) -> Result<web::Json<EmailTemplateOut>, ApiError> {
    let id = TemplateId(path.into_inner());
    let template = state.email_templates.get(user.user().id, id).await?;
    Ok(web::Json(template.into()))
}

#[utoipa::path(
    patch,
    path = "/api/email-templates/{template_id}",
    tag = "email-templates",
    security(("bearer" = [])),
    params(("template_id" = i64, Path, description = "Template id")),
    request_body = TemplatePatchRequest,
    responses((status = 200, description = "Updated", body = EmailTemplateOut), Rejected, NeedsRole, Missing, Invalid)
)]
async fn update(
    state: web::Data<AppState>,
    user: RoleUser<TemplateEditor>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<TemplatePatchRequest>,
) -> Result<web::Json<EmailTemplateOut>, ApiError> {
    let id = TemplateId(path.into_inner());
    let patch = b.patch()?;
    let template = state
        .email_templates
        .update(user.user().id, id, patch)
        .await?;
    Ok(web::Json(template.into()))
}

#[utoipa::path(
    delete,
    path = "/api/email-templates/{template_id}",
    tag = "email-templates",
    security(("bearer" = [])),
    params(("template_id" = i64, Path, description = "Template id")),
    responses((status = 204, description = "Deleted"), NeedsRole, Missing, Invalid)
)]
async fn delete(
    state: web::Data<AppState>,
    user: RoleUser<TemplateEditor>,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = TemplateId(path.into_inner());
    state.email_templates.delete(user.user().id, id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    post,
    path = "/api/email-templates/{template_id}/duplicate",
    tag = "email-templates",
    security(("bearer" = [])),
    params(("template_id" = i64, Path, description = "Template id")),
    responses((status = 200, description = "The copy, `… (Copie)`, never the default", body = EmailTemplateOut), NeedsRole, Missing, Invalid)
)]
async fn duplicate(
    state: web::Data<AppState>,
    user: RoleUser<TemplateEditor>,
    path: web::Path<i64>,
) -> Result<web::Json<EmailTemplateOut>, ApiError> {
    let id = TemplateId(path.into_inner());
    let copy = state.email_templates.duplicate(user.user().id, id).await?;
    Ok(web::Json(copy.into()))
}
