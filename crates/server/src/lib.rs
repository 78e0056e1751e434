//! The deployable service: settings, telemetry, wiring and the operator CLI. The only crate that
//! sees every adapter.

pub mod cli;
pub mod commands;
pub mod healthcheck;
pub mod reporting;
pub mod settings;
pub mod startup;
pub mod telemetry;
pub mod wiring;

pub use settings::Settings;
pub use startup::Application;
