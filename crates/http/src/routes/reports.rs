//! `/api/reports/{candidate,employer,admin}/pdf` (HEAD.md 1.12, 10.19): the dashboards' "Exporter"
//! buttons download a PDF report of the caller's own data; the platform report is the admins'.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, web};
use intowork_domain::reports::RenderedReport;
use intowork_domain::user::Role;
use utoipa::OpenApi;

use crate::error::ApiError;
use crate::error::responses::{Missing, NeedsRole};
use crate::extract::RoleUser;
use crate::routes::cvs::pdf::content_disposition;
use crate::routes::cvs::wire::PdfFile;
use crate::state::AppState;
use crate::{resource, role_gate};

role_gate!(CandidateReport, Role::Candidate, "Réservé aux candidats");
role_gate!(EmployerReport, Role::Employer, "Réservé aux employeurs");
role_gate!(AdminReport, Role::Admin, "Réservé aux administrateurs");

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/reports/candidate/pdf", get => candidate))
        .service(resource!("/api/reports/employer/pdf", get => employer))
        .service(resource!("/api/reports/admin/pdf", get => admin));
}

#[derive(OpenApi)]
#[openapi(paths(candidate, employer, admin))]
pub struct ReportsApi;

/// A download: `attachment` with HEAD's file name, never stored by a shared cache.
fn download(report: RenderedReport) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    res.content_type("application/pdf")
        .insert_header((header::CACHE_CONTROL, "private, no-store"));
    let disposition = content_disposition(&report.file_name).replacen("inline", "attachment", 1);
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        res.insert_header((header::CONTENT_DISPOSITION, value));
    }
    res.body(report.bytes)
}

#[utoipa::path(get, path = "/api/reports/candidate/pdf", tag = "reports", security(("bearer" = [])),
    responses((status = 200, description = "The candidate's report: profile, figures, applications with their statuses, skills, experiences, educations", content_type = "application/pdf", body = PdfFile), NeedsRole, Missing))]
async fn candidate(
    state: web::Data<AppState>,
    user: RoleUser<CandidateReport>,
) -> Result<HttpResponse, ApiError> {
    Ok(download(state.reports.candidate(user.user()).await?))
}

#[utoipa::path(get, path = "/api/reports/employer/pdf", tag = "reports", security(("bearer" = [])),
    responses((status = 200, description = "The employer's report: company, key figures, applications by status, the recruitment funnel, jobs", content_type = "application/pdf", body = PdfFile), NeedsRole, Missing))]
async fn employer(
    state: web::Data<AppState>,
    user: RoleUser<EmployerReport>,
) -> Result<HttpResponse, ApiError> {
    Ok(download(state.reports.employer(user.user()).await?))
}

#[utoipa::path(get, path = "/api/reports/admin/pdf", tag = "reports", security(("bearer" = [])),
    responses((status = 200, description = "The platform report: users, companies, jobs and applications", content_type = "application/pdf", body = PdfFile), NeedsRole))]
async fn admin(
    state: web::Data<AppState>,
    user: RoleUser<AdminReport>,
) -> Result<HttpResponse, ApiError> {
    Ok(download(state.reports.admin(user.user()).await?))
}
