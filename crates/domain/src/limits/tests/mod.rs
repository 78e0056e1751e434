use std::sync::Arc;
use std::time::Duration;

use mockall::predicate::{always, eq};

use super::*;
use crate::ids::UserId;

mod account;
mod ceilings;

pub(super) fn allowed() -> Result<Decision, LimitError> {
    Ok(Decision {
        allowed: true,
        retry_after: Duration::from_secs(60),
    })
}

pub(super) fn refused(secs: u64) -> Result<Decision, LimitError> {
    Ok(Decision {
        allowed: false,
        retry_after: Duration::from_secs(secs),
    })
}

pub(super) fn limits(mock: MockRateLimiter) -> Limits {
    Limits::new(Arc::new(mock), RateBudgets::new(10, 30))
}

#[test]
fn the_signin_ip_ceiling_is_thirty_times_the_email_budget() {
    let b = RateBudgets::new(10, 30);
    assert_eq!(b.signin_ip_per_minute, 300);
    assert_eq!(b.signin_email_per_minute, 100);
    assert_eq!(RateBudgets::default(), b);
    assert_eq!(RateBudgets::new(u32::MAX, 1).signin_ip_per_minute, u32::MAX);
}

/// Expects `key` counted once against `limit` per `window`, in `seq`, and answers `answer`.
pub(super) fn expect(
    mock: &mut MockRateLimiter,
    seq: &mut mockall::Sequence,
    key: &str,
    limit: u32,
    window_secs: u64,
    answer: fn() -> Result<Decision, LimitError>,
) {
    mock.expect_hit()
        .with(
            eq(key.to_owned()),
            eq(limit),
            eq(Duration::from_secs(window_secs)),
        )
        .times(1)
        .in_sequence(seq)
        .returning(move |_, _, _| answer());
}

#[tokio::test]
async fn signin_counts_the_ip_ceiling_the_ip_and_email_pair_then_the_email_ceiling() {
    let mut mock = MockRateLimiter::new();
    let mut seq = mockall::Sequence::new();
    expect(
        &mut mock,
        &mut seq,
        "signin:ip:203.0.113.7",
        300,
        60,
        allowed,
    );
    expect(
        &mut mock,
        &mut seq,
        "signin:ip_email:203.0.113.7|ada@example.com",
        10,
        60,
        allowed,
    );
    expect(
        &mut mock,
        &mut seq,
        "signin:email:ada@example.com",
        100,
        60,
        allowed,
    );
    limits(mock)
        .signin("203.0.113.7", "  Ada@Example.COM ")
        .await
        .unwrap();
}

#[tokio::test]
async fn a_spent_pair_budget_leaves_the_email_ceiling_untouched() {
    let mut mock = MockRateLimiter::new();
    let mut seq = mockall::Sequence::new();
    expect(&mut mock, &mut seq, "signin:ip:192.0.2.1", 300, 60, allowed);
    expect(
        &mut mock,
        &mut seq,
        "signin:ip_email:192.0.2.1|ada@example.com",
        10,
        60,
        || refused(30),
    );
    // No expectation on `signin:email:…`: mockall fails the test if it is counted.
    let err = limits(mock)
        .signin("192.0.2.1", "ada@example.com")
        .await
        .unwrap_err();
    assert_eq!(err.retry_after, Duration::from_secs(30));
}

#[tokio::test]
async fn a_refusal_carries_retry_after_and_stops_further_counting() {
    let mut mock = MockRateLimiter::new();
    mock.expect_hit()
        .with(eq("signup:ip:198.51.100.1"), always(), always())
        .times(1)
        .returning(|_, _, _| refused(42));
    // The email budget is not touched once the IP budget refused.
    let err = limits(mock)
        .signup("198.51.100.1", "a@b.io")
        .await
        .unwrap_err();
    assert_eq!(err.retry_after, Duration::from_secs(42));
}

#[tokio::test]
async fn a_store_failure_lets_the_attempt_through() {
    let mut mock = MockRateLimiter::new();
    mock.expect_hit()
        .times(3)
        .returning(|_, _, _| Err(LimitError::Unavailable("down".into())));
    limits(mock).signin("192.0.2.1", "a@b.io").await.unwrap();
}

#[tokio::test]
async fn forgot_password_budgets_the_address_and_the_address_email_pair_not_the_mailbox() {
    let mut mock = MockRateLimiter::new();
    let mut seq = mockall::Sequence::new();
    expect(&mut mock, &mut seq, "forgot:ip:192.0.2.1", 10, 60, allowed);
    expect(
        &mut mock,
        &mut seq,
        "forgot:ip_email:192.0.2.1|a@b.io",
        10,
        3600,
        || refused(3000),
    );
    let err = limits(mock)
        .forgot_password("192.0.2.1", "A@B.io")
        .await
        .unwrap_err();
    assert_eq!(err.retry_after, Duration::from_secs(3000));
}

#[tokio::test]
async fn reset_password_is_budgeted_per_ip() {
    let mut mock = MockRateLimiter::new();
    mock.expect_hit()
        .with(
            eq("reset:ip:192.0.2.9"),
            eq(10),
            eq(Duration::from_secs(60)),
        )
        .times(1)
        .returning(|_, _, _| allowed());
    limits(mock).reset_password("192.0.2.9").await.unwrap();
}

#[tokio::test]
async fn user_actions_have_separate_per_user_budgets() {
    let mut mock = MockRateLimiter::new();
    mock.expect_hit()
        .with(eq("user:cv_upload:7"), eq(30), eq(Duration::from_secs(60)))
        .times(1)
        .returning(|_, _, _| allowed());
    mock.expect_hit()
        .with(eq("user:apply:7"), eq(30), eq(Duration::from_secs(60)))
        .times(1)
        .returning(|_, _, _| refused(5));
    let l = limits(mock);
    l.user_action(UserId(7), UserAction::CvUpload)
        .await
        .unwrap();
    assert_eq!(
        l.user_action(UserId(7), UserAction::Apply).await,
        Err(Limited {
            retry_after: Duration::from_secs(5)
        })
    );
}
