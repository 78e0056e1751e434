//! Configuration: built-in defaults, then an optional `intowork.toml`, then environment variables
//! (the deployment guide's names, CONTRACT 9.19). Everything is validated at start, one concern
//! per file, and every refused value is reported at once, each naming its variable. Settings are
//! passed down explicitly, never stored in a global.

mod caches;
mod connections;
mod daily_ceilings;
mod database;
mod http;
mod load;
mod logging;
mod mail;
mod model;
mod problems;
mod raw;
mod secret;
mod security;
mod signing_secret;
mod storage;
mod uploads;
mod validate;
mod values;

#[cfg(test)]
mod tests;

pub use connections::ConnectionSettings;
pub use database::is_postgres_url;
pub use mail::MailSettings;
pub use model::{Environment, Settings};
pub use problems::{ConfigProblem, ConfigProblems, SettingsError};
pub use raw::{
    ADMIN_PASSWORD_VARIABLE, COMMAND_VARIABLES, REFERENCE_DATABASE_URL_VARIABLE, VARIABLES,
};
pub use secret::Secret;
pub use security::SecuritySettings;
pub use storage::{S3Settings, StorageSettings};
