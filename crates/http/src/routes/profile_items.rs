//! `/api/candidates/profile/{experiences,education,skills}*`: the items of the candidate profile
//! (CONTRACT 3.3, 8.9). Each kind has its own body, answer and role texts; deleting is one path for
//! all three.

pub mod skill_wire;
pub mod wire;

use actix_web::web;
use intowork_domain::candidate::ItemKind;
use intowork_domain::user::{Role, User};
use utoipa::OpenApi;

pub use self::skill_wire::Skill;
use self::skill_wire::SkillRequest;
pub use self::wire::{Education, Experience};
use self::wire::{EducationRequest, ExperienceRequest};
use crate::error::ApiError;
use crate::error::responses::{Invalid, Missing, NeedsRole};
use crate::extract::{RoleUser, ValidJson};
use crate::state::AppState;
use crate::wire::MessageBody;
use crate::{resource, role_gate};

role_gate!(
    ExperienceAdder,
    Role::Candidate,
    "Seuls les candidats peuvent ajouter des expériences"
);
role_gate!(
    EducationAdder,
    Role::Candidate,
    "Seuls les candidats peuvent ajouter des formations"
);
role_gate!(CandidateOnly, Role::Candidate, "Forbidden");

type Candidate = RoleUser<CandidateOnly>;
type Answer<T> = Result<web::Json<T>, ApiError>;

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
    add_experience,
    update_experience,
    delete_experience,
    add_education,
    update_education,
    delete_education,
    add_skill,
    update_skill,
    delete_skill
))]
pub struct ProfileItemsApi;

/// The one delete path: the kind names the item in the 404 and in the answer.
async fn delete_item(
    state: &AppState,
    user: &User,
    kind: ItemKind,
    id: i64,
) -> Answer<MessageBody> {
    state.profiles.delete_item(user.id, kind, id).await?;
    Ok(web::Json(MessageBody::new(match kind {
        ItemKind::Experience => "Expérience supprimée avec succès",
        ItemKind::Education => "Formation supprimée avec succès",
        ItemKind::Skill => "Compétence supprimée avec succès",
    })))
}

#[utoipa::path(post, path = "/api/candidates/profile/experiences", tag = "candidates",
    security(("bearer" = [])), request_body = ExperienceRequest,
    responses((status = 200, description = "Added", body = Experience), NeedsRole, Invalid))]
async fn add_experience(
    state: web::Data<AppState>,
    user: RoleUser<ExperienceAdder>,
    ValidJson(b): ValidJson<ExperienceRequest>,
) -> Answer<Experience> {
    let added = state.profiles.add_experience(user.user().id, b.into());
    Ok(web::Json(added.await?.into()))
}

#[utoipa::path(put, path = "/api/candidates/profile/experiences/{experience_id}",
    tag = "candidates", security(("bearer" = [])),
    params(("experience_id" = i64, Path, description = "Experience id")),
    request_body = ExperienceRequest,
    responses((status = 200, description = "Updated", body = Experience), NeedsRole, Missing, Invalid))]
async fn update_experience(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<ExperienceRequest>,
) -> Answer<Experience> {
    let id = path.into_inner();
    let updated = state
        .profiles
        .update_experience(user.user().id, id, b.into());
    Ok(web::Json(updated.await?.into()))
}

#[utoipa::path(delete, path = "/api/candidates/profile/experiences/{experience_id}",
    tag = "candidates", security(("bearer" = [])),
    params(("experience_id" = i64, Path, description = "Experience id")),
    responses((status = 200, description = "Deleted", body = MessageBody), NeedsRole, Missing, Invalid))]
async fn delete_experience(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
) -> Answer<MessageBody> {
    delete_item(&state, user.user(), ItemKind::Experience, path.into_inner()).await
}

#[utoipa::path(post, path = "/api/candidates/profile/education", tag = "candidates",
    security(("bearer" = [])), request_body = EducationRequest,
    responses((status = 200, description = "Added", body = Education), NeedsRole, Invalid))]
async fn add_education(
    state: web::Data<AppState>,
    user: RoleUser<EducationAdder>,
    ValidJson(b): ValidJson<EducationRequest>,
) -> Answer<Education> {
    let added = state
        .profiles
        .add_education(user.user().id, b.into_fields()?);
    Ok(web::Json(added.await?.into()))
}

#[utoipa::path(put, path = "/api/candidates/profile/education/{education_id}",
    tag = "candidates", security(("bearer" = [])),
    params(("education_id" = i64, Path, description = "Education id")),
    request_body = EducationRequest,
    responses((status = 200, description = "Updated", body = Education), NeedsRole, Missing, Invalid))]
async fn update_education(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<EducationRequest>,
) -> Answer<Education> {
    let id = path.into_inner();
    let updated = state
        .profiles
        .update_education(user.user().id, id, b.into_fields()?);
    Ok(web::Json(updated.await?.into()))
}

#[utoipa::path(delete, path = "/api/candidates/profile/education/{education_id}",
    tag = "candidates", security(("bearer" = [])),
    params(("education_id" = i64, Path, description = "Education id")),
    responses((status = 200, description = "Deleted", body = MessageBody), NeedsRole, Missing, Invalid))]
async fn delete_education(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
) -> Answer<MessageBody> {
    delete_item(&state, user.user(), ItemKind::Education, path.into_inner()).await
}

#[utoipa::path(post, path = "/api/candidates/profile/skills", tag = "candidates",
    security(("bearer" = [])), request_body = SkillRequest,
    responses((status = 200, description = "Added", body = Skill), NeedsRole, Invalid))]
async fn add_skill(
    state: web::Data<AppState>,
    user: Candidate,
    ValidJson(b): ValidJson<SkillRequest>,
) -> Answer<Skill> {
    let added = state.profiles.add_skill(user.user().id, b.into_fields()?);
    Ok(web::Json(added.await?.into()))
}

#[utoipa::path(put, path = "/api/candidates/profile/skills/{skill_id}", tag = "candidates",
    security(("bearer" = [])), params(("skill_id" = i64, Path, description = "Skill id")),
    request_body = SkillRequest,
    responses((status = 200, description = "Updated", body = Skill), NeedsRole, Missing, Invalid))]
async fn update_skill(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<SkillRequest>,
) -> Answer<Skill> {
    let id = path.into_inner();
    let updated = state
        .profiles
        .update_skill(user.user().id, id, b.into_fields()?);
    Ok(web::Json(updated.await?.into()))
}

#[utoipa::path(delete, path = "/api/candidates/profile/skills/{skill_id}", tag = "candidates",
    security(("bearer" = [])), params(("skill_id" = i64, Path, description = "Skill id")),
    responses((status = 200, description = "Deleted", body = MessageBody), NeedsRole, Missing, Invalid))]
async fn delete_skill(
    state: web::Data<AppState>,
    user: Candidate,
    path: web::Path<i64>,
) -> Answer<MessageBody> {
    delete_item(&state, user.user(), ItemKind::Skill, path.into_inner()).await
}
