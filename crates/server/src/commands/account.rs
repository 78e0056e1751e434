//! `intowork set-active` and `intowork delete-user` (CONTRACT 9.16): an operator's actions on one
//! account, administrators included, through the admin service the API uses, audited with the
//! actor `cli`.

use intowork_domain::admin::{Actor, AdminService, FindUserError, UserRecord};

use super::{block_on, open_database};
use crate::settings::Settings;
use crate::wiring::command_admin_service;

/// `intowork set-active --email E --active true|false`.
pub fn set_active(settings: &Settings, email: &str, active: bool) -> Result<(), String> {
    let updated = with_account(settings, email, async |admin, target| {
        admin.set_active(&Actor::Operator, target.id, active).await
    })?;
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
/// transaction with its audit row; then its CV files.
pub fn delete_user(settings: &Settings, email: &str) -> Result<(), String> {
    let deleted = with_account(settings, email, async |admin, target| {
        admin.delete_user(&Actor::Operator, target.id).await
    })?;
    println!(
        "deleted {} with its profile, applications, jobs and notifications; its CV files were \
         removed from storage",
        describe(&deleted)
    );
    Ok(())
}

/// Finds the account by email (any letter case), then runs `action` on it.
fn with_account<E: std::fmt::Display>(
    settings: &Settings,
    email: &str,
    action: impl AsyncFnOnce(&AdminService, UserRecord) -> Result<UserRecord, E>,
) -> Result<UserRecord, String> {
    let database = open_database(settings)?;
    let admin = command_admin_service(settings, database).map_err(|e| e.to_string())?;
    block_on(async {
        let target = admin
            .find_by_email(email)
            .await
            .map_err(|e| lookup_error(e, email))?;
        action(&admin, target).await.map_err(|e| e.to_string())
    })?
}

fn describe(u: &UserRecord) -> String {
    format!("{} (id {}, {})", u.email, u.id, u.role.as_str())
}

fn lookup_error(e: FindUserError, email: &str) -> String {
    match e {
        FindUserError::NotFound => format!("no account has the email {email:?}"),
        FindUserError::Repo(e) => e.to_string(),
    }
}
