//! The actix server around the HTTP app: error reporting middleware, graceful shutdown, and the
//! blocking-thread bound.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::{Condition, from_fn};
use actix_web::{HttpServer, web};
use intowork_http::{AppState, HttpSettings, build_app};

use crate::reporting::{self, Reporter};
use crate::settings::Settings;

/// The HTTP layer's settings, from the server's.
pub(super) fn http_settings(settings: &Settings) -> HttpSettings {
    HttpSettings {
        cors: settings.cors.clone(),
        trusted_proxy_hops: settings.security.trusted_proxy_hops,
        force_https: settings.security.force_https,
        public_origin: settings.public_api_url.clone(),
        api_docs: settings.api_docs,
        ..HttpSettings::default()
    }
}

/// Starts serving on `listener`; requests are reported to Sentry when `reporter` is set.
pub(super) fn start(
    listener: TcpListener,
    state: AppState,
    http: HttpSettings,
    reporter: Option<Arc<Reporter>>,
    pool_size: u32,
) -> std::io::Result<Server> {
    let state = web::Data::new(state);
    let http = web::Data::new(http);
    let server = HttpServer::new(move || {
        // Outermost: the request's Sentry hub, then the 500 reporter inside it.
        let on = reporter.is_some();
        let hub = reporter
            .as_ref()
            .map_or_else(sentry_actix::Sentry::new, |r| r.middleware());
        build_app(state.clone(), http.clone())
            .wrap(Condition::new(on, from_fn(reporting::report_server_errors)))
            .wrap(Condition::new(on, hub))
    })
    .shutdown_timeout(30)
    // Blocking work is database calls (bounded by the pool anyway) and local file I/O. actix's
    // default allows 512 threads per worker: a burst of waiting requests then spawned dozens
    // of threads, each with its own malloc arena, which stayed resident (docs/performance.md).
    .worker_max_blocking_threads(blocking_threads(pool_size))
    .listen(listener)?
    .run();
    Ok(server)
}

/// Blocking threads per worker: one per pooled connection plus a few for file I/O.
fn blocking_threads(pool_size: u32) -> usize {
    usize::try_from(pool_size)
        .unwrap_or(usize::MAX)
        .saturating_add(4)
}
