//! Adapters for the domain's [`FileStore`](intowork_domain::files::FileStore) port.
//!
//! * [`LocalFileStore`]: files under a root directory (the upload folder), written atomically.
//! * [`InMemoryFileStore`]: a map in memory for tests, with failure injection.
//!
//! Keys reach us as validated [`FileKey`](intowork_domain::files::FileKey)s, so no client-supplied
//! path is ever joined onto the disk (CONTRACT 5.2).

mod local;
mod memory;

pub use local::LocalFileStore;
pub use memory::InMemoryFileStore;

// Tests may unwrap: a panic is the failure report.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod contract;
