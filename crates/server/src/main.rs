use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use intowork_server::cli::{Cli, Command};
use intowork_server::commands::{check_config, cleanup, create_admin, import};
use intowork_server::{Application, Settings, accounts, healthcheck, telemetry};
use intowork_storage::Database;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => with_settings(serve),
        Command::Migrate { revert } => with_settings(|s| migrate(&s, revert)),
        Command::CreateAdmin {
            email,
            first_name,
            last_name,
        } => command_with_settings(|s| {
            let args = create_admin::AdminArgs {
                email: &email,
                first_name: &first_name,
                last_name: &last_name,
            };
            create_admin::run(&s, &args)
        }),
        Command::CleanupCvs {
            inactive_older_than,
            dry_run,
        } => command_with_settings(|s| cleanup::run(&s, inactive_older_than, dry_run)),
        Command::CheckConfig => check_config::run(),
        Command::Openapi => {
            println!("{}", intowork_http::openapi::spec_json());
            ExitCode::SUCCESS
        }
        Command::SetActive { email, active } => {
            command_with_settings(|s| accounts::set_active(&s, &email, active))
        }
        Command::DeleteUser { email } => {
            command_with_settings(|s| accounts::delete_user(&s, &email))
        }
        Command::ImportReference {
            from,
            uploads,
            dry_run,
        } => command_with_settings(|s| import::run(&s, &from, &uploads, dry_run)),
        Command::Healthcheck {
            path,
            host,
            port,
            timeout,
        } => {
            let port = port
                .or_else(|| std::env::var("PORT").ok()?.parse().ok())
                .unwrap_or(8000);
            match healthcheck::probe(&host, port, &path, Duration::from_secs(timeout)) {
                Ok(200) => ExitCode::SUCCESS,
                Ok(status) => {
                    eprintln!("healthcheck: {path} answered {status}");
                    ExitCode::FAILURE
                }
                Err(e) => {
                    eprintln!("healthcheck: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn with_settings(run: impl FnOnce(Settings) -> Result<(), String>) -> ExitCode {
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    // Before anything else starts (threads take their Sentry hub from the process-wide one when
    // they are created); errors and panics outside requests go here. Dropping it flushes.
    let _reporting = intowork_server::reporting::init_global(&settings);
    telemetry::init(&settings);
    match run(settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "exiting");
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `with_settings` for the operator commands: same exit codes, logs on stderr (stdout carries
/// the command's report).
fn command_with_settings(run: impl FnOnce(Settings) -> Result<(), String>) -> ExitCode {
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init_stderr(&settings);
    match run(settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(settings: Settings) -> Result<(), String> {
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(settings)
            .await
            .map_err(|e| e.to_string())?;
        app.run_until_stopped().await.map_err(|e| e.to_string())?;
        tracing::info!("stopped");
        Ok(())
    })
}

fn migrate(settings: &Settings, revert: bool) -> Result<(), String> {
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
