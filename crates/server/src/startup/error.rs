//! Why the server could not start; printed as `error: …` before exiting.

use intowork_storage::StorageError;
use thiserror::Error;

use crate::wiring::WiringError;

#[derive(Debug, Error)]
pub enum StartupError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("database configuration: {0}")]
    Storage(#[from] StorageError),
    #[error("server: {0}")]
    Server(std::io::Error),
    /// A configured adapter (file store, signing secret, rate-limit store, mailer).
    #[error(transparent)]
    Wiring(#[from] WiringError),
}
