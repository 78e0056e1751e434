//! `/api/jobs` (CONTRACT 3.6, 8.5, 8.6, 9.10, 9.11). The list answers on `/api/jobs` and
//! `/api/jobs/` alike; fixed paths are registered before `/api/jobs/{job_id}`.

use actix_web::{HttpResponse, web};
use intowork_domain::JobId;
use intowork_domain::job::{CreateJobCommand, MyJobsSearch, PublicJobSearch, UpdateJobCommand};
use intowork_domain::user::Role;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::extract::{MaybeUser, RoleUser, ValidJson, ValidQuery};
use crate::openapi::schemas as oa;
use crate::routes::job_dto::{job_detail_dto, job_dto, job_list_dto};
use crate::routes::wire::{check_range, paging, present, query_int};
use crate::state::AppState;
use crate::validation::ValidationItem;
use crate::{resource, role_gate};

role_gate!(
    MyJobsGate,
    Role::Employer,
    "Seuls les employeurs peuvent accéder à cette ressource"
);
role_gate!(
    CreateGate,
    Role::Employer,
    "Seuls les employeurs peuvent créer une offre"
);
role_gate!(
    UpdateGate,
    Role::Employer,
    "Seuls les employeurs peuvent mettre à jour une offre"
);
role_gate!(
    DeleteGate,
    Role::Employer,
    "Seuls les employeurs peuvent supprimer une offre"
);

const MAX_LIMIT: i64 = 50;
const DEFAULT_LIMIT: i64 = 10;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!(["/api/jobs", "/api/jobs/"], get => list))
        .service(resource!("/api/jobs/my-jobs", get => my_jobs))
        .service(resource!("/api/jobs/stats/recent", get => recent))
        .service(resource!("/api/jobs/create", post => create, get => create_is_no_job_id))
        .service(resource!("/api/jobs/{job_id}", get => detail, put => update, delete => delete));
}

#[derive(Deserialize)]
struct ListQuery {
    #[serde(default, deserialize_with = "query_int")]
    page: Option<i64>,
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    search: Option<String>,
    location: Option<String>,
    job_type: Option<String>,
    location_type: Option<String>,
    #[serde(default, deserialize_with = "query_int")]
    salary_min: Option<i32>,
}

#[utoipa::path(
    get,
    path = "/api/jobs",
    tag = "jobs",
    security((), ("bearer" = [])),
    params(("page" = Option<i64>, Query, description = "Page, ≥ 1 (default 1)"), ("limit" = Option<i64>, Query, description = "1 to 50 (default 10)"), ("search" = Option<String>, Query, description = "Words in the title, description or company"), ("location" = Option<String>, Query, description = "Location contains"), ("job_type" = Option<String>, Query, description = "full_time, part_time, contract, temporary, internship"), ("location_type" = Option<String>, Query, description = "on_site, remote, hybrid"), ("salary_min" = Option<i32>, Query, description = "Minimum salary")),
    responses((status = 200, description = "Published jobs (descriptions cut); `has_applied` for a signed-in candidate", body = oa::JobList), oa::NeedsAuth, oa::Invalid)
)]
async fn list(
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(q): ValidQuery<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let paging = paging(q.page, q.limit, DEFAULT_LIMIT, MAX_LIMIT)?;
    let search = PublicJobSearch {
        paging,
        search: q.search,
        location: q.location,
        job_type: q.job_type,
        location_type: q.location_type,
        salary_min: q.salary_min,
    };
    let page = state.jobs.list_public(user.as_ref(), search).await?;
    Ok(HttpResponse::Ok().json(job_list_dto(&page, paging, true)))
}

/// The frontend also sends `location`, `job_type` and `location_type` here; they are ignored.
#[derive(Deserialize)]
struct MyJobsQuery {
    #[serde(default, deserialize_with = "query_int")]
    page: Option<i64>,
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    search: Option<String>,
    status_filter: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/jobs/my-jobs",
    tag = "jobs",
    security(("bearer" = [])),
    params(("page" = Option<i64>, Query, description = "Page, ≥ 1"), ("limit" = Option<i64>, Query, description = "1 to 50 (default 10)"), ("search" = Option<String>, Query, description = "Words in the title"), ("status_filter" = Option<String>, Query, description = "draft, published, closed, archived")),
    responses((status = 200, description = "The employer's jobs", body = oa::JobList), oa::NeedsRole, oa::Invalid)
)]
async fn my_jobs(
    state: web::Data<AppState>,
    employer: RoleUser<MyJobsGate>,
    ValidQuery(q): ValidQuery<MyJobsQuery>,
) -> Result<HttpResponse, ApiError> {
    let paging = paging(q.page, q.limit, DEFAULT_LIMIT, MAX_LIMIT)?;
    let search = MyJobsSearch {
        paging,
        search: q.search,
        status: q.status_filter,
    };
    let page = state.jobs.list_mine(employer.user(), search).await?;
    // Full descriptions: the edit form is filled from this list (D2).
    Ok(HttpResponse::Ok().json(job_list_dto(&page, paging, false)))
}

#[derive(Deserialize)]
struct RecentQuery {
    #[serde(default, deserialize_with = "query_int")]
    days: Option<i64>,
}

