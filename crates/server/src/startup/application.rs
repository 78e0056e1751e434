//! The running service: [`Application::build`] binds, brings the database up, wires the services
//! and starts the HTTP server; `main` and the end-to-end tests drive it.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::{Server, ServerHandle};
use intowork_storage::Database;
use tracing::info;

use super::alert_scheduler::AlertScheduler;
use super::database::bring_up_database;
use super::error::StartupError;
use super::http_server::{http_settings, start};
use super::mail_worker::MailWorker;
use super::view_flusher::ViewFlusher;
use crate::reporting::Reporter;
use crate::settings::Settings;
use crate::wiring;

pub struct Application {
    port: u16,
    server: Server,
    database: Database,
    /// Request-side error reporting (`SENTRY_DSN`), flushed when the server stops.
    reporter: Option<Arc<Reporter>>,
    /// Delivers the mail outbox; stopped after the server.
    mail_worker: MailWorker,
    /// Runs the job alerts; stopped before the mail worker, whose outbox it feeds.
    alert_scheduler: AlertScheduler,
    /// Writes the counted job views; flushed once more after the server stops.
    view_flusher: ViewFlusher,
}

impl Application {
    /// Binds first (port 0 picks a free port, see [`Application::port`]), then wires everything.
    pub async fn build(settings: Settings) -> Result<Application, StartupError> {
        let (listener, port) = bind(&settings)?;
        let database = Database::connect_lazy(
            &settings.database_url,
            settings.database_pool_size,
            settings.database_pool_timeout,
        )?;
        bring_up_database(database.clone(), settings.run_migrations_on_start).await;
        let (state, background) = wiring::app_state(&settings, &database).await?;
        let reporter = Reporter::from_settings(&settings).map(Arc::new);
        let server = start(
            listener,
            state,
            http_settings(&settings),
            reporter.clone(),
            settings.database_pool_size,
        )
        .map_err(StartupError::Server)?;
        let alert_scheduler = AlertScheduler::spawn(background.alerts);
        let mail_worker = MailWorker::spawn(
            background.service,
            background.outbox,
            settings.mail.poll_interval,
        );
        let view_flusher = ViewFlusher::spawn(background.job_views);
        info!(port, backend = ?database.backend(), "listening");
        Ok(Application {
            port,
            server,
            database,
            reporter,
            mail_worker,
            alert_scheduler,
            view_flusher,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn database(&self) -> &Database {
        &self.database
    }

    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Serves until SIGTERM/SIGINT (or a stop through the handle); in-flight requests finish
    /// first, then the counted job views are written and the mail worker finishes its pass.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        self.view_flusher.stop().await;
        self.alert_scheduler.stop().await;
        self.mail_worker.stop().await;
        if let Some(reporter) = self.reporter {
            // Blocking, bounded by the flush timeout: the server has stopped by now.
            let _ = tokio::task::spawn_blocking(move || reporter.flush()).await;
        }
        result
    }
}

/// The listener on `HOST:PORT` and the port it got.
fn bind(settings: &Settings) -> Result<(TcpListener, u16), StartupError> {
    let addr = format!("{}:{}", settings.host, settings.port);
    let listener =
        TcpListener::bind(&addr).map_err(|source| StartupError::Bind { addr, source })?;
    let port = listener.local_addr().map_err(StartupError::Server)?.port();
    Ok((listener, port))
}
