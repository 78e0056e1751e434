//! The operator's command line: one binary, `intowork serve` by default (CONTRACT 9.5).

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "intowork",
    version,
    about = "IntoWork API: the hiring platform's backend"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP API (the default). Migrates the database first unless
    /// RUN_MIGRATIONS_ON_START=false.
    Serve,
    /// Apply pending database migrations, or undo the latest one with --revert.
    Migrate {
        /// Undo the most recently applied migration instead.
        #[arg(long)]
        revert: bool,
    },
    /// Create an administrator account. The password is read from ADMIN_PASSWORD, or typed at a
    /// prompt that does not echo it; it is never printed. Fails if the email is taken.
    CreateAdmin {
        /// The administrator's email address (their sign-in).
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Admin")]
        first_name: String,
        #[arg(long, default_value = "IntoWork")]
        last_name: String,
    },
    /// Purge inactive CVs unchanged for the given age whose applications are all final
    /// (rejected, accepted) or gone, clearing those applications' CV link; then remove CV files
    /// older than an hour that no row refers to. Prints what it did.
    CleanupCvs {
        /// Age such as 365d (days) or 12h (hours).
        #[arg(long, value_name = "AGE", value_parser = crate::commands::parse_age)]
        inactive_older_than: chrono::Duration,
        /// Report what would be done without changing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// Validate the configuration, check the database connection (listing pending migrations)
    /// and that the file storage is writable; exits 0 when all checks pass, 1 otherwise.
    CheckConfig,
    /// Copy an existing IntoWork (FastAPI) database and its CV folder into this service: ids
    /// kept, passwords still valid, CVs stored under new keys. A second run adds nothing.
    ImportReference {
        /// PostgreSQL URL of the reference database (read only). Or set REFERENCE_DATABASE_URL,
        /// which keeps the password out of the process list.
        #[arg(
            long,
            value_name = "POSTGRES_URL",
            env = "REFERENCE_DATABASE_URL",
            hide_env_values = true
        )]
        from: String,
        /// The reference's `uploads` folder (the one holding `cv/`).
        #[arg(long, value_name = "DIR")]
        uploads: std::path::PathBuf,
        /// Read everything and report what an import would do, without writing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Activate or deactivate an account, administrators included. Deactivation revokes every
    /// token the account holds at once. Written to the audit log with the actor `cli`.
    SetActive {
        /// Email of the account (any letter case).
        #[arg(long)]
        email: String,
        /// `true` to activate, `false` to deactivate.
        #[arg(long, value_name = "true|false", action = clap::ArgAction::Set)]
        active: bool,
    },
    /// Delete an account with everything attached to it (profile, CVs and their files,
    /// applications, jobs, notifications), administrators included. Written to the audit log
    /// with the actor `cli`. There is no undo.
    DeleteUser {
        /// Email of the account (any letter case).
        #[arg(long)]
        email: String,
    },
    /// Deliver the mail outbox once: every mail due now is sent (or rescheduled, or marked
    /// failed), as each server's worker does every few seconds. For cron and tests; safe beside
    /// running servers.
    SendMail,
    /// Run the job alerts once: every due alert's new matching jobs are queued as one mail (sent
    /// by the servers' mail workers or `send-mail`), as each server does every minute. For cron
    /// and tests; safe beside running servers.
    SendAlerts {
        /// Run as if at this RFC 3339 time instead of now (tests of the daily and weekly windows).
        #[arg(long)]
        at: Option<String>,
    },
    /// Probe a running server; exits 0 when it answers 200. For container health checks.
    Healthcheck {
        /// Path to probe: /health (liveness) or /health/ready (readiness).
        #[arg(long, default_value = "/health")]
        path: String,
        /// Host to connect to.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// Port to connect to (defaults to PORT, else 8000).
        #[arg(long)]
        port: Option<u16>,
        /// Seconds to wait for the answer.
        #[arg(long, default_value_t = 3)]
        timeout: u64,
    },
    /// Print the OpenAPI 3.1 document (the one served at /openapi.json) to standard output.
    /// Reads no configuration, so CI can validate the spec without a database.
    Openapi,
}
