//! Wiring: the adapters the configuration chooses, and the repositories and services built over
//! them, for `serve` and for the operator commands alike. Every repository and service of the
//! binary is constructed in this module (`services.rs`) and nowhere else, so a change in how they
//! are built (a cache around a repository, a new port) is made once.

mod adapters;
mod alerts;
mod app_state;
mod error;
mod operator;
mod rate_limits;
mod services;
mod signing_secret;

pub use adapters::file_store;
pub use app_state::{BackgroundWork, app_state};
pub use error::WiringError;
pub use operator::{
    command_accounts, command_admin_service, command_alert_delivery, command_cv_cleanup,
    command_mail_service,
};
