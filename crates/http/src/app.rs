//! The application factory shared by the server and the HTTP tests.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{ErrorHandlers, from_fn};
use actix_web::{App, web};

use crate::extract::path_error_handler;
use crate::in_flight::limit_in_flight;
use crate::middleware::{json_error_body, not_found, request_context};
use crate::openapi;
use crate::routes::registry::RESOURCES;
use crate::security::transport_security;
use crate::state::{AppState, HttpSettings};

/// Builds the whole API: routes, extractor configuration and middleware, outermost last:
/// request span → security headers and the HTTPS redirect → JSON error bodies → CORS (so errors
/// carry CORS headers too, and every response the security headers) → the per-address cap on
/// requests in flight (inside CORS, so a browser can read its 429); each resource has its own
/// panic guard (see `resource!`).
pub fn build_app(
    state: web::Data<AppState>,
    settings: web::Data<HttpSettings>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let cors = settings.cors.middleware();
    let api_docs = settings.api_docs;
    let mut app = App::new()
        .app_data(state)
        .app_data(settings)
        .app_data(web::PathConfig::default().error_handler(path_error_handler));
    for resource in RESOURCES {
        app = app.configure(resource.routes);
    }
    app.configure(openapi::config(api_docs))
        .default_service(web::to(not_found))
        .wrap(from_fn(limit_in_flight))
        .wrap(cors)
        .wrap(ErrorHandlers::new().default_handler(json_error_body))
        .wrap(from_fn(transport_security))
        .wrap(from_fn(request_context))
}
