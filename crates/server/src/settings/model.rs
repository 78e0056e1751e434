//! The validated settings the service runs with.

use std::path::PathBuf;
use std::time::Duration;

use intowork_http::cors::CorsPolicy;

use super::connections::ConnectionSettings;
use super::mail::MailSettings;
use super::secret::Secret;
use super::security::SecuritySettings;
use super::storage::StorageSettings;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Clone, Debug)]
pub struct Settings {
    pub environment: Environment,
    pub host: String,
    pub port: u16,
    /// `PUBLIC_API_URL`: the API's origin as the public reaches it, when set (`settings/http.rs`).
    pub public_api_url: Option<String>,
    pub database_url: String,
    pub database_pool_size: u32,
    pub database_pool_timeout: Duration,
    pub run_migrations_on_start: bool,
    /// `None` in development when unset: the server then keeps a generated one in `data_dir`.
    pub secret: Option<Secret>,
    pub log_level: String,
    pub cors: CorsPolicy,
    pub data_dir: PathBuf,
    pub upload_dir: PathBuf,
    /// Largest CV file, in MiB (`MAX_UPLOAD_SIZE_MB`; exactly this size is accepted).
    pub max_upload_mib: usize,
    pub max_cvs_per_candidate: u32,
    /// What the read caches may hold together, in bytes (`READ_CACHE_MAX_MB`).
    pub read_cache_max_bytes: usize,
    pub storage: StorageSettings,
    /// Abuse limits, proxies, HTTPS and error reporting (`settings/security.rs`).
    pub security: SecuritySettings,
    /// Outgoing mail and the reset links' origin (`settings/mail.rs`).
    pub mail: MailSettings,
    /// `API_DOCS_ENABLED` (default true): `/openapi.json` and Swagger UI at `/docs` (8.18).
    pub api_docs: bool,
    /// Body deadlines and the per-address cap on requests in flight (`settings/connections.rs`).
    pub connections: ConnectionSettings,
}

impl Settings {
    pub fn is_production(&self) -> bool {
        self.environment == Environment::Production
    }
}
