//! The shared budget of the routes that check a signed-in user's password.

use std::time::Duration;

use super::{allowed, expect, limits, refused};
use crate::ids::UserId;
use crate::limits::{Limited, MockRateLimiter};

#[tokio::test]
async fn account_changes_count_the_ip_ceiling_then_the_user() {
    let mut mock = MockRateLimiter::new();
    let mut seq = mockall::Sequence::new();
    expect(
        &mut mock,
        &mut seq,
        "account:ip:203.0.113.7",
        300,
        60,
        allowed,
    );
    expect(&mut mock, &mut seq, "account:user:42", 10, 60, allowed);
    limits(mock)
        .account_change("203.0.113.7", UserId(42))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_spent_user_budget_refuses_with_the_time_left() {
    let mut mock = MockRateLimiter::new();
    let mut seq = mockall::Sequence::new();
    expect(
        &mut mock,
        &mut seq,
        "account:ip:2001:db8::/64",
        300,
        60,
        allowed,
    );
    expect(&mut mock, &mut seq, "account:user:42", 10, 60, || {
        refused(17)
    });
    assert_eq!(
        limits(mock)
            .account_change("2001:db8::/64", UserId(42))
            .await,
        Err(Limited {
            retry_after: Duration::from_secs(17)
        })
    );
}

#[tokio::test]
async fn a_spent_ip_ceiling_refuses_before_the_user_is_counted() {
    let mut mock = MockRateLimiter::new();
    let mut seq = mockall::Sequence::new();
    expect(&mut mock, &mut seq, "account:ip:192.0.2.1", 300, 60, || {
        refused(9)
    });
    let err = limits(mock)
        .account_change("192.0.2.1", UserId(42))
        .await
        .unwrap_err();
    assert_eq!(err.retry_after, Duration::from_secs(9));
}