#[utoipa::path(
    get,
    path = "/api/jobs/stats/recent",
    tag = "jobs",
    params(("days" = Option<i64>, Query, description = "1 to 30 (default 7)")),
    responses((status = 200, description = "Jobs published in the last `days` days", body = oa::RecentJobs), oa::Invalid)
)]
async fn recent(
    state: web::Data<AppState>,
    ValidQuery(q): ValidQuery<RecentQuery>,
) -> Result<HttpResponse, ApiError> {
    let days = check_range("days", q.days.unwrap_or(7), 1, Some(30))?;
    let count = state.jobs.count_recent(days).await?;
    Ok(HttpResponse::Ok().json(json!({ "count": count, "days": days })))
}

#[derive(Deserialize)]
struct CreateBody {
    title: String,
    description: String,
    location: Option<String>,
    location_type: String,
    job_type: String,
    salary_min: Option<i32>,
    salary_max: Option<i32>,
    currency: String,
    requirements: Option<String>,
    responsibilities: Option<String>,
    benefits: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/jobs/create",
    tag = "jobs",
    security(("bearer" = [])),
    request_body = oa::JobRequest,
    responses((status = 201, description = "Created and published", body = oa::Job), oa::Rejected, oa::NeedsRole, oa::Invalid)
)]
async fn create(
    state: web::Data<AppState>,
    employer: RoleUser<CreateGate>,
    ValidJson(b): ValidJson<CreateBody>,
) -> Result<HttpResponse, ApiError> {
    let cmd = CreateJobCommand {
        title: b.title,
        description: b.description,
        location: b.location,
        location_type: b.location_type,
        job_type: b.job_type,
        salary_min: b.salary_min,
        salary_max: b.salary_max,
        currency: b.currency,
        requirements: b.requirements,
        responsibilities: b.responsibilities,
        benefits: b.benefits,
    };
    let listing = state.jobs.create(employer.user(), cmd).await?;
    Ok(HttpResponse::Created().json(job_dto(&listing, false)))
}

/// `GET /api/jobs/create` falls through to `/api/jobs/{job_id}` in the reference: 422 on the id.
#[utoipa::path(
    get,
    path = "/api/jobs/create",
    tag = "jobs",
    responses((status = 422, description = "Always: `create` is not a job id (as the reference answered)", body = oa::ValidationErrorBody))
)]
async fn create_is_no_job_id() -> Result<HttpResponse, ApiError> {
    Err(ApiError::validation(vec![
        ValidationItem::new(
            "int_parsing",
            vec!["path".into(), "job_id".into()],
            "Input should be a valid integer, unable to parse string as an integer",
        )
        .with_input(Value::from("create")),
    ]))
}

/// Required fields as on create; for the optional ones an absent key keeps the stored value and
/// `null` clears it (D2: the edit form omits the fields it does not show).
#[derive(Deserialize)]
struct UpdateBody {
    title: String,
    description: String,
    location_type: String,
    job_type: String,
    currency: String,
    #[serde(default, deserialize_with = "present")]
    location: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    salary_min: Option<Option<i32>>,
    #[serde(default, deserialize_with = "present")]
    salary_max: Option<Option<i32>>,
    #[serde(default, deserialize_with = "present")]
    requirements: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    responsibilities: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    benefits: Option<Option<String>>,
}

#[utoipa::path(
    put,
    path = "/api/jobs/{job_id}",
    tag = "jobs",
    security(("bearer" = [])),
    params(("job_id" = i64, Path, description = "Job id")),
    request_body = oa::JobRequest,
    responses((status = 200, description = "Updated", body = oa::Job), oa::Rejected, oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn update(
    state: web::Data<AppState>,
    employer: RoleUser<UpdateGate>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<UpdateBody>,
) -> Result<HttpResponse, ApiError> {
    let cmd = UpdateJobCommand {
        title: b.title,
        description: b.description,
        location_type: b.location_type,
        job_type: b.job_type,
        currency: b.currency,
        location: b.location,
        salary_min: b.salary_min,
        salary_max: b.salary_max,
        requirements: b.requirements,
        responsibilities: b.responsibilities,
        benefits: b.benefits,
    };
    let id = JobId(path.into_inner());
    let listing = state.jobs.update(employer.user(), id, cmd).await?;
    Ok(HttpResponse::Ok().json(job_dto(&listing, false)))
}

#[utoipa::path(
    delete,
    path = "/api/jobs/{job_id}",
    tag = "jobs",
    security(("bearer" = [])),
    params(("job_id" = i64, Path, description = "Job id")),
    responses((status = 204, description = "Deleted (archived when it has applications)"), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn delete(
    state: web::Data<AppState>,
    employer: RoleUser<DeleteGate>,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = JobId(path.into_inner());
    state.jobs.delete(employer.user(), id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    get,
    path = "/api/jobs/{job_id}",
    tag = "jobs",
    security((), ("bearer" = [])),
    params(("job_id" = i64, Path, description = "Job id")),
    responses((status = 200, description = "The job (counts a view)", body = oa::JobDetail), oa::NeedsAuth, oa::Missing, oa::Invalid)
)]
async fn detail(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    MaybeUser(user): MaybeUser,
) -> Result<HttpResponse, ApiError> {
    let id = JobId(path.into_inner());
    let listing = state.jobs.view(user.as_ref(), id).await?;
    Ok(HttpResponse::Ok().json(job_detail_dto(&listing)))
}
