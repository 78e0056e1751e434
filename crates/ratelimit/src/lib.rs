//! Rate-limit stores behind the domain's `RateLimiter` port (CONTRACT 9.2): in memory for one
//! instance, Redis so that replicas share one budget, falling back to memory while Redis is down.

mod memory;
mod redis_store;

pub use memory::{DEFAULT_MAX_KEYS, MemoryRateLimiter};
pub use redis_store::{InvalidRedisUrl, RedisRateLimiter};
