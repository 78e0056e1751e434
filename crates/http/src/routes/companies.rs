//! `/api/companies` (CONTRACT 3.5, 8.8, 9.15) and onboarding, `POST /api/auth/complete-registration`
//! (8.10, 9.14), which creates the employer's company. Every companies route is employer-only.

pub mod registration;
pub mod wire;

use actix_web::{HttpRequest, HttpResponse, web};
use intowork_domain::image::IMAGE_MAX_BYTES;
use intowork_domain::user::Role;
use utoipa::OpenApi;

use self::registration::{Registration, RegistrationRequest};
use self::wire::{Company, CompanyRequest, CompanyStats, LogoForm, LogoUploaded};
use crate::error::ApiError;
use crate::error::responses::{
    ImageUploadErrors, Invalid, Limited, Missing, NeedsAuth, NeedsRole, Rejected,
};
use crate::extract::{AuthUser, PublicBase, RoleUser, ValidJson, read_file_part, within_deadline};
use crate::state::{AppState, HttpSettings};
use crate::{resource, role_gate};

role_gate!(
    /// Every `/api/companies` route.
    EmployerOnly,
    Role::Employer,
    "Accès réservé aux employeurs"
);

type Employer = RoleUser<EmployerOnly>;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!(["/api/companies", "/api/companies/"], post => create))
        .service(
            resource!("/api/companies/my-company", get => my_company, put => update_my_company),
        )
        .service(resource!("/api/companies/my-company/stats", get => stats))
        .service(resource!("/api/companies/my-company/logo", post => upload_logo))
        .service(resource!("/api/auth/complete-registration", post => complete_registration));
}

#[derive(OpenApi)]
#[openapi(paths(
    create,
    my_company,
    update_my_company,
    stats,
    upload_logo,
    complete_registration
))]
pub struct CompaniesApi;

#[utoipa::path(
    post,
    path = "/api/companies",
    tag = "companies",
    security(("bearer" = [])),
    request_body = CompanyRequest,
    responses((status = 201, description = "Created", body = Company), Rejected, NeedsRole, Invalid)
)]
async fn create(
    state: web::Data<AppState>,
    employer: Employer,
    ValidJson(b): ValidJson<CompanyRequest>,
) -> Result<HttpResponse, ApiError> {
    let new = b.into_new()?;
    let company = state.companies.create_company(employer.user(), new).await?;
    Ok(HttpResponse::Created().json(Company::from(company)))
}

#[utoipa::path(
    get,
    path = "/api/companies/my-company",
    tag = "companies",
    security(("bearer" = [])),
    responses((status = 200, description = "The employer's company", body = Company), NeedsRole, Missing)
)]
async fn my_company(
    state: web::Data<AppState>,
    employer: Employer,
) -> Result<web::Json<Company>, ApiError> {
    Ok(web::Json(
        state.companies.my_company(employer.user()).await?.into(),
    ))
}

#[utoipa::path(
    put,
    path = "/api/companies/my-company",
    tag = "companies",
    security(("bearer" = [])),
    request_body = CompanyRequest,
    responses((status = 200, description = "Updated", body = Company), NeedsRole, Missing, Invalid)
)]
async fn update_my_company(
    state: web::Data<AppState>,
    employer: Employer,
    ValidJson(b): ValidJson<CompanyRequest>,
) -> Result<web::Json<Company>, ApiError> {
    let patch = b.into_patch()?;
    let company = state
        .companies
        .update_my_company(employer.user(), patch)
        .await?;
    Ok(web::Json(company.into()))
}

#[utoipa::path(
    get,
    path = "/api/companies/my-company/stats",
    tag = "companies",
    security(("bearer" = [])),
    responses((status = 200, description = "Counts", body = CompanyStats), NeedsRole, Missing)
)]
async fn stats(
    state: web::Data<AppState>,
    employer: Employer,
) -> Result<web::Json<CompanyStats>, ApiError> {
    let s = state.companies.my_company_stats(employer.user()).await?;
    Ok(web::Json(s.into()))
}

/// The company's logo (HEAD.md 10.4): PNG, JPEG or WebP (not SVG), at most 5 MiB, recognised by
/// its bytes. `logo_url` becomes the absolute link to it; the logo it replaces is removed.
#[utoipa::path(
    post,
    path = "/api/companies/my-company/logo",
    tag = "companies",
    security(("bearer" = [])),
    request_body(content = LogoForm, content_type = "multipart/form-data", description = "The image in the `logo` part"),
    responses((status = 200, description = "Stored", body = LogoUploaded), ImageUploadErrors, NeedsRole, Missing, Invalid, Limited)
)]
async fn upload_logo(
    state: web::Data<AppState>,
    settings: web::Data<HttpSettings>,
    base: PublicBase,
    employer: Employer,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<web::Json<LogoUploaded>, ApiError> {
    let user = employer.user();
    state.limits.image_upload(user.id).await?;
    // Before the body is read: without a company nothing is uploaded.
    state.companies.check_logo_owner(user).await?;
    let read = read_file_part(&req, payload, "logo", IMAGE_MAX_BYTES);
    let part = within_deadline(settings.upload_body_timeout, read).await?;
    let logo = state
        .companies
        .replace_logo(user, part.bytes, |path| {
            crate::routes::images::image_url_of_path(&base, path)
        })
        .await?;
    Ok(web::Json(logo.into()))
}

#[utoipa::path(
    post,
    path = "/api/auth/complete-registration",
    tag = "companies",
    security(("bearer" = [])),
    request_body = RegistrationRequest,
    responses((status = 200, description = "Onboarding saved", body = Registration), Rejected, NeedsAuth, Invalid)
)]
async fn complete_registration(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    ValidJson(b): ValidJson<RegistrationRequest>,
) -> Result<web::Json<Registration>, ApiError> {
    let outcome = state
        .companies
        .complete_registration(&user, b.into_command()?)
        .await?;
    Ok(web::Json(Registration::new(user.role.into(), outcome)))
}
