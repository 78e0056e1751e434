//! The actix server around the HTTP app: error reporting middleware, graceful shutdown, the
//! blocking-thread bound, and how long slow or idle connections are kept.

use std::net::TcpListener;
use std::num::NonZeroUsize;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{Condition, from_fn};
use actix_web::{HttpServer, web};
use intowork_http::client_slots::ClientSlots;
use intowork_http::{AppState, HttpSettings, build_app};

use super::open_files::{connections_per_worker, raise_open_file_limit};
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
        json_body_timeout: settings.connections.json_body_timeout,
        upload_body_timeout: settings.connections.upload_body_timeout,
        client_slots: ClientSlots::new(settings.connections.max_requests_in_flight_per_client),
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
    let workers = std::thread::available_parallelism().map_or(2, NonZeroUsize::get);
    let max_connections = connections_per_worker(raise_open_file_limit(), workers);
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
    // Slow clients (docs/configuration.md, "Slow clients"). The request head must arrive within
    // 5 s of the connection opening (a slowloris sending headers a byte at a time is answered 408
    // and closed). Bodies have their own, longer deadlines, enforced where they are read.
    .client_request_timeout(HEAD_TIMEOUT)
    // An idle kept-alive connection is closed after 5 s: long enough for a browser's or the
    // proxy's next request to reuse it, short enough that idle sockets cannot pile up.
    .keep_alive(KEEP_ALIVE)
    // After an early answer (a 408, a 413, a 429, a route that ignores its body) the connection
    // lingers this long, discarding what still arrives so the client can read the answer, then
    // is dropped; the same bound applies to a client that does not acknowledge the close.
    .client_disconnect_timeout(DISCONNECT_TIMEOUT)
    // actix's own default, set here so that the connection budget is divided by the same count.
    .workers(workers)
    // Blocking work is database calls (bounded by the pool anyway) and local file I/O. actix's
    // default allows 512 threads per worker: a burst of waiting requests then spawned dozens
    // of threads, each with its own malloc arena, which stayed resident (docs/performance.md).
    .worker_max_blocking_threads(blocking_threads(pool_size));
    let server = match max_connections {
        // Below the open-file limit, with a reserve for the database and files: at the cap a
        // worker stops accepting for a moment instead of failing every `open` and `connect`.
        Some(max) => server.max_connections(max),
        None => server,
    };
    let server = server.listen(listener)?.run();
    Ok(server)
}

const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
const KEEP_ALIVE: Duration = Duration::from_secs(5);
const DISCONNECT_TIMEOUT: Duration = Duration::from_secs(1);

/// Blocking threads per worker: one per pooled connection plus a few for file I/O.
fn blocking_threads(pool_size: u32) -> usize {
    usize::try_from(pool_size)
        .unwrap_or(usize::MAX)
        .saturating_add(4)
}
