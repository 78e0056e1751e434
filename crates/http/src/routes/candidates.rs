//! `/api/candidates/profile*`: the profile, experiences, educations and skills (CONTRACT 3.3, 8.9).

use actix_web::{HttpResponse, web};
use intowork_domain::candidate::{
    CandidateProfile, Education, EducationFields, Experience, ExperienceFields, ItemKind, Patch,
    ProfileUpdate,
};
use intowork_domain::user::Role;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::dto::{self, Message};
use crate::error::ApiError;
use crate::extract::{RoleUser, ValidJson};
use crate::openapi::schemas as oa;
use crate::routes::wire::present;
use crate::state::AppState;
use crate::validation::ValidationItem;
use crate::{resource, role_gate};

role_gate!(
    ProfileReader,
    Role::Candidate,
    "Seuls les candidats peuvent accéder à cette ressource"
);
role_gate!(
    ProfileWriter,
    Role::Candidate,
    "Seuls les candidats peuvent modifier leur profil"
);
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

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/candidates/profile", get => get_profile, put => put_profile))
        .service(resource!("/api/candidates/profile/experiences", post => add_experience))
        .service(
            resource!("/api/candidates/profile/experiences/{experience_id}",
            put => update_experience, delete => delete_experience),
        )
        .service(resource!("/api/candidates/profile/education", post => add_education))
        .service(
            resource!("/api/candidates/profile/education/{education_id}",
            put => update_education, delete => delete_education),
        )
        .configure(super::candidate_skills::config);
}

fn experience_dto(e: &Experience) -> Value {
    json!({
        "id": e.id, "title": e.title, "company": e.company, "location": e.location,
        "start_date": e.start_date, "end_date": e.end_date, "is_current": e.is_current,
        "description": e.description,
    })
}

/// `school` is the contract's name; the frontend reads `institution`: both are sent.
fn education_dto(e: &Education) -> Value {
    json!({
        "id": e.id, "degree": e.degree, "school": e.school, "institution": e.school,
        "field_of_study": e.field_of_study, "location": e.location, "start_date": e.start_date,
        "end_date": e.end_date, "is_current": e.is_current, "description": e.description,
    })
}

/// The profile as the frontend reads it: `summary` and its alias `bio`, `educations` and its
/// alias `education`, and the server-managed current-CV fields (CONTRACT 3.3, 8.9 M1/M2).
pub fn profile_dto(p: &CandidateProfile) -> Value {
    let educations: Vec<Value> = p.educations.iter().map(education_dto).collect();
    json!({
        "id": p.id.get(), "user_id": p.user_id.get(),
        "phone": p.phone, "location": p.location, "linkedin_url": p.linkedin_url,
        "website_url": p.website_url, "title": p.title,
        "summary": p.summary, "bio": p.summary,
        "years_experience": p.years_experience,
        "salary_expectation_min": p.salary_expectation_min,
        "salary_expectation_max": p.salary_expectation_max,
        "cv_url": p.current_cv.as_ref().map(|_| format!("/api/candidates/{}/cv", p.id)),
        "cv_filename": p.current_cv.as_ref().map(|c| c.filename.clone()),
        "cv_uploaded_at": p.current_cv.as_ref().map(|c| dto::rfc3339(&c.uploaded_at)),
        "experiences": p.experiences.iter().map(experience_dto).collect::<Vec<_>>(),
        "educations": educations, "education": educations,
        "skills": p.skills.iter().map(super::candidate_skills::skill_dto).collect::<Vec<_>>(),
    })
}

#[utoipa::path(
    get,
    path = "/api/candidates/profile",
    tag = "candidates",
    security(("bearer" = [])),
    responses((status = 200, description = "The profile", body = oa::CandidateProfile), oa::NeedsRole)
)]
async fn get_profile(
    state: web::Data<AppState>,
    user: RoleUser<ProfileReader>,
) -> Result<HttpResponse, ApiError> {
    let profile = state.profiles.profile(user.user().id).await?;
    Ok(HttpResponse::Ok().json(profile_dto(&profile)))
}

/// Keys not listed here (`cv_url`, `cv_filename`, `cv_uploaded_at`, `experiences`, ...) are
/// ignored: they are server-managed or have their own routes (CONTRACT 5.2 F1, 5.8 D1).
#[derive(Deserialize)]
struct ProfileBody {
    #[serde(default, deserialize_with = "present")]
    phone: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    location: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    linkedin_url: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    website_url: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    title: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    summary: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    bio: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    years_experience: Patch<i32>,
    #[serde(default, deserialize_with = "present")]
    salary_expectation_min: Patch<i32>,
    #[serde(default, deserialize_with = "present")]
    salary_expectation_max: Patch<i32>,
}

#[utoipa::path(
    put,
    path = "/api/candidates/profile",
    tag = "candidates",
    security(("bearer" = [])),
    request_body = oa::ProfileRequest,
    responses((status = 200, description = "Updated profile", body = oa::CandidateProfile), oa::NeedsRole, oa::Invalid)
)]
async fn put_profile(
    state: web::Data<AppState>,
    user: RoleUser<ProfileWriter>,
    ValidJson(b): ValidJson<ProfileBody>,
) -> Result<HttpResponse, ApiError> {
    let update = ProfileUpdate {
        phone: b.phone,
        location: b.location,
        linkedin_url: b.linkedin_url,
        website_url: b.website_url,
        title: b.title,
        // `bio` is the settings page's name for the summary; `summary` wins when both are sent.
        summary: b.summary.or(b.bio),
        years_experience: b.years_experience,
        salary_expectation_min: b.salary_expectation_min,
        salary_expectation_max: b.salary_expectation_max,
    };
    let profile = state.profiles.update(user.user().id, update).await?;
    Ok(HttpResponse::Ok().json(profile_dto(&profile)))
}

