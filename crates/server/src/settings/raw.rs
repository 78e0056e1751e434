//! The raw values as read from the file and the environment, and the names of every variable.

use serde::Deserialize;

/// The raw values, as strings where the parsing is ours (so errors can name the variable).
#[derive(Debug, Deserialize)]
pub(super) struct Raw {
    pub(super) environment: String,
    pub(super) host: String,
    pub(super) port: String,
    pub(super) public_api_url: Option<String>,
    pub(super) database_url: Option<String>,
    pub(super) database_pool_size: Option<String>,
    pub(super) database_pool_timeout_secs: String,
    pub(super) run_migrations_on_start: String,
    pub(super) allow_sqlite_in_production: String,
    pub(super) nextauth_secret: Option<String>,
    pub(super) log_level: String,
    pub(super) cors_origin: Option<String>,
    pub(super) data_dir: String,
    pub(super) upload_dir: Option<String>,
    pub(super) max_upload_size_mb: String,
    pub(super) max_cvs_per_candidate: String,
    pub(super) read_cache_max_mb: String,
    pub(super) storage_backend: String,
    pub(super) s3_bucket: Option<String>,
    pub(super) s3_endpoint: Option<String>,
    pub(super) s3_region: String,
    pub(super) s3_access_key_id: Option<String>,
    pub(super) s3_secret_access_key: Option<String>,
    pub(super) s3_force_path_style: String,
    pub(super) redis_url: Option<String>,
    pub(super) auth_rate_limit_per_minute: String,
    pub(super) user_action_rate_limit_per_minute: String,
    pub(super) jobs_per_day: String,
    pub(super) jobs_per_day_per_ip: String,
    pub(super) cv_uploads_per_day: String,
    pub(super) cv_uploads_per_day_per_ip: String,
    pub(super) trusted_proxy_hops: String,
    pub(super) force_https: String,
    pub(super) sentry_dsn: Option<String>,
    pub(super) smtp_url: Option<String>,
    pub(super) mail_from: Option<String>,
    pub(super) frontend_url: Option<String>,
    pub(super) reset_password_path: Option<String>,
    pub(super) contact_email: Option<String>,
    pub(super) mail_max_attempts: String,
    pub(super) mail_retry_base_secs: String,
    pub(super) mail_poll_interval_secs: String,
    pub(super) api_docs_enabled: String,
    pub(super) json_body_timeout_secs: String,
    pub(super) upload_body_timeout_secs: String,
    pub(super) max_requests_in_flight_per_client: String,
}

/// The built-in defaults of the fields [`Raw`] requires (lower-case keys, as `config` reads them).
pub(super) const DEFAULTS: &[(&str, &str)] = &[
    ("environment", "development"),
    ("host", "0.0.0.0"),
    ("port", "8000"),
    ("database_pool_timeout_secs", "5"),
    ("run_migrations_on_start", "true"),
    ("allow_sqlite_in_production", "false"),
    ("log_level", "info"),
    ("data_dir", "./data"),
    ("max_upload_size_mb", "5"),
    ("max_cvs_per_candidate", "10"),
    ("read_cache_max_mb", "32"),
    ("storage_backend", "local"),
    ("s3_region", "us-east-1"),
    ("s3_force_path_style", "false"),
    ("auth_rate_limit_per_minute", "10"),
    ("user_action_rate_limit_per_minute", "30"),
    ("jobs_per_day", "50"),
    ("jobs_per_day_per_ip", "200"),
    ("cv_uploads_per_day", "20"),
    ("cv_uploads_per_day_per_ip", "100"),
    ("trusted_proxy_hops", "0"),
    ("force_https", "false"),
    ("mail_max_attempts", "8"),
    ("mail_retry_base_secs", "30"),
    ("mail_poll_interval_secs", "5"),
    ("api_docs_enabled", "true"),
    ("json_body_timeout_secs", "30"),
    ("upload_body_timeout_secs", "120"),
    ("max_requests_in_flight_per_client", "32"),
];

/// Every environment variable the settings read: the upper-case names of [`Raw`]'s fields (a unit
/// test in `tests/variables.rs` keeps the two equal). The delivery tests compare this list with
/// `docs/configuration.md` and `railway.env.example`, in both directions: a new field needs a
/// name here and a line in both files. Problems are reported in this order.
pub const VARIABLES: &[&str] = &[
    "ENVIRONMENT",
    "HOST",
    "PORT",
    "PUBLIC_API_URL",
    "DATABASE_URL",
    "DATABASE_POOL_SIZE",
    "DATABASE_POOL_TIMEOUT_SECS",
    "RUN_MIGRATIONS_ON_START",
    "ALLOW_SQLITE_IN_PRODUCTION",
    "NEXTAUTH_SECRET",
    "LOG_LEVEL",
    "CORS_ORIGIN",
    "DATA_DIR",
    "UPLOAD_DIR",
    "MAX_UPLOAD_SIZE_MB",
    "MAX_CVS_PER_CANDIDATE",
    "READ_CACHE_MAX_MB",
    "STORAGE_BACKEND",
    "S3_BUCKET",
    "S3_ENDPOINT",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_FORCE_PATH_STYLE",
    "REDIS_URL",
    "AUTH_RATE_LIMIT_PER_MINUTE",
    "USER_ACTION_RATE_LIMIT_PER_MINUTE",
    "JOBS_PER_DAY",
    "JOBS_PER_DAY_PER_IP",
    "CV_UPLOADS_PER_DAY",
    "CV_UPLOADS_PER_DAY_PER_IP",
    "TRUSTED_PROXY_HOPS",
    "FORCE_HTTPS",
    "SENTRY_DSN",
    "SMTP_URL",
    "MAIL_FROM",
    "FRONTEND_URL",
    "RESET_PASSWORD_PATH",
    "CONTACT_EMAIL",
    "MAIL_MAX_ATTEMPTS",
    "MAIL_RETRY_BASE_SECS",
    "MAIL_POLL_INTERVAL_SECS",
    "API_DOCS_ENABLED",
    "JSON_BODY_TIMEOUT_SECS",
    "UPLOAD_BODY_TIMEOUT_SECS",
    "MAX_REQUESTS_IN_FLIGHT_PER_CLIENT",
];

/// The password of `intowork create-admin` (read by that command only, never by the server).
pub const ADMIN_PASSWORD_VARIABLE: &str = "ADMIN_PASSWORD";
/// The reference database of `intowork import-reference`, instead of `--from` (which other users
/// of the machine could read in the process list).
pub const REFERENCE_DATABASE_URL_VARIABLE: &str = "REFERENCE_DATABASE_URL";

/// Variables read by operator commands, not by the server (CONTRACT 9.19 "CLI only"). The
/// delivery tests require `docs/configuration.md` to document them too, and
/// `railway.env.example` (the service's variables) not to list them.
pub const COMMAND_VARIABLES: &[&str] = &[ADMIN_PASSWORD_VARIABLE, REFERENCE_DATABASE_URL_VARIABLE];
