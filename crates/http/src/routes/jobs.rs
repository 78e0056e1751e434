//! `/api/jobs` (CONTRACT 3.6, 8.5, 8.6, 9.10, 9.11). The list answers on `/api/jobs` and
//! `/api/jobs/` alike; fixed paths are registered before `/api/jobs/{job_id}`.

pub mod detail;
mod query;
pub mod request;
mod text;
pub mod wire;

use actix_web::{HttpRequest, HttpResponse, web};
use intowork_domain::JobId;
use intowork_domain::image::IMAGE_MAX_BYTES;
use intowork_domain::user::Role;
use utoipa::OpenApi;

use self::detail::{JobDetail, OwnJob, OwnJobList};
use self::query::{ListQuery, MyJobsQuery, RecentQuery};
use self::request::{JobImageForm, JobRequest};
use self::wire::{JobList, RecentJobs};
use crate::client_ip::ClientIp;
use crate::error::responses::{
    ImageUploadErrors, Invalid, Limited, Missing, NeedsAuth, NeedsRole, Rejected,
};
use crate::error::{ApiError, ValidationErrorBody, after_checks};
use crate::extract::{
    MaybeUser, PublicBase, RoleUser, ValidJson, ValidQuery, not_an_integer, read_file_part,
    within_deadline,
};
use crate::state::{AppState, HttpSettings};
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

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!(["/api/jobs", "/api/jobs/"], get => list))
        .service(resource!("/api/jobs/my-jobs", get => my_jobs))
        .service(resource!("/api/jobs/stats/recent", get => recent))
        .service(resource!("/api/jobs/create", post => create, get => create_is_no_job_id))
        .service(resource!("/api/jobs/{job_id}", get => detail, put => update, delete => delete))
        .service(resource!("/api/jobs/{job_id}/image", post => upload_image));
}

#[derive(OpenApi)]
#[openapi(paths(
    list,
    my_jobs,
    recent,
    create,
    create_is_no_job_id,
    detail,
    update,
    delete,
    upload_image
))]
pub struct JobsApi;

#[utoipa::path(
    get,
    path = "/api/jobs",
    tag = "jobs",
    security((), ("bearer" = [])),
    params(ListQuery),
    responses((status = 200, description = "Published jobs (descriptions cut); `has_applied` for a signed-in candidate", body = JobList), NeedsAuth, Invalid)
)]
async fn list(
    state: web::Data<AppState>,
    base: PublicBase,
    MaybeUser(user): MaybeUser,
    ValidQuery(q): ValidQuery<ListQuery>,
) -> Result<web::Json<JobList>, ApiError> {
    let search = q.into_search()?;
    let paging = search.paging;
    let page = state.jobs.list_public(user.as_ref(), search).await?;
    Ok(web::Json(JobList::new(&page, paging, &base)))
}

#[utoipa::path(
    get,
    path = "/api/jobs/my-jobs",
    tag = "jobs",
    security(("bearer" = [])),
    params(MyJobsQuery),
    responses((status = 200, description = "The employer's jobs, with their sections", body = OwnJobList), NeedsRole, Invalid)
)]
async fn my_jobs(
    state: web::Data<AppState>,
    base: PublicBase,
    employer: RoleUser<MyJobsGate>,
    ValidQuery(q): ValidQuery<MyJobsQuery>,
) -> Result<web::Json<OwnJobList>, ApiError> {
    let search = q.into_search()?;
    let paging = search.paging;
    let page = state.jobs.list_mine(employer.user(), search).await?;
    // Full descriptions and the sections: the edit forms are filled from this list (D2, 10.3).
    Ok(web::Json(OwnJobList::new(&page, paging, &base)))
}

#[utoipa::path(
    get,
    path = "/api/jobs/stats/recent",
    tag = "jobs",
    params(RecentQuery),
    responses((status = 200, description = "Jobs published in the last `days` days", body = RecentJobs), Invalid)
)]
async fn recent(
    state: web::Data<AppState>,
    ValidQuery(q): ValidQuery<RecentQuery>,
) -> Result<web::Json<RecentJobs>, ApiError> {
    let days = q.days()?;
    let count = state.jobs.count_recent(days).await?;
    Ok(web::Json(RecentJobs { count, days }))
}

