//! The per-job pipeline page of the current frontend (`ai-scoring/[jobId]`, HEAD.md 10.8): the
//! job's applications for its owner, in HEAD's shape, with the AI fields null until a scorer
//! exists.

use actix_web::web;
use intowork_domain::JobId;
use intowork_domain::application::Page;

use super::employer::{Reviewer, cv_link};
use super::pipeline_wire::{PipelineQuery, ScoredApplication, ScoredApplicationPage};
use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing, NeedsRole};
use crate::extract::{PublicBase, RoleUser, ValidQuery};
use crate::state::AppState;

#[utoipa::path(
    get,
    path = "/api/ai-scoring/scored-applications/{job_id}",
    tag = "applications",
    security(("bearer" = [])),
    params(("job_id" = i64, Path, description = "One of the caller's jobs"), PipelineQuery),
    responses((status = 200, description = "The job's applications, best score first (none is scored yet), then newest", body = ScoredApplicationPage), NeedsRole, Missing, Invalid)
)]
pub(super) async fn scored_applications(
    state: web::Data<AppState>,
    user: RoleUser<Reviewer>,
    base: PublicBase,
    path: web::Path<i64>,
    ValidQuery(q): ValidQuery<PipelineQuery>,
) -> Result<web::Json<ScoredApplicationPage>, ApiError> {
    let p = q.paging()?;
    let job = JobId(path.into_inner());
    let Page { items, total } = state
        .applications
        .list_for_job(user.user().id, job, q.order(), p)
        .await?;
    let items = items
        .into_iter()
        .map(|a| {
            let cv_url = a.cv_id.map(|cv| cv_link(&state, &base, cv));
            ScoredApplication::new(a, cv_url)
        })
        .collect();
    Ok(web::Json(ScoredApplicationPage::new(items, total, p)))
}
