//! The OpenAPI 3.1 document: the info, tags and security scheme declared here, merged with each
//! resource's paths and schemas (declared next to its handlers, listed in `routes::registry`),
//! then the finishing touches that apply to every operation.

use std::sync::OnceLock;

use utoipa::openapi::RefOr;
use utoipa::openapi::encoding::EncodingBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as Document, PathItem};
use utoipa::{Modify, OpenApi};

use crate::error::responses::error_answer;
use crate::error::{ErrorBody, ValidationErrorBody};
use crate::routes::registry::RESOURCES;

/// Routes served both with and without a trailing slash (`resource!` with two paths): the spec
/// lists the slash form as a copy of the plain one, so the two stay identical.
pub const SLASH_ALIASES: &[&str] = &[
    "/api/jobs",
    "/api/companies",
    "/api/notifications",
    "/api/email-templates",
    "/api/job-alerts",
    "/api/contact",
];

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
    components(schemas(ErrorBody, ValidationErrorBody)),
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
        (name = "directory", description = "Public figures and the company directory"),
        (name = "images", description = "Public job pictures and company logos"),
        (name = "applications", description = "Applications, for candidates and employers"),
        (name = "notifications", description = "In-app notifications"),
        (name = "email-templates", description = "The company's email templates (employers)"),
        (name = "dashboard", description = "The dashboard of the signed-in user"),
        (name = "admin", description = "Administration (admin role)"),
        (name = "users", description = "Legacy read-only user routes (admin role)"),
    ),
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

/// The finished document: the declared one, every resource's part, and the trailing-slash copies.
pub fn spec() -> Document {
    let mut doc = ApiDoc::openapi();
    for resource in RESOURCES {
        doc.merge((resource.docs)());
    }
    // utoipa names operations after the handler fn, and several modules have a `list` or a
    // `delete`: the tag prefix makes the ids unique, as the OpenAPI spec requires.
    for (path, item) in doc.paths.paths.iter_mut() {
        // Routes that never touch the database cannot answer 503.
        let uses_database = !STATIC_ROUTES.contains(&path.as_str());
        for op in operations(item) {
            let tag = op.tags.as_ref().and_then(|t| t.first()).cloned();
            if let (Some(tag), Some(id)) = (tag, op.operation_id.as_mut()) {
                *id = format!("{}_{id}", tag.replace('-', "_"));
            }
            add_server_errors(op, uses_database);
        }
    }
    add_part_types(&mut doc);
    for path in SLASH_ALIASES {
        if let Some(item) = doc.paths.paths.get(*path).cloned() {
            doc.paths
                .paths
                .insert(format!("{path}/"), with_suffix(item, "_slash"));
        }
    }
    doc
}

/// Multipart parts whose media type the server checks, as `(path, part, media type)`: the
/// `encoding` of the request body says so (the `request_body` attribute cannot), so that clients
/// and generated requests send the CV part as a PDF (anything else is a 400 `not_pdf`).
const PART_TYPES: &[(&str, &str, &str)] = &[("/api/candidates/cv", "cv", "application/pdf")];

fn add_part_types(doc: &mut Document) {
    for (path, part, media_type) in PART_TYPES {
        let Some(item) = doc.paths.paths.get_mut(*path) else {
            continue;
        };
        for op in operations(item) {
            let Some(RefOr::T(body)) = op.request_body.as_mut() else {
                continue;
            };
            if let Some(RefOr::T(content)) = body.content.get_mut("multipart/form-data") {
                content.encoding.insert(
                    (*part).to_owned(),
                    EncodingBuilder::new()
                        .content_type(Some(*media_type))
                        .build(),
                );
            }
        }
    }
}

/// The routes that answer without the database or the file storage.
const STATIC_ROUTES: &[&str] = &["/", "/health", "/api/ping", "/api/status"];

/// Any operation may fail unexpectedly (500), and one that uses the database may find it
/// unreachable (503); declared once here rather than on every handler.
fn add_server_errors(op: &mut Operation, uses_database: bool) {
    let unavailable = (
        "503",
        "Database unreachable or busy (`service_unavailable`); see `Retry-After`",
    );
    let internal = (
        "500",
        "Unexpected error (`internal_error`); details only in the logs",
    );
    for (status, text) in std::iter::once(internal).chain(uses_database.then_some(unavailable)) {
        op.responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| RefOr::T(error_answer(text)));
    }
}

/// Operation ids must be unique across the document, so the copy gets a suffix.
fn with_suffix(mut item: PathItem, suffix: &str) -> PathItem {
    for op in operations(&mut item) {
        if let Some(id) = op.operation_id.as_mut() {
            id.push_str(suffix);
        }
    }
    item
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .flatten()
}

/// Built once per process; every worker serves the same document.
pub fn cached() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(spec)
}

/// The spec as pretty JSON (the `intowork openapi` command and the CI validator).
pub fn spec_json() -> String {
    cached()
        .to_pretty_json()
        .unwrap_or_else(|_| "{}".to_owned())
}
