//! `intowork migrate [--revert]`: applies pending migrations, or undoes the latest one. The
//! deployment runs it before starting a new version (or the server does at start).

use intowork_storage::Database;

use crate::settings::Settings;

pub fn run(settings: &Settings, revert: bool) -> Result<(), String> {
    let db = Database::connect_lazy(
        &settings.database_url,
        settings.database_pool_size.min(2),
        settings.database_pool_timeout,
    )
    .map_err(|e| e.to_string())?;
    if revert {
        match db.revert_last_migration().map_err(|e| e.to_string())? {
            Some(version) => println!("reverted {version}"),
            None => println!("nothing to revert"),
        }
    } else {
        let applied = db.run_migrations().map_err(|e| e.to_string())?;
        if applied.is_empty() {
            println!("database is up to date");
        }
        for version in applied {
            println!("applied {version}");
        }
    }
    Ok(())
}
