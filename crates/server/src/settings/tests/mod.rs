//! Settings tests, one module per concern, sharing the loaders below.

use super::{Settings, SettingsError};

mod general;
mod mail;
mod problems;
mod security;
mod storage;
mod variables;

/// A strong `NEXTAUTH_SECRET` (32 bytes).
const STRONG_SECRET: (&str, &str) = ("NEXTAUTH_SECRET", "0123456789abcdef0123456789abcdef");

/// A production configuration that starts.
const PROD: [(&str, &str); 3] = [
    ("ENVIRONMENT", "production"),
    ("DATABASE_URL", "postgres://u@db/x"),
    STRONG_SECRET,
];

fn load(vars: &[(&str, &str)]) -> Result<Settings, SettingsError> {
    Settings::from_vars(vars.iter().copied())
}

/// The variables a refused configuration names, in the order reported.
fn refused(vars: &[(&str, &str)]) -> Vec<&'static str> {
    match load(vars) {
        Err(SettingsError::Invalid(problems)) => problems.vars(),
        other => panic!("expected refused variables, got {other:?}"),
    }
}
