//! Issue 6's wiring and operator commands: the mailer chosen by the configuration, the admin and
//! password-recovery services (shared by the server and the command line), and `intowork
//! set-active` / `intowork delete-user` (CONTRACT 9.16).

use std::sync::Arc;

use intowork_auth::RandomResetTokens;
use intowork_domain::admin::{Actor, AdminService, FindUserError, UserRecord};
use intowork_domain::files::FileStore;
use intowork_domain::mail::Mailer;
use intowork_domain::ports::{Clock, PasswordHasher, SystemClock};
use intowork_domain::recovery::{PasswordResetService, RecoverySettings};
use intowork_mail::{LogMailer, LogMode, MailConfigError, SmtpMailer};
use intowork_storage::{
    Database, DieselAdminRepository, DieselResetTokenRepository, DieselUserRepository, ReadCaches,
};
use tracing::{info, warn};

use crate::commands::{block_on, open_database};
use crate::settings::Settings;
use crate::startup::file_store;

/// SMTP when `SMTP_URL` is set; otherwise the log mailer, which shows links in development and
/// only warns in production (CONTRACT 9.7).
pub fn mailer(settings: &Settings) -> Result<Arc<dyn Mailer>, MailConfigError> {
    match &settings.mail.smtp_url {
        Some(url) => {
            let smtp = SmtpMailer::new(url.expose(), &settings.mail.from)?;
            let endpoint = smtp.endpoint();
            info!(host = %endpoint.host, security = ?endpoint.security, "mail goes out over SMTP");
            Ok(Arc::new(smtp))
        }
        None if settings.is_production() => {
            warn!(
                "SMTP_URL is not set: mail is off; password reset requests are answered but no \
                 mail is sent"
            );
            Ok(Arc::new(LogMailer::new(LogMode::Disabled)))
        }
        None => {
            info!("SMTP_URL is not set: mail (reset links included) is written to the log");
            Ok(Arc::new(LogMailer::new(LogMode::Development)))
        }
    }
}

/// `caches`: the process's read caches, which activating and deleting accounts evict from.
pub fn admin_service(
    database: &Database,
    caches: &ReadCaches,
    files: Arc<dyn FileStore>,
    clock: Arc<dyn Clock>,
) -> AdminService {
    AdminService::new(
        Arc::new(DieselAdminRepository::new(database.clone()).with_caches(caches.clone())),
        files,
        clock,
    )
}

pub fn recovery_service(
    settings: &Settings,
    database: &Database,
    hasher: Arc<dyn PasswordHasher>,
    clock: Arc<dyn Clock>,
) -> Result<PasswordResetService, MailConfigError> {
    Ok(PasswordResetService::new(
        Arc::new(DieselUserRepository::new(database.clone())),
        Arc::new(DieselResetTokenRepository::new(database.clone())),
        Arc::new(RandomResetTokens),
        hasher,
        mailer(settings)?,
        clock,
        RecoverySettings {
            frontend_url: settings.mail.frontend_url.clone(),
        },
    ))
}

/// The admin service over the configured database and file store, for one command.
fn operator_service(settings: &Settings) -> Result<AdminService, String> {
    let database = open_database(settings)?;
    let files = file_store(settings).map_err(|e| e.to_string())?;
    // A command caches nothing; its writes reach the servers' caches within their TTL.
    let caches = ReadCaches::new();
    Ok(admin_service(
        &database,
        &caches,
        files,
        Arc::new(SystemClock),
    ))
}

fn describe(u: &UserRecord) -> String {
    format!("{} (id {}, {})", u.email, u.id, u.role.as_str())
}

/// `intowork set-active --email E --active true|false`. Admins included; audited with actor `cli`.
pub fn set_active(settings: &Settings, email: &str, active: bool) -> Result<(), String> {
    let admin = operator_service(settings)?;
    let updated = block_on(async {
        let target = admin
            .find_by_email(email)
            .await
            .map_err(|e| lookup_error(e, email))?;
        admin
            .set_active(&Actor::Operator, target.id, active)
            .await
            .map_err(|e| e.to_string())
    })??;
    if active {
        println!("activated {}", describe(&updated));
    } else {
        println!(
            "deactivated {}; every token issued to this account is revoked",
            describe(&updated)
        );
    }
    Ok(())
}

/// `intowork delete-user --email E`: the account and everything attached (CONTRACT 2.15), in one
/// transaction with its audit row; then its CV files. Admins included.
pub fn delete_user(settings: &Settings, email: &str) -> Result<(), String> {
    let admin = operator_service(settings)?;
    let deleted = block_on(async {
        let target = admin
            .find_by_email(email)
            .await
            .map_err(|e| lookup_error(e, email))?;
        admin
            .delete_user(&Actor::Operator, target.id)
            .await
            .map_err(|e| e.to_string())
    })??;
    println!(
        "deleted {} with its profile, applications, jobs and notifications; its CV files were \
         removed from storage",
        describe(&deleted)
    );
    Ok(())
}

fn lookup_error(e: FindUserError, email: &str) -> String {
    match e {
        FindUserError::NotFound => format!("no account has the email {email:?}"),
        FindUserError::Repo(e) => e.to_string(),
    }
}
