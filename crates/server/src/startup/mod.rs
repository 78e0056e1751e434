//! Start-up: binds the listener, brings the database up as CONTRACT 9.5 says (migrate at start
//! unless told not to; if the database is down, serve anyway — liveness 200, readiness and
//! database routes 503 — and keep retrying in the background), wires the services (`wiring`),
//! runs the HTTP server and, beside it, the mail delivery worker.

mod alert_scheduler;
mod application;
mod database;
mod error;
mod http_server;
mod mail_worker;
mod open_files;
mod view_flusher;

pub use application::Application;
pub use error::StartupError;
