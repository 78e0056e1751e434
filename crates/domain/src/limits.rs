//! Abuse limits (CONTRACT 8.17, 9.2): how many attempts each caller gets, per key and per window.
//!
//! The counting itself sits behind the [`RateLimiter`] port (in memory for one instance, Redis so
//! replicas share one budget). [`Limits`] is the small policy service the HTTP layer calls before a
//! use case: it names the keys, picks the budgets and fails open when the store cannot answer, so
//! an outage of the limiter never blocks every sign-in. The use cases themselves know nothing of it.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use thiserror::Error;

use crate::ids::UserId;
use crate::user::normalize_email;

/// The outcome of one counted attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision {
    /// `false` once the key has used up its budget for the current window.
    pub allowed: bool,
    /// Time left until the current window of this key ends (when a refused caller may retry).
    pub retry_after: Duration,
}

#[derive(Debug, Error)]
pub enum LimitError {
    /// The store could not answer. Callers fail open (see [`Limits`]).
    #[error("rate limit store unavailable: {0}")]
    Unavailable(String),
}

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait RateLimiter: Send + Sync {
    /// Counts one attempt against `key` in a fixed window of length `window`, which starts with
    /// the key's first attempt, and says whether the attempt is within `limit`.
    ///
    /// MUST be atomic: `limit + 1` concurrent attempts on one key give exactly one refusal (across
    /// replicas too, for a shared store). Refused attempts count as well. `key` may hold personal
    /// data (an email): a store outside the process MUST NOT keep it in the clear, and adapters
    /// MUST NOT log it. `Err` only when the store cannot answer at all.
    async fn hit(&self, key: &str, limit: u32, window: Duration) -> Result<Decision, LimitError>;
}

/// Attempts allowed per window (`AUTH_RATE_LIMIT_PER_MINUTE`, `USER_ACTION_RATE_LIMIT_PER_MINUTE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateBudgets {
    /// Sign-ins per email; sign-ups, forgot-password and reset-password per IP and per email.
    pub auth_per_minute: u32,
    /// Sign-ins per client IP: only a high ceiling, because the frontend signs in from its own
    /// servers and many users share their address (9.2: 30 × the per-email budget).
    pub signin_ip_per_minute: u32,
    /// CV uploads and applications, each per user.
    pub user_actions_per_minute: u32,
}

/// How much higher the sign-in per-IP ceiling is than the per-email budget (CONTRACT 9.2).
pub const SIGNIN_IP_FACTOR: u32 = 30;

impl RateBudgets {
    pub fn new(auth_per_minute: u32, user_actions_per_minute: u32) -> Self {
        Self {
            auth_per_minute,
            signin_ip_per_minute: auth_per_minute.saturating_mul(SIGNIN_IP_FACTOR),
            user_actions_per_minute,
        }
    }
}

impl Default for RateBudgets {
    fn default() -> Self {
        Self::new(10, 30)
    }
}

/// The answer to a caller over budget: HTTP 429 with `Retry-After`.
#[derive(Clone, Copy, Debug, Error, PartialEq, Eq)]
#[error("too many requests")]
pub struct Limited {
    pub retry_after: Duration,
}

/// Per-user actions with their own budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserAction {
    CvUpload,
    Apply,
}

const MINUTE: Duration = Duration::from_secs(60);
/// A mailbox gets at most `auth_per_minute` reset mails an hour, whoever asks: a minute's budget
/// would let anyone mail-bomb an address.
const HOUR: Duration = Duration::from_secs(3600);

/// One budget: `key` may be hit `limit` times per `window`. `rule` is the loggable part.
struct Rule {
    rule: &'static str,
    key: String,
    limit: u32,
    window: Duration,
}

impl Rule {
    fn new(rule: &'static str, subject: &str, limit: u32, window: Duration) -> Self {
        Self {
            rule,
            key: format!("{rule}:{subject}"),
            limit,
            window,
        }
    }
}

/// The abuse-limit policy. Every check counts one attempt and returns `Err(Limited)` when a
/// budget is spent. `ip` is the client address as the HTTP layer resolved it (never the leftmost
/// `X-Forwarded-For` entry); emails are normalised here, so `A@x.io` and `a@x.io` share a budget.
pub struct Limits {
    limiter: Arc<dyn RateLimiter>,
    budgets: RateBudgets,
}

impl Limits {
    pub fn new(limiter: Arc<dyn RateLimiter>, budgets: RateBudgets) -> Self {
        Self { limiter, budgets }
    }

    pub fn budgets(&self) -> RateBudgets {
        self.budgets
    }

    /// Sign-in: the per-IP ceiling, then the per-email budget.
    pub async fn signin(&self, ip: &str, email: &str) -> Result<(), Limited> {
        let b = self.budgets;
        self.check([
            Rule::new("signin:ip", ip, b.signin_ip_per_minute, MINUTE),
            Rule::new(
                "signin:email",
                &normalize_email(email),
                b.auth_per_minute,
                MINUTE,
            ),
        ])
        .await
    }

    /// Sign-up: per IP and per email.
    pub async fn signup(&self, ip: &str, email: &str) -> Result<(), Limited> {
        let b = self.budgets;
        self.check([
            Rule::new("signup:ip", ip, b.auth_per_minute, MINUTE),
            Rule::new(
                "signup:email",
                &normalize_email(email),
                b.auth_per_minute,
                MINUTE,
            ),
        ])
        .await
    }

    /// Forgot-password: per IP a minute, per email an hour. Counted whether or not the address
    /// has an account, so a 429 reveals nothing (8.10).
    pub async fn forgot_password(&self, ip: &str, email: &str) -> Result<(), Limited> {
        let b = self.budgets;
        self.check([
            Rule::new("forgot:ip", ip, b.auth_per_minute, MINUTE),
            Rule::new(
                "forgot:email",
                &normalize_email(email),
                b.auth_per_minute,
                HOUR,
            ),
        ])
        .await
    }

    /// Reset-password: per IP. Its body names no email, and a budget per token would not slow a
    /// guesser down (every guess is a new token); tokens carry 256 random bits, so the IP budget
    /// is what bounds the attempts.
    pub async fn reset_password(&self, ip: &str) -> Result<(), Limited> {
        let b = self.budgets;
        self.check([Rule::new("reset:ip", ip, b.auth_per_minute, MINUTE)])
            .await
    }

    /// CV uploads and applications: per user, each action with its own budget.
    pub async fn user_action(&self, user: UserId, action: UserAction) -> Result<(), Limited> {
        let rule = Rule::new(
            match action {
                UserAction::CvUpload => "user:cv_upload",
                UserAction::Apply => "user:apply",
            },
            &user.to_string(),
            self.budgets.user_actions_per_minute,
            MINUTE,
        );
        self.check([rule]).await
    }

    /// Counts the rules in order and stops at the first refusal (a refused caller costs no
    /// further round trips). A store error lets the attempt through: better an unlimited minute
    /// than nobody able to sign in.
    async fn check<const N: usize>(&self, rules: [Rule; N]) -> Result<(), Limited> {
        for rule in rules {
            match self.limiter.hit(&rule.key, rule.limit, rule.window).await {
                Ok(d) if d.allowed => {}
                Ok(d) => {
                    // The key may hold an email: only the rule's name is logged.
                    tracing::info!(rule = rule.rule, limit = rule.limit, "rate limit reached");
                    return Err(Limited {
                        retry_after: d.retry_after,
                    });
                }
                Err(e) => {
                    tracing::warn!(rule = rule.rule, error = %e, "rate limiter failed; allowing the attempt");
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "limits/tests.rs"]
mod tests;
