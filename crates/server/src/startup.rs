//! Wiring: adapters into services, services into the HTTP app, and the database start-up rules of
//! CONTRACT 9.5 (migrate at start unless told not to; if the database is down, serve anyway —
//! liveness 200, readiness and database routes 503 — and keep retrying in the background).

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::{Server, ServerHandle};
use actix_web::middleware::{Condition, from_fn};
use actix_web::{HttpServer, web};
use intowork_auth::{Argon2Hasher, HmacLinkSigner, JwtTokenIssuer, hashing_threads_for};
use intowork_domain::application::ApplicationService;
use intowork_domain::auth::AuthService;
use intowork_domain::candidate::ProfileService;
use intowork_domain::company::CompanyService;
use intowork_domain::cv::{CvLimits, CvService};
use intowork_domain::dashboard::DashboardService;
use intowork_domain::files::{FileStore, FileStoreError};
use intowork_domain::health::HealthService;
use intowork_domain::job::JobService;
use intowork_domain::notification::NotificationService;
use intowork_domain::ports::SystemClock;
use intowork_files::{LocalFileStore, S3Config, S3FileStore, UuidKeyGenerator};
use intowork_http::{AppState, HttpSettings, build_app};
use intowork_ratelimit::InvalidRedisUrl;
use intowork_storage::{
    CachedJobs, Database, DieselApplicationRepository, DieselCandidateRepository,
    DieselCompanyRepository, DieselCvRepository, DieselHealth, DieselJobRepository,
    DieselUserRepository, ReadCaches, StorageError,
};
use intowork_storage::{DieselDashboardRepository, DieselNotificationRepository};
use thiserror::Error;
use tracing::{info, warn};

use crate::accounts;
use crate::reporting::{self, Reporter};
use crate::secret;
use crate::settings::{Settings, StorageSettings};

