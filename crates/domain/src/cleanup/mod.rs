//! CV storage maintenance, run by the operator (`intowork cleanup-cvs`, CONTRACT 9.4 and 9.12):
//! purge long-inactive CVs nobody needs any more, then sweep files no row refers to.

mod error;
mod port;
mod report;
mod service;
mod sweep;

pub use error::CleanupError;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockCvMaintenanceRepository;
pub use port::{CvMaintenanceRepository, PurgeableCv};
pub use report::{CleanupOptions, CleanupReport};
pub use service::CvCleanup;
pub use sweep::{CV_PREFIX, ORPHAN_MIN_AGE};

#[cfg(test)]
mod tests;
