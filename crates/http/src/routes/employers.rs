//! `/api/employers/me` (CONTRACT 3.4, 8.8). Any signed-in user may call it (7.11); without an
//! employer profile the answer is 404.

use actix_web::{HttpResponse, web};
use intowork_domain::CompanyId;
use intowork_domain::company::{Employer, EmployerProfileCommand, EmployerUpdate};
use serde::Deserialize;
use serde_json::json;

use crate::error::ApiError;
use crate::extract::{AuthUser, ValidJson};
use crate::openapi::schemas as oa;
use crate::resource;
use crate::state::AppState;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/employers/me", get => me, put => update_me));
}

fn employer_dto(e: &Employer) -> serde_json::Value {
    json!({
        "id": e.id.get(),
        "user_id": e.user_id.get(),
        "company_id": e.company_id.map(CompanyId::get),
        "position": e.position,
        "department": e.department,
        "phone": e.phone,
        "can_create_jobs": e.can_create_jobs,
        "can_manage_candidates": e.can_manage_candidates,
        "is_admin": e.is_admin,
    })
}

/// The short form used by the update answer (and onboarding).
pub fn employer_summary(e: &Employer) -> serde_json::Value {
    json!({
        "id": e.id.get(),
        "company_id": e.company_id.map(CompanyId::get),
        "position": e.position,
        "department": e.department,
        "phone": e.phone,
    })
}

#[utoipa::path(
    get,
    path = "/api/employers/me",
    tag = "employers",
    security(("bearer" = [])),
    responses((status = 200, description = "The employer profile", body = oa::Employer), oa::NeedsAuth, oa::Missing)
)]
async fn me(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
) -> Result<HttpResponse, ApiError> {
    let employer = state.companies.employer_profile(&user).await?;
    Ok(HttpResponse::Ok().json(employer_dto(&employer)))
}

/// Every field optional; `null` means "leave as is" (the reference applies non-null values only).
/// `employer_type` is accepted and ignored, like any unknown key.
#[derive(Deserialize)]
struct UpdateBody {
    company_id: Option<i64>,
    position: Option<String>,
    department: Option<String>,
    phone: Option<String>,
}

#[utoipa::path(
    put,
    path = "/api/employers/me",
    tag = "employers",
    security(("bearer" = [])),
    request_body = oa::EmployerRequest,
    responses((status = 200, description = "Updated", body = oa::EmployerUpdated), oa::NeedsAuth, oa::Missing, oa::Invalid)
)]
async fn update_me(
    state: web::Data<AppState>,
    AuthUser(user): AuthUser,
    ValidJson(body): ValidJson<UpdateBody>,
) -> Result<HttpResponse, ApiError> {
    let cmd = EmployerProfileCommand {
        company_id: body.company_id.map(CompanyId),
        fields: EmployerUpdate {
            position: body.position,
            department: body.department,
            phone: body.phone,
        },
    };
    let employer = state.companies.update_employer_profile(&user, cmd).await?;
    Ok(HttpResponse::Ok().json(json!({
        "message": "Employer profile updated successfully",
        "employer": employer_summary(&employer),
    })))
}
