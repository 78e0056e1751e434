//! `/api/companies` (CONTRACT 3.5, 8.8, 9.15) and onboarding, `POST /api/auth/complete-registration`
//! (8.10, 9.14), which creates the employer's company. Every companies route is employer-only.

use actix_web::{HttpResponse, web};
use intowork_domain::company::{
    Company, CompanyDetails, CompanyName, CompanyPatch, CompleteRegistrationCommand, NewCompany,
    Registration,
};
use intowork_domain::user::Role;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::extract::{AuthUser, RoleUser, ValidJson};
use crate::openapi::schemas as oa;
use crate::routes::employers::employer_summary;
use crate::routes::wire::present;
use crate::state::AppState;
use crate::validation::ValidationItem;
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
        .service(resource!("/api/auth/complete-registration", post => complete_registration));
}

pub fn company_dto(c: &Company) -> Value {
    let d = &c.details;
    json!({
        "id": c.id.get(),
        "name": c.name,
        "description": d.description,
        "industry": d.industry,
        "size": d.size,
        "website_url": d.website_url,
        "linkedin_url": d.linkedin_url,
        "address": d.address,
        "city": d.city,
        "country": d.country,
        "logo_url": d.logo_url,
    })
}

/// `name` must be a non-empty string (422 otherwise, CONTRACT 3.5).
fn company_name(raw: Option<String>) -> Result<CompanyName, ApiError> {
    let Some(raw) = raw else {
        return Err(ApiError::validation(vec![ValidationItem::body_field(
            "string_type",
            "name",
            "Input should be a valid string",
        )]));
    };
    CompanyName::parse(raw.clone()).map_err(|_| {
        ApiError::validation(vec![
            ValidationItem::body_field(
                "string_too_short",
                "name",
                "String should have at least 1 character",
            )
            .with_input(Value::from(raw))
            .with_ctx(json!({"min_length": 1})),
        ])
    })
}

#[derive(Deserialize)]
struct CreateBody {
    name: String,
    description: Option<String>,
    industry: Option<String>,
    size: Option<String>,
    website_url: Option<String>,
    linkedin_url: Option<String>,
    address: Option<String>,
    city: Option<String>,
    country: Option<String>,
    logo_url: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/companies",
    tag = "companies",
    security(("bearer" = [])),
    request_body = oa::CompanyRequest,
    responses((status = 201, description = "Created", body = oa::Company), oa::Rejected, oa::NeedsRole, oa::Invalid)
)]
async fn create(
    state: web::Data<AppState>,
    employer: Employer,
    ValidJson(b): ValidJson<CreateBody>,
) -> Result<HttpResponse, ApiError> {
    let new = NewCompany {
        name: company_name(Some(b.name))?,
        details: CompanyDetails {
            description: b.description,
            industry: b.industry,
            size: b.size,
            website_url: b.website_url,
            linkedin_url: b.linkedin_url,
            address: b.address,
            city: b.city,
            country: b.country,
            logo_url: b.logo_url,
        },
    };
    let company = state.companies.create_company(employer.user(), new).await?;
    Ok(HttpResponse::Created().json(company_dto(&company)))
}

#[utoipa::path(
    get,
    path = "/api/companies/my-company",
    tag = "companies",
    security(("bearer" = [])),
    responses((status = 200, description = "The employer's company", body = oa::Company), oa::NeedsRole, oa::Missing)
)]
async fn my_company(
    state: web::Data<AppState>,
    employer: Employer,
) -> Result<HttpResponse, ApiError> {
    let company = state.companies.my_company(employer.user()).await?;
    Ok(HttpResponse::Ok().json(company_dto(&company)))
}

/// Present keys are written, `null` and `""` included; absent keys are kept. The frontend sends
/// the whole object back, `id` included: unknown keys are ignored.
#[derive(Deserialize)]
struct PatchBody {
    #[serde(default, deserialize_with = "present")]
    name: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    description: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    industry: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    size: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    website_url: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    linkedin_url: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    address: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    city: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    country: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    logo_url: Option<Option<String>>,
}

#[utoipa::path(
    put,
    path = "/api/companies/my-company",
    tag = "companies",
    security(("bearer" = [])),
    request_body = oa::CompanyRequest,
    responses((status = 200, description = "Updated", body = oa::Company), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn update_my_company(
    state: web::Data<AppState>,
    employer: Employer,
    ValidJson(b): ValidJson<PatchBody>,
) -> Result<HttpResponse, ApiError> {
    let patch = CompanyPatch {
        name: b.name.map(company_name).transpose()?,
        description: b.description,
        industry: b.industry,
        size: b.size,
        website_url: b.website_url,
        linkedin_url: b.linkedin_url,
        address: b.address,
        city: b.city,
        country: b.country,
        logo_url: b.logo_url,
    };
    let company = state
        .companies
        .update_my_company(employer.user(), patch)
        .await?;
    Ok(HttpResponse::Ok().json(company_dto(&company)))
}

#[utoipa::path(
    get,
    path = "/api/companies/my-company/stats",
    tag = "companies",
    security(("bearer" = [])),
    responses((status = 200, description = "Counts", body = oa::CompanyStats), oa::NeedsRole, oa::Missing)
)]
async fn stats(state: web::Data<AppState>, employer: Employer) -> Result<HttpResponse, ApiError> {
    let s = state.companies.my_company_stats(employer.user()).await?;
    Ok(HttpResponse::Ok().json(json!({
        "active_jobs": s.active_jobs,
        "total_jobs": s.total_jobs,
        "total_applications": s.total_applications,
        "total_employers": s.total_employers,
    })))
}

#[derive(Deserialize)]
struct RegistrationBody {
    role: Option<String>,
    phone: Option<String>,
    location: Option<String>,
    title: Option<String>,
    company_name: Option<String>,
    company_industry: Option<String>,
    position: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/auth/complete-registration",
    tag = "companies",
    security(("bearer" = [])),
    request_body = oa::RegistrationRequest,
    responses((status = 200, description = "Onboarding saved", body = oa::Registration), oa::Rejected, oa::NeedsAuth, oa::Invalid)
)]
async fn complete_registration(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    ValidJson(b): ValidJson<RegistrationBody>,
) -> Result<HttpResponse, ApiError> {
    let cmd = CompleteRegistrationCommand {
        role: b.role,
        phone: b.phone,
        location: b.location,
        title: b.title,
        company_name: b.company_name,
        company_industry: b.company_industry,
        position: b.position,
    };
    let mut body = json!({
        "message": "Inscription complétée",
        "role": user.role.as_str(),
    });
    match state.companies.complete_registration(&user, cmd).await? {
        Registration::Candidate(p) => {
            body["profile"] = json!({
                "id": p.id.get(),
                "user_id": p.user_id.get(),
                "phone": p.contact.phone,
                "location": p.contact.location,
                "title": p.contact.title,
            });
        }
        Registration::Employer { employer, company } => {
            body["employer"] = employer_summary(&employer);
            body["company"] = company.as_ref().map_or(Value::Null, company_dto);
        }
        Registration::Admin => {}
    }
    Ok(HttpResponse::Ok().json(body))
}
