//! The operator's commands (CONTRACT 9.3, 9.4, 9.12, 9.16, 5.5 K4): `migrate`, `create-admin`,
//! `cleanup-cvs`, `check-config`, `import-reference`, `set-active`, `delete-user`, `send-mail` and `send-alerts`. Each prints
//! a report on stdout (logs go to stderr) and returns an error, which `main` turns into a non-zero
//! exit. The services they drive come from `wiring`, as the server's do.

pub mod account;
pub mod check_config;
pub mod cleanup;
pub mod create_admin;
pub mod import;
pub mod migrate;
pub mod send_alerts;
pub mod send_mail;
mod uploads;

use std::future::Future;

use intowork_storage::Database;
use tokio::runtime::Runtime;

use crate::settings::Settings;

/// A small runtime for the async ports (file store, hasher, repositories) the commands drive.
pub(crate) fn runtime() -> Result<Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))
}

pub(crate) fn block_on<F: Future>(future: F) -> Result<F::Output, String> {
    Ok(runtime()?.block_on(future))
}

/// Connects to `DATABASE_URL` and requires every migration to be applied: the commands never
/// change the schema themselves (`intowork migrate` does, or the server at start).
pub(crate) fn open_database(settings: &Settings) -> Result<Database, String> {
    let db = Database::connect_lazy(&settings.database_url, 2, settings.database_pool_timeout)
        .map_err(|e| e.to_string())?;
    let pending = db.pending_migrations().map_err(|e| e.to_string())?;
    if !pending.is_empty() {
        return Err(format!(
            "the database schema is not up to date ({} pending migration(s)): run `intowork \
             migrate` first",
            pending.len()
        ));
    }
    db.set_ready(true);
    Ok(db)
}

/// Parses an age such as `365d` or `12h` (days or hours, a whole number).
pub fn parse_age(raw: &str) -> Result<chrono::Duration, String> {
    let raw = raw.trim();
    let invalid =
        || format!("{raw:?} is not an age: use a whole number of days or hours, e.g. 365d or 12h");
    let (number, unit) = raw.split_at(raw.len().saturating_sub(1));
    let n: i64 = number.parse().map_err(|_| invalid())?;
    if n < 0 {
        return Err(invalid());
    }
    let age = match unit {
        "d" => chrono::Duration::try_days(n),
        "h" => chrono::Duration::try_hours(n),
        _ => None,
    };
    age.ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::parse_age;

    #[test]
    fn ages_take_days_or_hours() {
        assert_eq!(parse_age("365d"), Ok(chrono::Duration::days(365)));
        assert_eq!(parse_age(" 12h "), Ok(chrono::Duration::hours(12)));
        assert_eq!(parse_age("0d"), Ok(chrono::Duration::zero()));
        for bad in [
            "",
            "d",
            "365",
            "12m",
            "-1d",
            "1.5d",
            "1 d",
            "99999999999999d",
        ] {
            assert!(parse_age(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
