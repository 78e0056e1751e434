//! `/api/applications`: applying, the candidate's applications, and the employer's review
//! (CONTRACT 3.7, 8.7, 9.1).

mod candidate;
pub mod candidate_wire;
mod employer;
pub mod employer_wire;
mod page;
mod pipeline;
pub mod pipeline_wire;
mod query;
mod quick_message;

use actix_web::web;
use utoipa::OpenApi;

use self::candidate::{apply, get_mine, list_mine, withdraw};
use self::employer::{change_status, list_for_employer, set_notes, sources};
use self::pipeline::scored_applications;
use self::quick_message::quick_message;
use crate::resource;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/applications/my/applications", get => list_mine, post => apply))
        .service(
            resource!("/api/applications/my/applications/{application_id}",
            get => get_mine, delete => withdraw),
        )
        .service(resource!("/api/applications/employer/applications", get => list_for_employer))
        .service(resource!("/api/applications/employer/applications/sources", get => sources))
        .service(
            resource!("/api/ai-scoring/scored-applications/{job_id}", get => scored_applications),
        )
        .service(
            resource!("/api/applications/employer/applications/{application_id}/status",
            put => change_status),
        )
        .service(
            resource!("/api/applications/employer/applications/{application_id}/notes",
            put => set_notes),
        )
        .service(
            resource!("/api/applications/employer/applications/{application_id}/quick-message",
            post => quick_message),
        );
}

#[derive(OpenApi)]
#[openapi(paths(
    candidate::list_mine,
    candidate::apply,
    candidate::get_mine,
    candidate::withdraw,
    employer::list_for_employer,
    employer::change_status,
    employer::set_notes,
    employer::sources,
    pipeline::scored_applications,
    quick_message::quick_message,
))]
pub struct ApplicationsApi;
