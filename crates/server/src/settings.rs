//! Configuration: built-in defaults, then an optional `intowork.toml`, then environment variables
//! (the deployment guide's names, CONTRACT 9.19). Everything is validated at start; an error names
//! the variable. Settings are passed down explicitly, never stored in a global.

use std::path::PathBuf;
use std::time::Duration;

use intowork_http::cors::CorsPolicy;
use serde::Deserialize;
use thiserror::Error;

/// A secret that never prints.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

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
    pub storage: StorageSettings,
    /// Abuse limits, proxies, HTTPS and error reporting (`settings_security.rs`).
    pub security: SecuritySettings,
    /// Outgoing mail and the reset links' origin (`settings_mail.rs`).
    pub mail: MailSettings,
    /// `API_DOCS_ENABLED` (default true): `/openapi.json` and Swagger UI at `/docs` (8.18).
    pub api_docs: bool,
}

#[derive(Debug, Error)]
pub enum SettingsError {
    #[error("{var}: {reason}")]
    Invalid { var: &'static str, reason: String },
    #[error("configuration could not be read: {0}")]
    Source(String),
}

fn invalid(var: &'static str, reason: impl Into<String>) -> SettingsError {
    SettingsError::Invalid {
        var,
        reason: reason.into(),
    }
}

/// The raw values, as strings where the parsing is ours (so errors can name the variable).
#[derive(Debug, Deserialize)]
struct Raw {
    environment: String,
    host: String,
    port: String,
    database_url: Option<String>,
    database_pool_size: Option<String>,
    database_pool_timeout_secs: String,
    run_migrations_on_start: String,
    allow_sqlite_in_production: String,
    nextauth_secret: Option<String>,
    log_level: String,
    cors_origin: Option<String>,
    data_dir: String,
    upload_dir: Option<String>,
    max_upload_size_mb: String,
    max_cvs_per_candidate: String,
    storage_backend: String,
    s3_bucket: Option<String>,
    s3_endpoint: Option<String>,
    s3_region: String,
    s3_access_key_id: Option<String>,
    s3_secret_access_key: Option<String>,
    s3_force_path_style: String,
    redis_url: Option<String>,
    auth_rate_limit_per_minute: String,
    user_action_rate_limit_per_minute: String,
    trusted_proxy_hops: String,
    force_https: String,
    sentry_dsn: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    frontend_url: Option<String>,
    api_docs_enabled: String,
}

/// Every environment variable the settings read: the upper-case names of [`Raw`]'s fields (a unit
/// test below keeps the two equal). The delivery tests compare this list with
/// `docs/configuration.md` and `railway.env.example`, in both directions: a new field needs a
/// name here and a line in both files.
pub const VARIABLES: &[&str] = &[
    "ENVIRONMENT",
    "HOST",
    "PORT",
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
    "TRUSTED_PROXY_HOPS",
    "FORCE_HTTPS",
    "SENTRY_DSN",
    "SMTP_URL",
    "MAIL_FROM",
    "FRONTEND_URL",
    "API_DOCS_ENABLED",
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

impl Settings {
    /// Loads from the process environment (and `intowork.toml` in the working directory, if any).
    pub fn load() -> Result<Settings, SettingsError> {
        Self::from_sources(config::Environment::default(), Some("intowork"))
    }

    /// Loads from explicit key/value pairs (upper-case variable names), for tests.
    pub fn from_vars<'a>(
        vars: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Settings, SettingsError> {
        let map: config::Map<String, String> = vars
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        Self::from_sources(config::Environment::default().source(Some(map)), None)
    }

    fn from_sources(
        env: config::Environment,
        file: Option<&str>,
    ) -> Result<Settings, SettingsError> {
        let mut builder = config::Config::builder();
        for (key, value) in [
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
            ("storage_backend", "local"),
            ("s3_region", "us-east-1"),
            ("s3_force_path_style", "false"),
            ("auth_rate_limit_per_minute", "10"),
            ("user_action_rate_limit_per_minute", "30"),
            ("trusted_proxy_hops", "0"),
            ("force_https", "false"),
            ("api_docs_enabled", "true"),
        ] {
            builder = builder
                .set_default(key, value)
                .map_err(|e| SettingsError::Source(e.to_string()))?;
        }
        if let Some(name) = file {
            builder = builder.add_source(config::File::with_name(name).required(false));
        }
        let raw: Raw = builder
            .add_source(env)
            .build()
            .and_then(config::Config::try_deserialize)
            .map_err(|e| SettingsError::Source(e.to_string()))?;
        Self::validate(raw)
    }

    fn validate(raw: Raw) -> Result<Settings, SettingsError> {
        let environment = match raw.environment.trim().to_ascii_lowercase().as_str() {
            "development" | "dev" | "local" => Environment::Development,
            "production" | "prod" => Environment::Production,
            other => {
                return Err(invalid(
                    "ENVIRONMENT",
                    format!("must be `development` or `production`, got {other:?}"),
                ));
            }
        };
        let prod = environment == Environment::Production;
        let storage = storage_settings(&raw)?;
        let security = security::parse(&raw)?;
        let mail = mail::parse(&raw, prod)?;
        let port =
            raw.port.trim().parse::<u16>().map_err(|_| {
                invalid("PORT", format!("must be a port number, got {:?}", raw.port))
            })?;
        let data_dir = PathBuf::from(raw.data_dir.trim());
        let upload_dir = raw
            .upload_dir
            .filter(|d| !d.trim().is_empty())
            .map_or_else(|| data_dir.join("uploads"), |d| PathBuf::from(d.trim()));

        let allow_sqlite = parse_bool(
            "ALLOW_SQLITE_IN_PRODUCTION",
            &raw.allow_sqlite_in_production,
        )?;
        let database_url = match raw.database_url.filter(|u| !u.trim().is_empty()) {
            Some(url) => url.trim().to_owned(),
            None if prod => {
                return Err(invalid(
                    "DATABASE_URL",
                    "is required when ENVIRONMENT=production",
                ));
            }
            None => format!("sqlite://{}", data_dir.join("intowork.db").display()),
        };
        let is_pg = is_postgres_url(&database_url);
        if prod && !is_pg && !allow_sqlite {
            return Err(invalid(
                "DATABASE_URL",
                "is SQLite, which is refused in production unless ALLOW_SQLITE_IN_PRODUCTION=true",
            ));
        }
        let database_pool_size = match raw.database_pool_size {
            Some(v) => parse_range("DATABASE_POOL_SIZE", &v, 1, 200)?,
            None if is_pg => default_pg_pool_size(cores()),
            None => 8,
        };
        let timeout = parse_range(
            "DATABASE_POOL_TIMEOUT_SECS",
            &raw.database_pool_timeout_secs,
            1,
            120,
        )?;

        let secret = raw
            .nextauth_secret
            .filter(|s| !s.is_empty())
            .map(Secret::new);
        match &secret {
            None if prod => {
                return Err(invalid(
                    "NEXTAUTH_SECRET",
                    "is required when ENVIRONMENT=production",
                ));
            }
            Some(s) if prod && s.expose().len() < 32 => {
                return Err(invalid(
                    "NEXTAUTH_SECRET",
                    "must be at least 32 bytes in production",
                ));
            }
            _ => {}
        }

        let cors = CorsPolicy::parse(
            raw.cors_origin
                .as_deref()
                .unwrap_or("http://localhost:3000"),
        )
        .map_err(|e| invalid("CORS_ORIGIN", e.to_string()))?;
        if prod && cors.any {
            return Err(invalid(
                "CORS_ORIGIN",
                "`*` is refused in production: list the origins",
            ));
        }
        let log_level = raw.log_level.trim().to_owned();
        tracing_subscriber::EnvFilter::try_new(&log_level)
            .map_err(|e| invalid("LOG_LEVEL", e.to_string()))?;

        Ok(Settings {
            environment,
            host: raw.host.trim().to_owned(),
            port,
            database_url,
            database_pool_size,
            database_pool_timeout: Duration::from_secs(u64::from(timeout)),
            run_migrations_on_start: parse_bool(
                "RUN_MIGRATIONS_ON_START",
                &raw.run_migrations_on_start,
            )?,
            secret,
            log_level,
            cors,
            data_dir,
            upload_dir,
            max_upload_mib: parse_range("MAX_UPLOAD_SIZE_MB", &raw.max_upload_size_mb, 1, 100)?
                as usize,
            max_cvs_per_candidate: parse_range(
                "MAX_CVS_PER_CANDIDATE",
                &raw.max_cvs_per_candidate,
                1,
                1000,
            )?,
            storage,
            security,
            mail,
            api_docs: parse_bool("API_DOCS_ENABLED", &raw.api_docs_enabled)?,
        })
    }

    pub fn is_production(&self) -> bool {
        self.environment == Environment::Production
    }
}

pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

fn parse_bool(var: &'static str, value: &str) -> Result<bool, SettingsError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        other => Err(invalid(
            var,
            format!("must be true or false, got {other:?}"),
        )),
    }
}

