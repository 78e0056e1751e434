use super::super::{Settings, SettingsError};
use super::refused;
use intowork_domain::limits::DailyCeilings;

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
    assert_eq!(s.daily_ceilings, DailyCeilings::default());
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

#[test]
fn daily_ceilings_are_read_and_checked() {
    let s = load(&[
        ("JOBS_PER_DAY", "3"),
        ("JOBS_PER_DAY_PER_IP", "4"),
        ("CV_UPLOADS_PER_DAY", "5"),
        ("CV_UPLOADS_PER_DAY_PER_IP", "5"),
    ])
    .unwrap()
    .security;
    assert_eq!(
        s.daily_ceilings,
        DailyCeilings {
            jobs_per_account: 3,
            jobs_per_ip: 4,
            cv_uploads_per_account: 5,
            cv_uploads_per_ip: 5,
        }
    );
    for (var, value) in [
        ("JOBS_PER_DAY", "0"),
        ("JOBS_PER_DAY_PER_IP", "many"),
        ("CV_UPLOADS_PER_DAY", "2000000"),
        ("CV_UPLOADS_PER_DAY_PER_IP", "-3"),
    ] {
        assert_eq!(refused(&[(var, value)]), [var], "{var}={value}");
    }
    // Every problem at once, each naming its variable.
    assert_eq!(
        refused(&[
            ("JOBS_PER_DAY", "100"),
            ("JOBS_PER_DAY_PER_IP", "10"),
            ("CV_UPLOADS_PER_DAY", "30"),
            ("CV_UPLOADS_PER_DAY_PER_IP", "20"),
        ]),
        ["JOBS_PER_DAY_PER_IP", "CV_UPLOADS_PER_DAY_PER_IP"]
    );
}
