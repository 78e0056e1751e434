//! The settings of issue 9: abuse limits and their store, the proxy chain, HTTPS, and error
//! reporting (CONTRACT 9.2, 9.9, 9.19). Parsed from [`super::Raw`] like the rest; errors name the
//! variable.

use std::str::FromStr;

use super::{Raw, Secret, SettingsError, invalid, parse_bool, parse_range};

#[derive(Clone, Debug)]
pub struct SecuritySettings {
    /// `REDIS_URL`: replicas share rate-limit counters through it. `None` = this instance's
    /// memory. A secret: it usually carries the password.
    pub redis_url: Option<Secret>,
    /// `AUTH_RATE_LIMIT_PER_MINUTE` (default 10): sign-ins per email; sign-ups, forgot- and
    /// reset-password per IP and per email. The sign-in per-IP ceiling is 30 times this.
    pub auth_rate_limit_per_minute: u32,
    /// `USER_ACTION_RATE_LIMIT_PER_MINUTE` (default 30): CV uploads and applications per user.
    pub user_action_rate_limit_per_minute: u32,
    /// `TRUSTED_PROXY_HOPS` (default 0): proxies in front that append to `X-Forwarded-For`.
    pub trusted_proxy_hops: usize,
    /// `FORCE_HTTPS` (default false): HSTS, and a 308 for requests that came in over HTTP.
    pub force_https: bool,
    /// `SENTRY_DSN`: errors and panics are reported there when set. Kept out of `Debug` output.
    pub sentry_dsn: Option<Secret>,
}

pub(super) fn parse(raw: &Raw) -> Result<SecuritySettings, SettingsError> {
    let non_empty = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let redis_url = non_empty(&raw.redis_url);
    if let Some(url) = &redis_url {
        if url.starts_with("rediss://") {
            return Err(invalid(
                "REDIS_URL",
                "rediss:// (TLS) is not supported: use the private-network redis:// URL",
            ));
        }
        if !url.starts_with("redis://") {
            return Err(invalid("REDIS_URL", "must start with redis://"));
        }
    }
    let sentry_dsn = non_empty(&raw.sentry_dsn);
    if let Some(dsn) = &sentry_dsn {
        // The parser's message never quotes the DSN (it holds the project's key).
        sentry::types::Dsn::from_str(dsn)
            .map_err(|e| invalid("SENTRY_DSN", format!("is not a valid DSN ({e})")))?;
    }
    Ok(SecuritySettings {
        redis_url: redis_url.map(Secret::new),
        auth_rate_limit_per_minute: parse_range(
            "AUTH_RATE_LIMIT_PER_MINUTE",
            &raw.auth_rate_limit_per_minute,
            1,
            10_000,
        )?,
        user_action_rate_limit_per_minute: parse_range(
            "USER_ACTION_RATE_LIMIT_PER_MINUTE",
            &raw.user_action_rate_limit_per_minute,
            1,
            10_000,
        )?,
        trusted_proxy_hops: parse_range("TRUSTED_PROXY_HOPS", &raw.trusted_proxy_hops, 0, 10)?
            as usize,
        force_https: parse_bool("FORCE_HTTPS", &raw.force_https)?,
        sentry_dsn: sentry_dsn.map(Secret::new),
    })
}

#[cfg(test)]
mod tests {
    use crate::settings::{Settings, SettingsError};

    fn load(extra: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        let mut vars = vec![("DATABASE_URL", "sqlite://:memory:")];
        vars.extend_from_slice(extra);
        Settings::from_vars(vars)
    }

    fn err_var(extra: &[(&str, &str)]) -> &'static str {
        match load(extra) {
            Err(SettingsError::Invalid { var, .. }) => var,
            other => panic!("expected an invalid variable, got {other:?}"),
        }
    }

    #[test]
    fn defaults_follow_the_contract() {
        let s = load(&[]).unwrap().security;
        assert_eq!(s.auth_rate_limit_per_minute, 10);
        assert_eq!(s.user_action_rate_limit_per_minute, 30);
        assert_eq!(s.trusted_proxy_hops, 0);
        assert!(!s.force_https);
        assert!(s.redis_url.is_none() && s.sentry_dsn.is_none());
    }

    #[test]
    fn values_are_read_and_secrets_do_not_print() {
        let s = load(&[
            ("REDIS_URL", "redis://default:hunter2@redis.internal:6379"),
            ("AUTH_RATE_LIMIT_PER_MINUTE", "5"),
            ("USER_ACTION_RATE_LIMIT_PER_MINUTE", "12"),
            ("TRUSTED_PROXY_HOPS", "1"),
            ("FORCE_HTTPS", "true"),
            ("SENTRY_DSN", "https://abc123@o1.ingest.sentry.io/42"),
        ])
        .unwrap()
        .security;
        assert_eq!(s.auth_rate_limit_per_minute, 5);
        assert_eq!(s.user_action_rate_limit_per_minute, 12);
        assert_eq!(s.trusted_proxy_hops, 1);
        assert!(s.force_https);
        let printed = format!("{s:?}");
        assert!(
            !printed.contains("hunter2") && !printed.contains("abc123"),
            "{printed}"
        );
    }

    #[test]
    fn bad_values_name_their_variable() {
        assert_eq!(
            err_var(&[("AUTH_RATE_LIMIT_PER_MINUTE", "0")]),
            "AUTH_RATE_LIMIT_PER_MINUTE"
        );
        assert_eq!(
            err_var(&[("USER_ACTION_RATE_LIMIT_PER_MINUTE", "lots")]),
            "USER_ACTION_RATE_LIMIT_PER_MINUTE"
        );
        assert_eq!(
            err_var(&[("TRUSTED_PROXY_HOPS", "-1")]),
            "TRUSTED_PROXY_HOPS"
        );
        assert_eq!(err_var(&[("FORCE_HTTPS", "maybe")]), "FORCE_HTTPS");
        assert_eq!(err_var(&[("REDIS_URL", "localhost:6379")]), "REDIS_URL");
        assert_eq!(err_var(&[("REDIS_URL", "rediss://h:6380")]), "REDIS_URL");
        assert_eq!(err_var(&[("SENTRY_DSN", "not a dsn")]), "SENTRY_DSN");
    }

    #[test]
    fn empty_optional_values_mean_unset() {
        let s = load(&[("REDIS_URL", " "), ("SENTRY_DSN", "")])
            .unwrap()
            .security;
        assert!(s.redis_url.is_none() && s.sentry_dsn.is_none());
    }
}
