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
}
