use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use intowork_server::cli::{Cli, Command};
use intowork_server::commands::{
    account, check_config, cleanup, create_admin, import, migrate, send_alerts, send_mail,
};
use intowork_server::{Application, Settings, healthcheck, reporting, telemetry};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => with_settings(serve),
        Command::Migrate { revert } => with_settings(|s| migrate::run(&s, revert)),
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
            command_with_settings(|s| account::set_active(&s, &email, active))
        }
        Command::DeleteUser { email } => {
            command_with_settings(|s| account::delete_user(&s, &email))
        }
        Command::ImportReference {
            from,
            uploads,
            dry_run,
        } => command_with_settings(|s| import::run(&s, &from, &uploads, dry_run)),
        Command::SendMail => command_with_settings(|s| send_mail::run(&s)),
        Command::SendAlerts { at } => {
            command_with_settings(|s| send_alerts::run(&s, at.as_deref()))
        }
        Command::Healthcheck {
            path,
            host,
            port,
            timeout,
        } => healthcheck::run(&host, port, &path, Duration::from_secs(timeout)),
    }
}

/// For `serve` and `migrate`: logs on stdout, errors and panics outside requests reported.
fn with_settings(run: impl FnOnce(Settings) -> Result<(), String>) -> ExitCode {
    let settings = match load_settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    // Before anything else starts (threads take their Sentry hub from the process-wide one when
    // they are created); errors and panics outside requests go here. Dropping it flushes.
    let _reporting = reporting::init_global(&settings);
    telemetry::init(&settings);
    let result = run(settings);
    if let Err(e) = &result {
        tracing::error!(error = %e, "exiting");
    }
    exit(result)
}

/// `with_settings` for the operator commands: same exit codes, logs on stderr (stdout carries
/// the command's report).
fn command_with_settings(run: impl FnOnce(Settings) -> Result<(), String>) -> ExitCode {
    let settings = match load_settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    telemetry::init_stderr(&settings);
    exit(run(settings))
}

/// The settings, or exit status 2 after printing every problem, one line each.
fn load_settings() -> Result<Settings, ExitCode> {
    Settings::load().map_err(|e| {
        for line in e.lines() {
            eprintln!("configuration error: {line}");
        }
        ExitCode::from(2)
    })
}

fn exit(result: Result<(), String>) -> ExitCode {
    match result {
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