fn parse_range(var: &'static str, value: &str, min: u32, max: u32) -> Result<u32, SettingsError> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|v| (min..=max).contains(v))
        .ok_or_else(|| {
            invalid(
                var,
                format!("must be a whole number from {min} to {max}, got {value:?}"),
            )
        })
}

#[path = "settings_security.rs"]
mod security;
pub use security::SecuritySettings;

#[path = "settings_mail.rs"]
mod mail;
pub use mail::MailSettings;

#[path = "settings_storage.rs"]
mod storage;
use storage::storage_settings;
pub use storage::{S3Settings, StorageSettings};

/// The PostgreSQL pool when `DATABASE_POOL_SIZE` is not set: three connections per core, at most
/// ten. On 2 cores, ten connections (each a backend that wants CPU when busy) stretched the
/// employer dashboard's 1 ms statement to 15-178 ms now and then: p99 61 ms, against 20 ms with
/// six connections at the same throughput (docs/performance.md).
pub(crate) fn default_pg_pool_size(cores: usize) -> u32 {
    u32::try_from(cores.saturating_mul(3))
        .unwrap_or(u32::MAX)
        .clamp(3, 10)
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZero::get)
}

#[cfg(test)]
#[path = "settings_tests.rs"]
mod tests;

#[cfg(test)]
mod variables_tests {
    use serde::Deserialize;
    use serde::de::{self, Visitor};

    use super::{Raw, VARIABLES};

    /// A deserializer that only records the field names serde asks a struct for.
    struct FieldNames<'a>(&'a mut &'static [&'static str]);

    impl<'de> de::Deserializer<'de> for FieldNames<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("only structs are introspected"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("introspected"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    #[test]
    fn variables_lists_exactly_the_fields_settings_read() {
        let mut fields: &'static [&'static str] = &[];
        let _ = Raw::deserialize(FieldNames(&mut fields));
        let mut read: Vec<String> = fields.iter().map(|f| f.to_ascii_uppercase()).collect();
        read.sort();
        let mut listed: Vec<String> = VARIABLES.iter().map(|v| (*v).to_owned()).collect();
        listed.sort();
        assert!(!read.is_empty(), "serde reported no fields for Raw");
        assert_eq!(
            listed, read,
            "settings::VARIABLES must list every field of settings::Raw in upper case (and then \
             docs/configuration.md and railway.env.example need a line for a new one)"
        );
    }
}
