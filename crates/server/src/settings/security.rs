//! Abuse limits and their store, the proxy chain, HTTPS, and error reporting (CONTRACT 9.2, 9.9,
//! 9.19).

use std::str::FromStr;

use intowork_domain::limits::DailyCeilings;

use super::daily_ceilings;
use super::problems::{ConfigProblem, Problems};
use super::raw::Raw;
use super::secret::Secret;
use super::values::{non_empty, parse_bool, parse_range};

#[derive(Clone, Debug)]
pub struct SecuritySettings {
    /// `REDIS_URL`: replicas share rate-limit counters through it. `None` = this instance's
    /// memory. A secret: it usually carries the password.
    pub redis_url: Option<Secret>,
    /// `AUTH_RATE_LIMIT_PER_MINUTE` (default 10): sign-ins per (IP, email), password checks of
    /// signed-in users per user; sign-ups, forgot- and reset-password per IP, and per email or
    /// (IP, email). Sign-ins per email from all addresses: 10 times this; sign-ins and password
    /// checks per IP: 30 times this.
    pub auth_rate_limit_per_minute: u32,
    /// `USER_ACTION_RATE_LIMIT_PER_MINUTE` (default 30): CV uploads, image uploads and applications per user.
    pub user_action_rate_limit_per_minute: u32,
    /// Job creations and CV uploads per account and per client IP a day
    /// (`settings/daily_ceilings.rs`).
    pub daily_ceilings: DailyCeilings,
    /// `TRUSTED_PROXY_HOPS` (default 0): proxies in front that append to `X-Forwarded-For`.
    pub trusted_proxy_hops: usize,
    /// `FORCE_HTTPS` (default false): HSTS, and a 308 for requests that came in over HTTP.
    pub force_https: bool,
    /// `SENTRY_DSN`: errors and panics are reported there when set. Kept out of `Debug` output.
    pub sentry_dsn: Option<Secret>,
}

pub(super) fn parse(raw: &Raw, problems: &mut Problems) -> Option<SecuritySettings> {
    let redis_url = problems.check(redis_url(raw));
    let auth_rate_limit_per_minute = problems.check(parse_range(
        "AUTH_RATE_LIMIT_PER_MINUTE",
        &raw.auth_rate_limit_per_minute,
        1,
        10_000,
    ));
    let user_action_rate_limit_per_minute = problems.check(parse_range(
        "USER_ACTION_RATE_LIMIT_PER_MINUTE",
        &raw.user_action_rate_limit_per_minute,
        1,
        10_000,
    ));
    let daily_ceilings = daily_ceilings::parse(raw, problems);
    let trusted_proxy_hops = problems.check(parse_range(
        "TRUSTED_PROXY_HOPS",
        &raw.trusted_proxy_hops,
        0,
        10,
    ));
    let force_https = problems.check(parse_bool("FORCE_HTTPS", &raw.force_https));
    let sentry_dsn = problems.check(sentry_dsn(raw));
    Some(SecuritySettings {
        redis_url: redis_url?.map(Secret::new),
        auth_rate_limit_per_minute: auth_rate_limit_per_minute?,
        user_action_rate_limit_per_minute: user_action_rate_limit_per_minute?,
        daily_ceilings: daily_ceilings?,
        trusted_proxy_hops: trusted_proxy_hops? as usize,
        force_https: force_https?,
        sentry_dsn: sentry_dsn?.map(Secret::new),
    })
}

fn redis_url(raw: &Raw) -> Result<Option<String>, ConfigProblem> {
    let url = non_empty(raw.redis_url.as_deref());
    match &url {
        Some(url) if url.starts_with("rediss://") => Err(ConfigProblem::new(
            "REDIS_URL",
            "rediss:// (TLS) is not supported: use the private-network redis:// URL",
        )),
        Some(url) if !url.starts_with("redis://") => {
            Err(ConfigProblem::new("REDIS_URL", "must start with redis://"))
        }
        _ => Ok(url),
    }
}

fn sentry_dsn(raw: &Raw) -> Result<Option<String>, ConfigProblem> {
    let dsn = non_empty(raw.sentry_dsn.as_deref());
    if let Some(dsn) = &dsn {
        // The parser's message never quotes the DSN (it holds the project's key).
        sentry::types::Dsn::from_str(dsn)
            .map_err(|e| ConfigProblem::new("SENTRY_DSN", format!("is not a valid DSN ({e})")))?;
    }
    Ok(dsn)
}
