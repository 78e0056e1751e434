//! Read caches: explicit decorators around the job and directory repository ports ([`CachedJobs`],
//! [`CachedDirectory`]), and typed caches that the repositories whose writes change a cached
//! answer evict from by publishing an event ([`ReadCaches`]).

mod cached_directory;
mod cached_jobs;
mod caches;
mod cold_loads;
mod heap_size;
mod job_edits;
mod keys;
mod read_cache;
#[cfg(test)]
mod read_cache_tests;

pub use cached_directory::CachedDirectory;
pub use cached_jobs::CachedJobs;
pub(crate) use caches::{CacheEvent, evicting_repository, publish};
pub use caches::{DEFAULT_READ_CACHE_MAX_BYTES, ReadCaches};
pub(crate) use keys::EmployerApplications;
pub(crate) use read_cache::TTL;
