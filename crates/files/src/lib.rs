//! Adapters for the domain's [`FileStore`](intowork_domain::files::FileStore) port.
//!
//! * [`LocalFileStore`]: files under a root directory (the upload folder), written atomically.
//! * [`S3FileStore`]: objects in a bucket of an S3-compatible service (`STORAGE_BACKEND=s3`).
//! * [`InMemoryFileStore`]: a map in memory for tests, with failure injection.
//!
//! Keys reach us as validated [`FileKey`](intowork_domain::files::FileKey)s, so no client-supplied
//! path is ever joined onto the disk (CONTRACT 5.2).

mod keys;
mod local;
mod memory;
mod s3;

pub use keys::UuidKeyGenerator;
pub use local::LocalFileStore;
pub use memory::InMemoryFileStore;
pub use s3::{S3Config, S3FileStore};

// Tests may unwrap: a panic is the failure report.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod contract;
