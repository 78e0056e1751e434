use super::super::{Settings, SettingsError};
use super::refused;

fn load(extra: &[(&str, &str)]) -> Result<Settings, SettingsError> {
    let mut vars = vec![("DATABASE_URL", "sqlite://:memory:")];
    vars.extend_from_slice(extra);
    Settings::from_vars(vars)
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
    for (var, value) in [
        ("AUTH_RATE_LIMIT_PER_MINUTE", "0"),
        ("USER_ACTION_RATE_LIMIT_PER_MINUTE", "lots"),
        ("TRUSTED_PROXY_HOPS", "-1"),
        ("FORCE_HTTPS", "maybe"),
        ("REDIS_URL", "localhost:6379"),
        ("REDIS_URL", "rediss://h:6380"),
        ("SENTRY_DSN", "not a dsn"),
    ] {
        assert_eq!(refused(&[(var, value)]), [var], "{var}={value}");
    }
}

#[test]
fn empty_optional_values_mean_unset() {
    let s = load(&[("REDIS_URL", " "), ("SENTRY_DSN", "")])
        .unwrap()
        .security;
    assert!(s.redis_url.is_none() && s.sentry_dsn.is_none());
}
