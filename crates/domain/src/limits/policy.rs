//! The abuse-limit policy: which budgets each action counts, in which order, and failing open.

use std::sync::Arc;
use std::time::Duration;

use derive_new::new;
use thiserror::Error;
use tracing::{info, warn};

use super::budgets::RateBudgets;
use super::port::RateLimiter;
use super::rule::{DAY, HOUR, MINUTE, Rule};
use crate::ids::UserId;

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
    /// An employer's quick message to a candidate (it sends a mail).
    QuickMessage,
}

/// The abuse-limit policy. Every check counts one attempt and returns `Err(Limited)` when a
/// budget is spent. `ip` is the client address as the HTTP layer resolved it (never the
/// leftmost `X-Forwarded-For` entry); emails are normalised here, so `A@x.io` and `a@x.io`
/// share a budget.
#[derive(new)]
pub struct Limits {
    pub(super) limiter: Arc<dyn RateLimiter>,
    pub(super) budgets: RateBudgets,
}

impl Limits {
    pub fn budgets(&self) -> RateBudgets {
        self.budgets
    }

    /// Sign-in: the per-IP ceiling, the per-(IP, email) budget, then the per-email ceiling. A
    /// refusal stops the counting, so one address adds at most its own budget to the email's
    /// ceiling: ten wrong passwords from one place leave the owner free to sign in from another.
    pub async fn signin(&self, ip: &str, email: &str) -> Result<(), Limited> {
        let b = self.budgets;
        self.check([
            Rule::new("signin:ip", ip, b.signin_ip_per_minute, MINUTE),
            Rule::per_ip_email("signin:ip_email", ip, email, b.auth_per_minute, MINUTE),
            Rule::per_email("signin:email", email, b.signin_email_per_minute, MINUTE),
        ])
        .await
    }

    /// Change-password, change-email and delete-account: one budget shared by the three, per
    /// client IP (the sign-in ceiling) and per user (the sign-in budget), counted before the
    /// password check. Shared, so a stolen token cannot use each route as its own password
    /// oracle; argon2 runs at most `auth_per_minute` times a minute for one account.
    pub async fn account_change(&self, ip: &str, user: UserId) -> Result<(), Limited> {
        let b = self.budgets;
        self.check([
            Rule::new("account:ip", ip, b.signin_ip_per_minute, MINUTE),
            Rule::new("account:user", &user.to_string(), b.auth_per_minute, MINUTE),
        ])
        .await
    }

    /// Sign-up: per IP and per email.
    pub async fn signup(&self, ip: &str, email: &str) -> Result<(), Limited> {
        let b = self.budgets;
        self.check([
            Rule::new("signup:ip", ip, b.auth_per_minute, MINUTE),
            Rule::per_email("signup:email", email, b.auth_per_minute, MINUTE),
        ])
        .await
    }

    /// Forgot-password: per IP a minute, per (IP, email) an hour. Counted whether or not the
    /// address has an account, so a 429 reveals nothing (8.10). No budget per email alone: a
    /// stranger spending it would block the owner's own reset. The mailbox is protected by the
    /// recovery use case instead, which mails at most one link a minute per account.
    pub async fn forgot_password(&self, ip: &str, email: &str) -> Result<(), Limited> {
        let b = self.budgets;
        self.check([
            Rule::new("forgot:ip", ip, b.auth_per_minute, MINUTE),
            Rule::per_ip_email("forgot:ip_email", ip, email, b.auth_per_minute, HOUR),
        ])
        .await
    }

    /// The public contact form: per IP, the sign-up budget a minute and twice it an hour (10 with
    /// the defaults), so one address cannot fill the operator's inbox.
    pub async fn contact(&self, ip: &str) -> Result<(), Limited> {
        let b = self.budgets;
        self.check([
            Rule::new("contact:ip", ip, b.auth_per_minute, MINUTE),
            Rule::new(
                "contact:ip_hour",
                ip,
                b.auth_per_minute.saturating_mul(2),
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
        self.check([self.user_rule(user, action)]).await
    }

    /// A CV upload: the per-minute budget of the user, then the daily ceilings of the account
    /// and of the client IP (what one address can make the service store in a day).
    pub async fn cv_upload(&self, ip: &str, user: UserId) -> Result<(), Limited> {
        let d = self.budgets.daily;
        self.check([
            self.user_rule(user, UserAction::CvUpload),
            Rule::new(
                "daily:cv_upload:user",
                &user.to_string(),
                d.cv_uploads_per_account,
                DAY,
            ),
            Rule::new("daily:cv_upload:ip", ip, d.cv_uploads_per_ip, DAY),
        ])
        .await
    }

    /// An image upload (a job's picture, the company logo): the user's per-minute budget. No
    /// daily ceiling: each upload replaces the image before it (the old object is removed), so
    /// what an account keeps stored is one image per job, whose number has its own ceiling, and
    /// one logo.
    pub async fn image_upload(&self, user: UserId) -> Result<(), Limited> {
        let b = self.budgets;
        self.check([Rule::new(
            "user:image_upload",
            &user.to_string(),
            b.user_actions_per_minute,
            MINUTE,
        )])
        .await
    }

    /// A job creation: the daily ceilings of the employer account and of the client IP.
    pub async fn job_creation(&self, ip: &str, user: UserId) -> Result<(), Limited> {
        let d = self.budgets.daily;
        self.check([
            Rule::new("daily:job:user", &user.to_string(), d.jobs_per_account, DAY),
            Rule::new("daily:job:ip", ip, d.jobs_per_ip, DAY),
        ])
        .await
    }

    fn user_rule(&self, user: UserId, action: UserAction) -> Rule {
        Rule::new(
            match action {
                UserAction::CvUpload => "user:cv_upload",
                UserAction::Apply => "user:apply",
                UserAction::QuickMessage => "user:quick_message",
            },
            &user.to_string(),
            self.budgets.user_actions_per_minute,
            MINUTE,
        )
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
                    info!(rule = rule.rule, limit = rule.limit, "rate limit reached");
                    return Err(Limited {
                        retry_after: d.retry_after,
                    });
                }
                Err(e) => {
                    warn!(rule = rule.rule, error = %e, "rate limiter failed; allowing the attempt");
                }
            }
        }
        Ok(())
    }
}
