//! `/api/candidates/profile/{experiences,education,skills}*`: the items of the candidate profile
//! (CONTRACT 3.3, 8.9). Each kind has its own body, answer and role texts (one module each); the
//! routes and their logic are written once for the three.

pub mod education;
pub mod experience;
mod item_routes;
mod shared;
pub mod skill;
mod skill_input;

use actix_web::web;
use utoipa::OpenApi;

pub use self::education::Education;
use self::education::{add_education, delete_education, update_education};
pub use self::experience::Experience;
use self::experience::{add_experience, delete_experience, update_experience};
pub use self::skill::Skill;
use self::skill::{add_skill, delete_skill, update_skill};
use crate::resource;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/candidates/profile/experiences", post => add_experience))
        .service(
            resource!("/api/candidates/profile/experiences/{experience_id}",
            put => update_experience, delete => delete_experience),
        )
        .service(resource!("/api/candidates/profile/education", post => add_education))
        .service(
            resource!("/api/candidates/profile/education/{education_id}",
            put => update_education, delete => delete_education),
        )
        .service(resource!("/api/candidates/profile/skills", post => add_skill))
        .service(resource!("/api/candidates/profile/skills/{skill_id}",
            put => update_skill, delete => delete_skill));
}

#[derive(OpenApi)]
#[openapi(paths(
    experience::add_experience,
    experience::update_experience,
    experience::delete_experience,
    education::add_education,
    education::update_education,
    education::delete_education,
    skill::add_skill,
    skill::update_skill,
    skill::delete_skill,
))]
pub struct ProfileItemsApi;
