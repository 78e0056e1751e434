//! `/api/admin/companies` (HEAD.md 10.12): the companies screen with its recruiters, the verified
//! badge, and removing a company (its jobs archived, its employers detached, no account deleted).

use actix_web::web;
use intowork_domain::CompanyId;
use intowork_domain::admin::Actor;
use utoipa::OpenApi;

use super::company_wire::{AdminCompany, CompaniesQuery, CompanyVerification, VerifyRequest};
use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing, NeedsRole};
use crate::extract::{AdminOnly, OptionalJson, RoleUser, ValidQuery};
use crate::resource;
use crate::state::AppState;
use crate::wire::{MessageBody, opt};

type Admin = RoleUser<AdminOnly>;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/admin/companies", get => list_companies))
        .service(resource!("/api/admin/companies/{company_id}", delete => delete_company))
        .service(resource!("/api/admin/companies/{company_id}/verify", patch => verify_company));
}

#[derive(OpenApi)]
#[openapi(paths(list_companies, delete_company, verify_company))]
pub struct AdminCompaniesApi;

#[utoipa::path(
    get,
    path = "/api/admin/companies",
    tag = "admin",
    security(("bearer" = [])),
    params(CompaniesQuery),
    responses((status = 200, description = "Companies by name, with their recruiters", body = Vec<AdminCompany>), NeedsRole, Invalid)
)]
async fn list_companies(
    state: web::Data<AppState>,
    _admin: Admin,
    ValidQuery(q): ValidQuery<CompaniesQuery>,
) -> Result<web::Json<Vec<AdminCompany>>, ApiError> {
    let list = state.company_admin.list(opt(q.search)).await?;
    Ok(web::Json(
        list.into_iter().map(AdminCompany::from).collect(),
    ))
}

#[utoipa::path(
    patch,
    path = "/api/admin/companies/{company_id}/verify",
    tag = "admin",
    security(("bearer" = [])),
    params(("company_id" = i64, Path, description = "Company id")),
    request_body(content = Option<VerifyRequest>, description = "Optional: without a body the badge flips"),
    responses((status = 200, description = "The badge", body = CompanyVerification), NeedsRole, Missing, Invalid)
)]
async fn verify_company(
    state: web::Data<AppState>,
    admin: Admin,
    path: web::Path<i64>,
    OptionalJson(body): OptionalJson<VerifyRequest>,
) -> Result<web::Json<CompanyVerification>, ApiError> {
    let actor = Actor::Admin(admin.0);
    let wanted = body.map(|b| b.is_verified);
    let company = CompanyId(path.into_inner());
    let badge = state.company_admin.verify(&actor, company, wanted).await?;
    Ok(web::Json(badge.into()))
}

#[utoipa::path(
    delete,
    path = "/api/admin/companies/{company_id}",
    tag = "admin",
    security(("bearer" = [])),
    params(("company_id" = i64, Path, description = "Company id")),
    responses((status = 200, description = "Removed: its jobs archived, its employers detached, no account deleted", body = MessageBody), NeedsRole, Missing, Invalid)
)]
async fn delete_company(
    state: web::Data<AppState>,
    admin: Admin,
    path: web::Path<i64>,
) -> Result<web::Json<MessageBody>, ApiError> {
    let actor = Actor::Admin(admin.0);
    let company = CompanyId(path.into_inner());
    let (company, removed) = state.company_admin.remove(&actor, company).await?;
    Ok(web::Json(MessageBody::new(format!(
        "Entreprise « {} » supprimée : {} offre(s) archivée(s), {} recruteur(s) détaché(s).",
        company.name, removed.archived_jobs, removed.detached_employers
    ))))
}