#[derive(Deserialize)]
struct ExperienceBody {
    title: String,
    company: String,
    start_date: String,
    #[serde(default, deserialize_with = "present")]
    location: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    end_date: Patch<String>,
    #[serde(default)]
    is_current: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    description: Patch<String>,
}

impl From<ExperienceBody> for ExperienceFields {
    fn from(b: ExperienceBody) -> Self {
        ExperienceFields {
            title: b.title,
            company: b.company,
            start_date: b.start_date,
            location: b.location,
            end_date: b.end_date,
            is_current: b.is_current,
            description: b.description,
        }
    }
}

#[utoipa::path(
    post,
    path = "/api/candidates/profile/experiences",
    tag = "candidates",
    security(("bearer" = [])),
    request_body = oa::ExperienceRequest,
    responses((status = 200, description = "Added", body = oa::Experience), oa::NeedsRole, oa::Invalid)
)]
async fn add_experience(
    state: web::Data<AppState>,
    user: RoleUser<ExperienceAdder>,
    ValidJson(b): ValidJson<ExperienceBody>,
) -> Result<HttpResponse, ApiError> {
    let e = state
        .profiles
        .add_experience(user.user().id, b.into())
        .await?;
    Ok(HttpResponse::Ok().json(experience_dto(&e)))
}

#[utoipa::path(
    put,
    path = "/api/candidates/profile/experiences/{experience_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("experience_id" = i64, Path, description = "Experience id")),
    request_body = oa::ExperienceRequest,
    responses((status = 200, description = "Updated", body = oa::Experience), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn update_experience(
    state: web::Data<AppState>,
    user: RoleUser<CandidateOnly>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<ExperienceBody>,
) -> Result<HttpResponse, ApiError> {
    let e = state
        .profiles
        .update_experience(user.user().id, path.into_inner(), b.into())
        .await?;
    Ok(HttpResponse::Ok().json(experience_dto(&e)))
}

#[utoipa::path(
    delete,
    path = "/api/candidates/profile/experiences/{experience_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("experience_id" = i64, Path, description = "Experience id")),
    responses((status = 200, description = "Deleted", body = oa::MessageBody), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn delete_experience(
    state: web::Data<AppState>,
    user: RoleUser<CandidateOnly>,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    state
        .profiles
        .delete_item(user.user().id, ItemKind::Experience, path.into_inner())
        .await?;
    Ok(HttpResponse::Ok().json(Message {
        message: "Expérience supprimée avec succès",
    }))
}

/// `school` or the frontend's `institution` (8.9 M3).
#[derive(Deserialize)]
struct EducationBody {
    degree: String,
    #[serde(default)]
    school: Option<String>,
    #[serde(default)]
    institution: Option<String>,
    start_date: String,
    #[serde(default, deserialize_with = "present")]
    field_of_study: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    location: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    end_date: Patch<String>,
    #[serde(default)]
    is_current: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    description: Patch<String>,
}

impl EducationBody {
    fn into_fields(self) -> Result<EducationFields, ApiError> {
        let school = self.school.or(self.institution).ok_or_else(|| {
            ApiError::validation(vec![ValidationItem::body_field(
                "missing",
                "school",
                "Field required",
            )])
        })?;
        Ok(EducationFields {
            degree: self.degree,
            school,
            start_date: self.start_date,
            field_of_study: self.field_of_study,
            location: self.location,
            end_date: self.end_date,
            is_current: self.is_current,
            description: self.description,
        })
    }
}

#[utoipa::path(
    post,
    path = "/api/candidates/profile/education",
    tag = "candidates",
    security(("bearer" = [])),
    request_body = oa::EducationRequest,
    responses((status = 200, description = "Added", body = oa::Education), oa::NeedsRole, oa::Invalid)
)]
async fn add_education(
    state: web::Data<AppState>,
    user: RoleUser<EducationAdder>,
    ValidJson(b): ValidJson<EducationBody>,
) -> Result<HttpResponse, ApiError> {
    let e = state
        .profiles
        .add_education(user.user().id, b.into_fields()?)
        .await?;
    Ok(HttpResponse::Ok().json(education_dto(&e)))
}

#[utoipa::path(
    put,
    path = "/api/candidates/profile/education/{education_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("education_id" = i64, Path, description = "Education id")),
    request_body = oa::EducationRequest,
    responses((status = 200, description = "Updated", body = oa::Education), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn update_education(
    state: web::Data<AppState>,
    user: RoleUser<CandidateOnly>,
    path: web::Path<i64>,
    ValidJson(b): ValidJson<EducationBody>,
) -> Result<HttpResponse, ApiError> {
    let e = state
        .profiles
        .update_education(user.user().id, path.into_inner(), b.into_fields()?)
        .await?;
    Ok(HttpResponse::Ok().json(education_dto(&e)))
}

#[utoipa::path(
    delete,
    path = "/api/candidates/profile/education/{education_id}",
    tag = "candidates",
    security(("bearer" = [])),
    params(("education_id" = i64, Path, description = "Education id")),
    responses((status = 200, description = "Deleted", body = oa::MessageBody), oa::NeedsRole, oa::Missing, oa::Invalid)
)]
async fn delete_education(
    state: web::Data<AppState>,
    user: RoleUser<CandidateOnly>,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    state
        .profiles
        .delete_item(user.user().id, ItemKind::Education, path.into_inner())
        .await?;
    Ok(HttpResponse::Ok().json(Message {
        message: "Formation supprimée avec succès",
    }))
}
