//! The abuse-limit store chosen by `REDIS_URL` (CONTRACT 9.2): shared through Redis when set,
//! else this instance's memory. Redis being down at start is no reason not to start: the limiter
//! answers from memory and reconnects on its own.

use std::sync::Arc;

use intowork_domain::limits::{Limits, RateBudgets, RateLimiter};
use intowork_ratelimit::{InvalidRedisUrl, MemoryRateLimiter, RedisRateLimiter};
use tracing::info;

use crate::settings::Settings;

pub async fn build(settings: &Settings) -> Result<Limits, InvalidRedisUrl> {
    let s = &settings.security;
    let budgets = RateBudgets::new(
        s.auth_rate_limit_per_minute,
        s.user_action_rate_limit_per_minute,
    )
    .with_daily(s.daily_ceilings);
    let limiter: Arc<dyn RateLimiter> = match &s.redis_url {
        Some(url) => {
            let redis = RedisRateLimiter::new(url.expose())?;
            // Logs "connected" or one warning; either way the limiter works.
            redis.probe().await;
            Arc::new(redis)
        }
        None => {
            info!("rate limits kept in this instance's memory (set REDIS_URL to share them)");
            Arc::new(MemoryRateLimiter::new())
        }
    };
    Ok(Limits::new(limiter, budgets))
}
