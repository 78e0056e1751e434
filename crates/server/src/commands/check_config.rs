//! `intowork check-config`: validates the configuration as the server would, then checks that the
//! database answers (and lists pending migrations) and that the file storage is writable. Prints
//! one line per check; exits 0 only when every check passed. Never prints a secret or a URL (the
//! database URL may hold a password).

use std::io::Write;
use std::process::ExitCode;

use intowork_storage::{Backend, Database};

use super::block_on;
use crate::settings::{Settings, StorageSettings};
use crate::telemetry;
use crate::wiring::file_store;

pub fn run() -> ExitCode {
    let mut out = std::io::stdout().lock();
    let ok = check(&mut out).unwrap_or(false);
    let _ = writeln!(
        out,
        "{}",
        if ok {
            "All checks passed."
        } else {
            "Some checks FAILED."
        }
    );
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn check(out: &mut impl Write) -> std::io::Result<bool> {
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            // Every refused value on its own line, so that one run shows all there is to fix.
            for line in e.lines() {
                writeln!(out, "configuration: FAILED: {line}")?;
            }
            return Ok(false);
        }
    };
    telemetry::init_stderr(&settings);
    let storage = match &settings.storage {
        StorageSettings::Local => format!("local folder {}", settings.upload_dir.display()),
        StorageSettings::S3(s3) => format!("S3 bucket {}", s3.bucket),
    };
    writeln!(
        out,
        "configuration: ok ({}, storage: {storage}{})",
        if settings.is_production() {
            "production"
        } else {
            "development"
        },
        if settings.secret.is_none() {
            ", NEXTAUTH_SECRET unset: a development secret is kept in DATA_DIR"
        } else {
            ""
        }
    )?;
    let database = check_database(out, &settings)?;
    let files = check_storage(out, &settings)?;
    Ok(database && files)
}

fn check_database(out: &mut impl Write, settings: &Settings) -> std::io::Result<bool> {
    let result = Database::connect_lazy(&settings.database_url, 1, settings.database_pool_timeout)
        .and_then(|db| {
            db.check_connection()?;
            Ok((db.backend(), db.pending_migrations()?))
        });
    match result {
        Ok((backend, pending)) => {
            let name = match backend {
                Backend::Postgres => "PostgreSQL",
                Backend::Sqlite => "SQLite",
            };
            if pending.is_empty() {
                writeln!(out, "database: ok ({name}, schema up to date)")?;
            } else {
                let when = if settings.run_migrations_on_start {
                    "the server applies them at start"
                } else {
                    "RUN_MIGRATIONS_ON_START=false: run `intowork migrate` before starting"
                };
                writeln!(
                    out,
                    "database: ok ({name}, {} pending migration(s): {}; {when})",
                    pending.len(),
                    pending.join(", ")
                )?;
            }
            Ok(true)
        }
        Err(e) => {
            // libpq's messages span lines; the report keeps one line per check.
            let text: Vec<String> = e.to_string().lines().map(|l| l.trim().to_owned()).collect();
            writeln!(out, "database: FAILED: {}", text.join(" ").trim())?;
            Ok(false)
        }
    }
}

fn check_storage(out: &mut impl Write, settings: &Settings) -> std::io::Result<bool> {
    let result = file_store(settings)
        .map_err(|e| e.to_string())
        .and_then(|files| block_on(async move { files.check().await })?.map_err(|e| e.to_string()));
    match &result {
        Ok(()) => writeln!(out, "file storage: ok (writable)")?,
        Err(e) => writeln!(out, "file storage: FAILED: {e}")?,
    }
    Ok(result.is_ok())
}
