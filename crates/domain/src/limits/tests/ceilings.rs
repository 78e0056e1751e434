//! Daily ceilings on what an account or an address makes the service store.

use std::sync::Arc;
use std::time::Duration;

use super::{allowed, expect, refused};
use crate::ids::UserId;
use crate::limits::{DailyCeilings, Limits, MockRateLimiter, RateBudgets};

const DAY: u64 = 24 * 3600;

fn limits(mock: MockRateLimiter) -> Limits {
    let daily = DailyCeilings {
        jobs_per_account: 5,
        jobs_per_ip: 7,
        cv_uploads_per_account: 3,
        cv_uploads_per_ip: 4,
    };
    Limits::new(Arc::new(mock), RateBudgets::new(10, 30).with_daily(daily))
}

#[test]
fn the_default_ceilings_are_higher_per_address_than_per_account() {
    let d = RateBudgets::default().daily;
    assert_eq!(d, DailyCeilings::default());
    assert_eq!((d.jobs_per_account, d.jobs_per_ip), (50, 200));
    assert_eq!((d.cv_uploads_per_account, d.cv_uploads_per_ip), (20, 100));
}

#[tokio::test]
async fn a_cv_upload_counts_the_minute_budget_then_the_account_and_the_address_per_day() {
    let mut mock = MockRateLimiter::new();
    let mut seq = mockall::Sequence::new();
    expect(&mut mock, &mut seq, "user:cv_upload:7", 30, 60, allowed);
    expect(
        &mut mock,
        &mut seq,
        "daily:cv_upload:user:7",
        3,
        DAY,
        allowed,
    );
    expect(
        &mut mock,
        &mut seq,
        "daily:cv_upload:ip:198.51.100.4",
        4,
        DAY,
        allowed,
    );
    limits(mock)
        .cv_upload("198.51.100.4", UserId(7))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_spent_daily_cv_ceiling_refuses_until_the_window_ends() {
    let mut mock = MockRateLimiter::new();
    let mut seq = mockall::Sequence::new();
    expect(&mut mock, &mut seq, "user:cv_upload:7", 30, 60, allowed);
    expect(
        &mut mock,
        &mut seq,
        "daily:cv_upload:user:7",
        3,
        DAY,
        || refused(50_000),
    );
    let err = limits(mock)
        .cv_upload("198.51.100.4", UserId(7))
        .await
        .unwrap_err();
    assert_eq!(err.retry_after, Duration::from_secs(50_000));
}

#[tokio::test]
async fn a_job_creation_counts_the_account_then_the_address_per_day() {
    let mut mock = MockRateLimiter::new();
    let mut seq = mockall::Sequence::new();
    expect(&mut mock, &mut seq, "daily:job:user:9", 5, DAY, allowed);
    expect(
        &mut mock,
        &mut seq,
        "daily:job:ip:203.0.113.9",
        7,
        DAY,
        || refused(3600),
    );
    let err = limits(mock)
        .job_creation("203.0.113.9", UserId(9))
        .await
        .unwrap_err();
    assert_eq!(err.retry_after, Duration::from_secs(3600));
}
