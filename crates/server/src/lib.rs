//! The deployable service: settings, telemetry, wiring and the operator CLI. The only crate that
//! sees every adapter.

pub mod accounts;
pub mod cli;
pub mod commands;
pub mod healthcheck;
pub mod limits;
pub mod reporting;
pub mod secret;
pub mod settings;
pub mod startup;
pub mod telemetry;

pub use settings::Settings;
pub use startup::Application;
