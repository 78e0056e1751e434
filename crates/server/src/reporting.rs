//! Optional error reporting to Sentry (`SENTRY_DSN`; docs/operations.md, "Error reporting").
//!
//! What is reported: every 500 a handler returns (with the cause `ApiError::internal` kept; the
//! client never sees it), every panic (the panic integration, through the request's hub, so the
//! event carries the method and route), and error logs outside the HTTP layer (background work).
//! 503s are not errors of ours: a database outage must not flood the project.
//!
//! What never is: personal data or secrets. `send_default_pii` stays off, request bodies are not
//! captured, and `before_send` strips cookies, `Authorization` and every header outside a short
//! allow-list, secret query values, the user, and anything that looks like an email, a bearer
//! token, a JWT or a `password=` value in texts (see `scrub`).
//!
//! The request side is owned by each [`crate::Application`] (its own client and hub, so tests can
//! run several apps in one process); `main` also binds one process-wide for work outside requests.

use std::borrow::Cow;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use intowork_http::ApiError;
use sentry::protocol::{Event, Exception, Level};
use sentry::{ClientOptions, Hub};

use crate::settings::Settings;

mod scrub;

pub use scrub::{scrub_breadcrumb, scrub_event, scrub_text};

/// How long a shutdown waits for queued events.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(2);

/// The client options: DSN, release and environment tags, and the privacy settings above.
/// `None` when `SENTRY_DSN` is unset.
pub fn options(settings: &Settings) -> Option<ClientOptions> {
    let dsn = settings.security.sentry_dsn.as_ref()?;
    // Validated with the settings; a failure here would be a bug, so reporting is just off.
    let dsn = sentry::types::Dsn::from_str(dsn.expose()).ok()?;
    // #[non_exhaustive]: built from the defaults, field by field.
    let mut o = ClientOptions::default();
    o.dsn = Some(dsn);
    o.release = Some(Cow::Borrowed(concat!(
        "intowork@",
        env!("CARGO_PKG_VERSION")
    )));
    o.environment = Some(Cow::Borrowed(if settings.is_production() {
        "production"
    } else {
        "development"
    }));
    o.send_default_pii = false;
    o.max_request_body_size = sentry::MaxRequestBodySize::None;
    // A captured 500 would get the reporter's own stack, which says nothing; panics carry theirs.
    o.attach_stacktrace = false;
    o.shutdown_timeout = FLUSH_TIMEOUT;
    o.before_send = Some(Arc::new(|event| Some(scrub_event(event))));
    o.before_breadcrumb = Some(Arc::new(|crumb| Some(scrub_breadcrumb(crumb))));
    Some(sentry::apply_defaults(o))
}

/// The request-side reporter of one application.
pub struct Reporter {
    client: Arc<sentry::Client>,
    hub: Arc<Hub>,
}

impl std::fmt::Debug for Reporter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reporter").finish_non_exhaustive()
    }
}

impl Reporter {
    pub fn from_settings(settings: &Settings) -> Option<Reporter> {
        let client = Arc::new(sentry::Client::from(options(settings)?));
        let hub = Arc::new(Hub::new(
            Some(client.clone()),
            Arc::new(sentry::Scope::default()),
        ));
        Some(Reporter { client, hub })
    }

    /// sentry-actix gives each request a hub derived from ours (so panics and captures carry the
    /// request's method, URL and allowed headers). Its own capture is off: [`report_server_errors`]
    /// does it with the cause.
    pub fn middleware(&self) -> sentry_actix::Sentry {
        sentry_actix::Sentry::builder()
            .with_hub(self.hub.clone())
            .capture_server_errors(false)
            .start_transaction(false)
            .finish()
    }

    /// Sends what is queued (at shutdown).
    pub fn flush(&self) {
        self.client.flush(Some(FLUSH_TIMEOUT));
    }
}

/// For `main`: binds a client to the process-wide hub, for errors and panics outside requests.
/// Keep the guard until exit: dropping it flushes the queue.
pub fn init_global(settings: &Settings) -> Option<sentry::ClientInitGuard> {
    options(settings).map(sentry::init)
}

/// The `tracing` side for `telemetry`: error logs outside the HTTP layer become events (the HTTP
/// layer's end in a 500 that [`report_server_errors`] reports; a `panic` field means the panic
/// integration already did); info and warnings become breadcrumbs of the next event.
pub fn tracing_layers<S>() -> impl tracing_subscriber::Layer<S>
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
{
    use sentry::integrations::tracing::{BreadcrumbLayer, ErrorLayer};
    use tracing_subscriber::Layer;
    use tracing_subscriber::filter::{LevelFilter, filter_fn};

    let errors = ErrorLayer::new().with_filter(filter_fn(|md| {
        *md.level() == tracing::Level::ERROR
            && !md.target().starts_with("intowork_http")
            && md.fields().field("panic").is_none()
    }));
    errors.and_then(BreadcrumbLayer::new().with_filter(LevelFilter::INFO))
}

/// Wraps the app inside the sentry-actix middleware: a 500 that carries an error is captured
/// once, tagged with the request id that the logs carry too.
pub async fn report_server_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let res = next.call(req).await;
    let (status, error, request_id) = match &res {
        Ok(r) => (
            r.status(),
            r.response().error(),
            r.headers()
                .get(intowork_http::middleware::REQUEST_ID)
                .and_then(|v| v.to_str().ok()),
        ),
        Err(e) => (e.error_response().status(), Some(e), None),
    };
    eprintln!(
        "DEBUG report: status={status} error={:?} client={}",
        error.map(|e| e.to_string()),
        Hub::current().client().is_some()
    );
    if status == StatusCode::INTERNAL_SERVER_ERROR
        && let Some(error) = error
    {
        let mut event = match error.as_error::<ApiError>() {
            Some(api) => api_event(api),
            None => sentry::event_from_error(error),
        };
        if let Some(id) = request_id {
            event.tags.insert("request_id".into(), id.to_owned());
        }
        Hub::current().capture_event(event);
    }
    res
}

fn api_event(api: &ApiError) -> Event<'static> {
    let exception = Exception {
        ty: api.code().to_owned(),
        value: Some(api.cause().unwrap_or("no cause recorded").to_owned()),
        ..Default::default()
    };
    Event {
        level: Level::Error,
        exception: vec![exception].into(),
        ..Default::default()
    }
}
