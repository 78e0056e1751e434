//! Read caches: an explicit decorator around the job repository port ([`CachedJobs`]), and typed
//! caches that the repositories whose writes change a cached answer evict from by publishing an
//! event ([`ReadCaches`]).

mod cached_jobs;
mod caches;
mod keys;
mod read_cache;
#[cfg(test)]
mod read_cache_tests;

pub use cached_jobs::CachedJobs;
pub use caches::ReadCaches;
pub(crate) use caches::{CacheEvent, evicting_repository, publish};
pub(crate) use keys::EmployerApplications;
