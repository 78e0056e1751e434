//! The current frontend's calls that need an outside service this server is not connected to
//! (HEAD 10.1, 10.20): LinkedIn, Google and Outlook calendars, Targetym, AI scoring, Google
//! sign-in. Each answers 501 `not_configured` with a French `detail` the frontend can show, after
//! the same authentication and role checks the real route will have, never a 404 (which reads as
//! a broken deployment) or a 500. One table serves the routes and the document, so a placeholder
//! cannot be served undocumented; they carry the tag `not-configured`.

use actix_web::http::{Method, StatusCode};
use actix_web::{HttpResponse, web};
use intowork_domain::user::Role;
use utoipa::IntoResponses;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem, PathsBuilder};
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{OpenApi, OpenApiBuilder, ResponsesBuilder};

use crate::error::ApiError;
use crate::error::responses::{NeedsRole, error_answer};
use crate::extract::RoleUser;
use crate::middleware::method_not_allowed;
use crate::role_gate;

/// The document's tag of these operations (Schemathesis skips them: they answer 5xx on purpose).
pub const TAG: &str = "not-configured";

role_gate!(
    /// Integrations and the AI scoring of applications: the employer's tools.
    EmployerTools,
    Role::Employer,
    "Accès réservé aux employeurs"
);
role_gate!(
    /// The AI help of the candidate dashboard.
    CandidateTools,
    Role::Candidate,
    "Accès réservé aux candidats"
);

/// Who may reach a placeholder (and will reach the real route).
#[derive(Clone, Copy)]
enum Access {
    Employer,
    Candidate,
    /// Google sign-in: called before any account exists.
    Anyone,
}

#[derive(Clone, Copy)]
enum Verb {
    Get,
    Post,
    Delete,
}

struct Placeholder {
    verb: Verb,
    path: &'static str,
    access: Access,
    /// The outside service, in the `detail` (`L'intégration LinkedIn n'est pas …`).
    service: &'static str,
}

const fn at(verb: Verb, path: &'static str, access: Access, service: &'static str) -> Placeholder {
    Placeholder {
        verb,
        path,
        access,
        service,
    }
}

use Access::{Anyone, Candidate, Employer};
use Verb::{Delete, Get, Post};

/// HEAD.md 1.14 (integrations), 1.15 (AI, except the self-contained pipeline list) and the
/// Google sign-in of 1.1.
const PLACEHOLDERS: &[Placeholder] = &[
    at(
        Get,
        "/api/integrations/status",
        Employer,
        "des intégrations",
    ),
    at(
        Get,
        "/api/integrations/linkedin/auth-url",
        Employer,
        "LinkedIn",
    ),
    at(
        Get,
        "/api/integrations/linkedin/organizations",
        Employer,
        "LinkedIn",
    ),
    at(
        Post,
        "/api/integrations/linkedin/publish-job",
        Employer,
        "LinkedIn",
    ),
    at(
        Delete,
        "/api/integrations/linkedin/disconnect",
        Employer,
        "LinkedIn",
    ),
    at(
        Get,
        "/api/integrations/google-calendar/auth-url",
        Employer,
        "Google Agenda",
    ),
    at(
        Post,
        "/api/integrations/google-calendar/create-event",
        Employer,
        "Google Agenda",
    ),
    at(
        Delete,
        "/api/integrations/google-calendar/disconnect",
        Employer,
        "Google Agenda",
    ),
    at(
        Get,
        "/api/integrations/outlook/auth-url",
        Employer,
        "Outlook",
    ),
    at(
        Post,
        "/api/integrations/outlook/create-event",
        Employer,
        "Outlook",
    ),
    at(
        Delete,
        "/api/integrations/outlook/disconnect",
        Employer,
        "Outlook",
    ),
    at(Get, "/api/integrations/api-key", Employer, "Targetym"),
    at(
        Post,
        "/api/integrations/api-key/generate",
        Employer,
        "Targetym",
    ),
    at(
        Post,
        "/api/integrations/targetym/link",
        Employer,
        "Targetym",
    ),
    at(
        Delete,
        "/api/integrations/targetym/unlink",
        Employer,
        "Targetym",
    ),
    at(
        Get,
        "/api/integrations/targetym/status",
        Employer,
        "Targetym",
    ),
    at(
        Post,
        "/api/ai-scoring/score-application",
        Employer,
        "d'analyse IA",
    ),
    at(
        Post,
        "/api/ai-scoring/score-job-applications",
        Employer,
        "d'analyse IA",
    ),
    at(
        Get,
        "/api/ai-scoring/candidate/job-matches",
        Candidate,
        "d'analyse IA",
    ),
    at(
        Post,
        "/api/ai-scoring/interview-prep",
        Candidate,
        "d'analyse IA",
    ),
    at(Post, "/api/auth/oauth/signin", Anyone, "Google"),
];

/// The 501 of one placeholder.
fn not_configured(service: &'static str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_IMPLEMENTED,
        "not_configured",
        format!("Le service {service} n'est pas encore disponible sur ce serveur."),
    )
}

type Answer = Result<HttpResponse, ApiError>;

pub fn config(cfg: &mut web::ServiceConfig) {
    for p in PLACEHOLDERS {
        let service = p.service;
        let method = match p.verb {
            Verb::Get => Method::GET,
            Verb::Post => Method::POST,
            Verb::Delete => Method::DELETE,
        };
        let allow = method.as_str().to_owned();
        // The body, if any, is never read: the answer does not depend on it.
        let route = web::method(method);
        let route = match p.access {
            Access::Employer => route.to(move |_: RoleUser<EmployerTools>| async move {
                Answer::Err(not_configured(service))
            }),
            Access::Candidate => route.to(move |_: RoleUser<CandidateTools>| async move {
                Answer::Err(not_configured(service))
            }),
            Access::Anyone => route.to(move || async move { Answer::Err(not_configured(service)) }),
        };
        cfg.service(
            web::resource(p.path)
                .route(route)
                .default_service(web::to(move || {
                    let allow = allow.clone();
                    async move { method_not_allowed(&allow) }
                })),
        );
    }
}

/// The placeholders in the OpenAPI document: each with its 501 and, behind a role, 401/403.
pub fn docs() -> OpenApi {
    let mut paths = PathsBuilder::new();
    for p in PLACEHOLDERS {
        let mut answers = ResponsesBuilder::new().response(
            "501",
            error_answer("`not_configured`: the outside service is not connected to this server"),
        );
        let mut operation = OperationBuilder::new()
            .tag(TAG)
            .summary(Some(format!("Needs {}: answers 501 for now", p.service)));
        if !matches!(p.access, Access::Anyone) {
            answers = answers.responses_from_iter(NeedsRole::responses());
            operation =
                operation.security(SecurityRequirement::new("bearer", Vec::<String>::new()));
        }
        let verb = match p.verb {
            Verb::Get => HttpMethod::Get,
            Verb::Post => HttpMethod::Post,
            Verb::Delete => HttpMethod::Delete,
        };
        paths = paths.path(p.path, PathItem::new(verb, operation.responses(answers)));
    }
    OpenApiBuilder::new().paths(paths).build()
}

#[cfg(test)]
mod tests {
    use super::PLACEHOLDERS;

    #[test]
    fn each_placeholder_path_is_listed_once() {
        let mut paths: Vec<_> = PLACEHOLDERS.iter().map(|p| p.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), PLACEHOLDERS.len());
    }
}
