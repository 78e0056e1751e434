//! The services of the operator commands, over the database a command opened and the configured
//! file store: the same construction as the server's, so a command acts as the API would.

use std::sync::Arc;

use intowork_auth::Argon2Hasher;
use intowork_domain::admin::AdminService;
use intowork_domain::cleanup::CvCleanup;
use intowork_domain::job_alert::AlertDeliveryService;
use intowork_domain::mail::MailOutboxService;
use intowork_domain::ports::Clock;
use intowork_domain::ports::{PasswordHasher, UserRepository};
use intowork_storage::{Database, ReadCaches};

use super::adapters::{file_store, outbox};
use super::alerts::alert_delivery_service;
use super::error::WiringError;
use super::services::{Shared, admin_service, cv_cleanup, mail_service, user_repository};
use super::signing_secret;
use crate::settings::Settings;

/// What a command's services share, as the server's do.
fn shared(settings: &Settings, database: Database) -> Result<Shared, WiringError> {
    Ok(Shared::new(
        database,
        file_store(settings)?,
        settings.read_cache_max_bytes,
        outbox(settings),
    ))
}

/// The admin service of `set-active` and `delete-user` (which removes CV files too).
pub fn command_admin_service(
    settings: &Settings,
    database: Database,
) -> Result<AdminService, WiringError> {
    Ok(admin_service(&shared(settings, database)?))
}

/// The CV clean-up of `cleanup-cvs`.
pub fn command_cv_cleanup(
    settings: &Settings,
    database: Database,
) -> Result<CvCleanup, WiringError> {
    Ok(cv_cleanup(&shared(settings, database)?))
}

/// The outbox delivery of `send-mail`, through the configured mailer.
pub fn command_mail_service(
    settings: &Settings,
    database: Database,
) -> Result<MailOutboxService, WiringError> {
    Ok(mail_service(&shared(settings, database)?, settings)?)
}

/// The alert delivery of `send-alerts`, at `clock`'s time, signing links as the server does.
pub fn command_alert_delivery(
    settings: &Settings,
    database: Database,
    clock: Arc<dyn Clock>,
) -> Result<AlertDeliveryService, WiringError> {
    let secret = signing_secret::resolve(settings).map_err(WiringError::Secret)?;
    let shared = shared(settings, database)?;
    Ok(alert_delivery_service(&shared, settings, &secret, clock))
}

/// The user store and the hasher of `create-admin`. One hashing thread: a command hashes one
/// password.
pub fn command_accounts(database: &Database) -> (Arc<dyn UserRepository>, Arc<dyn PasswordHasher>) {
    // A command caches nothing: its writes reach the servers' caches within their TTL.
    let caches = ReadCaches::new();
    (
        user_repository(database, &caches),
        Arc::new(Argon2Hasher::new(1)),
    )
}