#[derive(Debug, Error)]
pub enum StartupError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("database configuration: {0}")]
    Storage(#[from] StorageError),
    #[error("file storage: {0}")]
    Files(FileStoreError),
    #[error("signing secret: {0}")]
    Secret(std::io::Error),
    #[error("server: {0}")]
    Server(std::io::Error),
    #[error("REDIS_URL: {0}")]
    Redis(#[from] InvalidRedisUrl),
    #[error("SMTP_URL or MAIL_FROM: {0}")]
    Mail(#[from] intowork_mail::MailConfigError),
}

/// Blocking threads per worker: one per pooled connection plus a few for file I/O.
fn blocking_threads(pool_size: u32) -> usize {
    usize::try_from(pool_size)
        .unwrap_or(usize::MAX)
        .saturating_add(4)
}

const RETRY_EVERY: Duration = Duration::from_secs(2);
const FIRST_ATTEMPT_BOUND: Duration = Duration::from_secs(2);

pub struct Application {
    port: u16,
    server: Server,
    database: Database,
    /// Request-side error reporting (`SENTRY_DSN`), flushed when the server stops.
    reporter: Option<Arc<Reporter>>,
}

impl Application {
    /// Binds first (port 0 picks a free port, see [`Application::port`]), then wires everything.
    pub async fn build(settings: Settings) -> Result<Application, StartupError> {
        let addr = format!("{}:{}", settings.host, settings.port);
        let listener =
            TcpListener::bind(&addr).map_err(|source| StartupError::Bind { addr, source })?;
        let port = listener.local_addr().map_err(StartupError::Server)?.port();

        let database = Database::connect_lazy(
            &settings.database_url,
            settings.database_pool_size,
            settings.database_pool_timeout,
        )?;
        bring_up_database(database.clone(), settings.run_migrations_on_start).await;

        let secret = secret::resolve(&settings).map_err(StartupError::Secret)?;
        let files = file_store(&settings)?;
        let clock = Arc::new(SystemClock);
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        // One hasher for sign-in and password reset: its threads bound argon2's CPU and memory.
        let hasher = Arc::new(Argon2Hasher::new(hashing_threads_for(cores)));
        // One set of read caches for the process: the cached job repository reads them, the
        // repositories whose writes change a cached answer evict from them.
        let caches = ReadCaches::new();
        let auth = AuthService::new(
            Arc::new(DieselUserRepository::new(database.clone()).with_caches(caches.clone())),
            hasher.clone(),
            Arc::new(JwtTokenIssuer::with_default_ttl(secret.expose().as_bytes())),
            files.clone(),
            clock.clone(),
        );
        let candidates = Arc::new(DieselCandidateRepository::new(database.clone()));
        let profiles = ProfileService::new(candidates.clone(), clock.clone());
        let cvs = CvService::new(
            Arc::new(DieselCvRepository::new(database.clone())),
            candidates.clone(),
            files.clone(),
            Arc::new(UuidKeyGenerator),
            Arc::new(HmacLinkSigner::new(secret.expose().as_bytes())),
            clock.clone(),
            CvLimits {
                max_bytes: settings.max_upload_mib * 1024 * 1024,
                max_cvs: settings.max_cvs_per_candidate,
            },
        );
        let company_repo =
            Arc::new(DieselCompanyRepository::new(database.clone()).with_caches(caches.clone()));
        let companies = CompanyService::new(company_repo.clone(), clock.clone());
        let job_repo = Arc::new(CachedJobs::new(
            DieselJobRepository::new(database.clone()),
            caches.clone(),
        ));
        let jobs = JobService::new(job_repo.clone(), company_repo.clone(), clock.clone());
        let applications = ApplicationService::new(
            Arc::new(
                DieselApplicationRepository::new(database.clone()).with_caches(caches.clone()),
            ),
            candidates.clone(),
            company_repo,
            clock.clone(),
        );
        let notifications = NotificationService::new(
            Arc::new(DieselNotificationRepository::new(database.clone())),
            clock.clone(),
        );
        let dashboards = DashboardService::new(
            Arc::new(DieselDashboardRepository::new(database.clone()).with_jobs(job_repo)),
            clock.clone(),
        );
        let admin = accounts::admin_service(&database, &caches, files.clone(), clock.clone());
        let recovery = accounts::recovery_service(&settings, &database, hasher, clock.clone())?;
        let limits = Arc::new(crate::limits::build(&settings).await?);
        let state = web::Data::new(AppState {
            limits,
            admin: Arc::new(admin),
            recovery: Arc::new(recovery),
            notifications: Arc::new(notifications),
            dashboards: Arc::new(dashboards),
            auth: Arc::new(auth),
            applications: Arc::new(applications),
            companies: Arc::new(companies),
            jobs: Arc::new(jobs),
            profiles: Arc::new(profiles),
            cvs: Arc::new(cvs),
            health: Arc::new(HealthService::new(
                Arc::new(DieselHealth::new(database.clone())),
                files,
            )),
        });
        let http = web::Data::new(HttpSettings {
            cors: settings.cors.clone(),
            trusted_proxy_hops: settings.security.trusted_proxy_hops,
            force_https: settings.security.force_https,
            api_docs: settings.api_docs,
            ..HttpSettings::default()
        });

        let reporter = Reporter::from_settings(&settings).map(Arc::new);
        let sentry = reporter.clone();
        let server = HttpServer::new(move || {
            // Outermost: the request's Sentry hub, then the 500 reporter inside it.
            let on = sentry.is_some();
            let hub = sentry
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
        .worker_max_blocking_threads(blocking_threads(settings.database_pool_size))
        .listen(listener)
        .map_err(StartupError::Server)?
        .run();
        info!(port, backend = ?database.backend(), "listening");
        Ok(Application {
            port,
            server,
            database,
            reporter,
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

    /// Serves until SIGTERM/SIGINT (or a stop through the handle); in-flight requests finish first.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        if let Some(reporter) = self.reporter {
            // Blocking, bounded by the flush timeout: the server has stopped by now.
            let _ = tokio::task::spawn_blocking(move || reporter.flush()).await;
        }
        result
    }
}

/// The configured file store (`STORAGE_BACKEND`), shared by the server and the operator commands.
pub fn file_store(settings: &Settings) -> Result<Arc<dyn FileStore>, StartupError> {
    Ok(match &settings.storage {
        StorageSettings::Local => Arc::new(LocalFileStore::new(settings.upload_dir.clone())),
        StorageSettings::S3(s3) => Arc::new(
            S3FileStore::new(S3Config {
                bucket: s3.bucket.clone(),
                endpoint: s3.endpoint.clone(),
                region: s3.region.clone(),
                access_key_id: s3.access_key_id.clone(),
                secret_access_key: s3.secret_access_key.expose().to_owned(),
                force_path_style: s3.force_path_style,
                allow_http: s3
                    .endpoint
                    .as_deref()
                    .is_some_and(|e| e.starts_with("http://")),
            })
            .map_err(StartupError::Files)?,
        ),
    })
}

/// One attempt now; on failure, serve anyway and retry in the background until it works.
async fn bring_up_database(db: Database, migrate: bool) {
    let attempt_db = db.clone();
    // Bounded: an unreachable server would otherwise hold the start-up for the whole pool timeout
    // while the port is bound but not answering (liveness must answer at once, 9.5). An attempt
    // still running when the bound passes completes in the background.
    let first = tokio::time::timeout(
        FIRST_ATTEMPT_BOUND,
        tokio::task::spawn_blocking(move || attempt(&attempt_db, migrate)),
    )
    .await;
    match &first {
        Ok(Ok(Ok(()))) => return,
        Ok(Ok(Err(e))) => {
            warn!(error = %e, "database not available at start; serving and retrying in the background");
        }
        Ok(Err(e)) => {
            warn!(error = %e, "database start-up task failed; retrying in the background")
        }
        Err(_) => warn!("database slow to answer at start; serving and retrying in the background"),
    }
    actix_web::rt::spawn(async move {
        loop {
            actix_web::rt::time::sleep(RETRY_EVERY).await;
            let db = db.clone();
            match tokio::task::spawn_blocking(move || attempt(&db, migrate)).await {
                Ok(Ok(())) => {
                    info!("database is available");
                    break;
                }
                Ok(Err(e)) => warn!(error = %e, "database still unavailable"),
                Err(e) => warn!(error = %e, "database start-up task failed"),
            }
        }
    });
}

fn attempt(db: &Database, migrate: bool) -> Result<(), StorageError> {
    // Fails fast when the server refuses connections, instead of waiting out the pool timeout.
    db.probe()?;
    if migrate {
        // The storage adapter logs what it applied.
        db.run_migrations()?;
    } else {
        db.check_connection()?;
    }
    db.set_ready(true);
    Ok(())
}