#[utoipa::path(
    post,
    path = "/api/jobs/create",
    tag = "jobs",
    security(("bearer" = [])),
    request_body = JobRequest,
    responses((status = 201, description = "Created and published", body = OwnJob), Rejected, NeedsRole, Missing, Invalid, Limited)
)]
async fn create(
    state: web::Data<AppState>,
    base: PublicBase,
    ip: ClientIp,
    employer: RoleUser<CreateGate>,
    ValidJson(b): ValidJson<JobRequest>,
) -> Result<HttpResponse, ApiError> {
    let user = employer.user();
    // Daily ceilings per account and per address on what the public pages store and serve.
    state.limits.job_creation(ip.as_str(), user.id).await?;
    // The employer row and its company are checked before the enums (CONTRACT 3.6).
    let cmd = after_checks(b.into_create(), state.jobs.check_can_post(user)).await?;
    let listing = state.jobs.create(user, cmd).await?;
    Ok(HttpResponse::Created().json(OwnJob::new(&listing, &base)))
}

/// `GET /api/jobs/create` falls through to `/api/jobs/{job_id}` in the reference: 422 on the id.
#[utoipa::path(
    get,
    path = "/api/jobs/create",
    tag = "jobs",
    responses((status = 422, description = "Always: `create` is not a job id (as the reference answered)", body = ValidationErrorBody))
)]
async fn create_is_no_job_id() -> Result<HttpResponse, ApiError> {
    Err(not_an_integer("job_id", "create"))
}

#[utoipa::path(
    put,
    path = "/api/jobs/{job_id}",
    tag = "jobs",
    security(("bearer" = [])),
    params(("job_id" = i64, Path, description = "Job id")),
    request_body = JobRequest,
    responses((status = 200, description = "Updated", body = OwnJob), Rejected, NeedsRole, Missing, Invalid)
)]
async fn update(
    state: web::Data<AppState>,
    base: PublicBase,
    employer: RoleUser<UpdateGate>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<JobRequest>,
) -> Result<web::Json<OwnJob>, ApiError> {
    let id = JobId(path.into_inner());
    let user = employer.user();
    // The job and its owner are checked before the enums (CONTRACT 3.6 steps 2-4).
    let cmd = after_checks(b.into_update(), state.jobs.check_editable(user, id)).await?;
    let listing = state.jobs.update(user, id, cmd).await?;
    Ok(web::Json(OwnJob::new(&listing, &base)))
}

#[utoipa::path(
    delete,
    path = "/api/jobs/{job_id}",
    tag = "jobs",
    security(("bearer" = [])),
    params(("job_id" = i64, Path, description = "Job id")),
    responses((status = 204, description = "Deleted (archived when it has applications)"), NeedsRole, Missing, Invalid)
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
    responses((status = 200, description = "The job (counts a view)", body = JobDetail), NeedsAuth, Missing, Invalid)
)]
async fn detail(
    state: web::Data<AppState>,
    base: PublicBase,
    path: web::Path<i64>,
    MaybeUser(user): MaybeUser,
) -> Result<web::Json<JobDetail>, ApiError> {
    let id = JobId(path.into_inner());
    let listing = state.jobs.view(user.as_ref(), id).await?;
    Ok(web::Json(JobDetail::new(&listing, &base)))
}

/// The job's picture (HEAD.md 10.4): PNG, JPEG or WebP, at most 5 MiB, recognised by its bytes.
/// Each upload gets a new URL; the picture it replaces is removed.
#[utoipa::path(
    post,
    path = "/api/jobs/{job_id}/image",
    tag = "jobs",
    security(("bearer" = [])),
    params(("job_id" = i64, Path, description = "Job id")),
    request_body(content = JobImageForm, content_type = "multipart/form-data", description = "The image in the `image` part"),
    responses((status = 200, description = "The job, `image_url` set", body = JobDetail), ImageUploadErrors, NeedsRole, Missing, Invalid, Limited)
)]
async fn upload_image(
    state: web::Data<AppState>,
    settings: web::Data<HttpSettings>,
    base: PublicBase,
    employer: RoleUser<UpdateGate>,
    path: web::Path<i64>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<web::Json<JobDetail>, ApiError> {
    let id = JobId(path.into_inner());
    let user = employer.user();
    state.limits.image_upload(user.id).await?;
    // Before the body is read: a rival's or a missing job costs no upload.
    state.jobs.check_image_owner(user, id).await?;
    let read = read_file_part(&req, payload, "image", IMAGE_MAX_BYTES);
    let part = within_deadline(settings.upload_body_timeout, read).await?;
    let listing = state.jobs.replace_image(user, id, part.bytes).await?;
    Ok(web::Json(JobDetail::new(&listing, &base)))
}
