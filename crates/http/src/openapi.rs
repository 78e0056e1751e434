//! The OpenAPI 3.1 document, generated from the `#[utoipa::path]` attributes on the handlers and
//! the schema types in `openapi/*`, served at `/openapi.json` with Swagger UI at `/docs` (assets
//! compiled into the binary: the page works without internet access). Both are on unless
//! `HttpSettings::api_docs` is false (CONTRACT 8.18).

pub mod accounts;
pub mod common;
pub mod hiring;
pub mod profile;
pub mod responses;

use std::sync::OnceLock;

use actix_web::{HttpResponse, web};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as Document, PathItem};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

use crate::routes;

/// Every schema under one name, for the handlers' attributes (`oa::Job`).
pub mod schemas {
    pub use super::accounts::*;
    pub use super::common::*;
    pub use super::hiring::*;
    pub use super::profile::*;
    pub use super::responses::*;
}

/// Routes served both with and without a trailing slash (`resource!` with two paths): the spec
/// lists the slash form as a copy of the plain one, so the two stay identical.
pub const SLASH_ALIASES: &[&str] = &["/api/jobs", "/api/companies", "/api/notifications"];

#[derive(OpenApi)]
#[openapi(
    info(
        title = "IntoWork API",
        version = "1.0.0",
        description = "The IntoWork job board API. Errors are `{\"detail\", \"code\"}`; 422 \
            keeps pydantic's list in `detail`. Protected routes take `Authorization: Bearer \
            <access_token>` from sign-up or sign-in."
    ),
    servers((url = "/", description = "This server")),
    modifiers(&BearerScheme),
    tags(
        (name = "health", description = "Liveness, readiness and service information"),
        (name = "auth", description = "Sign-up, sign-in and the account"),
        (name = "password-reset", description = "Forgotten password by e-mail"),
        (name = "candidates", description = "The candidate's profile"),
        (name = "cvs", description = "CV upload and downloads"),
        (name = "companies", description = "The employer's company and onboarding"),
        (name = "employers", description = "The employer profile"),
        (name = "jobs", description = "Job offers"),
        (name = "applications", description = "Applications, for candidates and employers"),
        (name = "notifications", description = "In-app notifications"),
        (name = "dashboard", description = "The dashboard of the signed-in user"),
        (name = "admin", description = "Administration (admin role)"),
        (name = "users", description = "Legacy read-only user routes (admin role)"),
    ),
    paths(
        routes::health::root, routes::health::health, routes::health::ready,
        routes::health::ping, routes::health::status, routes::health::db_status,
        routes::auth::signup, routes::auth::signin, routes::auth::me,
        routes::auth::change_password, routes::auth::change_email, routes::auth::delete_account,
        routes::password_reset::forgot_password, routes::password_reset::reset_password,
        routes::companies::create, routes::companies::my_company,
        routes::companies::update_my_company, routes::companies::stats,
        routes::companies::complete_registration,
        routes::employers::me, routes::employers::update_me,
        routes::users::list, routes::users::get_one,
        routes::candidates::get_profile, routes::candidates::put_profile,
        routes::candidates::add_experience, routes::candidates::update_experience,
        routes::candidates::delete_experience, routes::candidates::add_education,
        routes::candidates::update_education, routes::candidates::delete_education,
        routes::candidates::add_skill, routes::candidates::update_skill,
        routes::candidates::delete_skill,
        routes::cvs::upload, routes::cvs::download_current, routes::cvs::list,
        routes::cvs::download_own, routes::cvs::delete, routes::cvs::candidate_cv,
        routes::cvs::signed,
        routes::jobs::list, routes::jobs::my_jobs, routes::jobs::recent, routes::jobs::create,
        routes::jobs::create_is_no_job_id, routes::jobs::detail, routes::jobs::update,
        routes::jobs::delete,
        routes::applications::list_mine, routes::applications::apply,
        routes::applications::get_mine, routes::applications::withdraw,
        routes::applications::list_for_employer, routes::applications::change_status,
        routes::applications::set_notes,
        routes::notifications::list, routes::notifications::unread_count,
        routes::notifications::mark_all_read, routes::notifications::mark_read,
        routes::notifications::delete,
        routes::dashboard::dashboard, routes::dashboard::activities,
        routes::admin::stats, routes::admin::list_users, routes::admin::delete_user,
        routes::admin::set_active, routes::admin::list_employers, routes::admin::list_jobs,
        routes::admin::list_audit, routes::admin::me,
    )
)]
pub struct ApiDoc;

/// The `bearer` scheme that protected operations name in `security(("bearer" = []))`.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("The `access_token` of sign-up or sign-in"))
                    .build(),
            ),
        );
    }
}

/// The finished document: the derived one plus the trailing-slash copies.
pub fn spec() -> Document {
    let mut doc = ApiDoc::openapi();
    for path in SLASH_ALIASES {
        if let Some(item) = doc.paths.paths.get(*path).cloned() {
            doc.paths.paths.insert(format!("{path}/"), with_suffix(item, "_slash"));
        }
    }
    doc
}

/// Operation ids must be unique across the document, so the copy gets a suffix.
fn with_suffix(mut item: PathItem, suffix: &str) -> PathItem {
    for op in [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .flatten()
    {
        if let Some(id) = op.operation_id.as_mut() {
            id.push_str(suffix);
        }
    }
    item
}

/// Built once per process; every worker serves the same document.
fn cached() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(spec)
}

/// The spec as pretty JSON (the `intowork openapi` command and the CI validator).
pub fn spec_json() -> String {
    cached().to_pretty_json().unwrap_or_else(|_| "{}".to_owned())
}

/// Registers `/openapi.json`, `/docs` and Swagger UI's assets under `/docs/`, when enabled.
pub fn config(enabled: bool) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| {
        if !enabled {
            return;
        }
        cfg.service(web::resource("/docs").get(docs_redirect))
            .service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", cached().clone()));
    }
}

/// Swagger UI lives under `/docs/`; its page loads assets by relative URL, so `/docs` redirects.
async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header(("Location", "/docs/"))
        .finish()
}
