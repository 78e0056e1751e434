//! One budget as the policy counts it.

use std::time::Duration;

use crate::user::normalize_email;

pub(super) const MINUTE: Duration = Duration::from_secs(60);
/// Forgot-password requests for one mailbox from one address: `auth_per_minute` an hour.
pub(super) const HOUR: Duration = Duration::from_secs(3600);
/// The window of the daily ceilings on stored content (jobs, CVs).
pub(super) const DAY: Duration = Duration::from_secs(24 * 3600);

/// One budget: `key` may be hit `limit` times per `window`. `rule` is the loggable part.
pub(super) struct Rule {
    pub(super) rule: &'static str,
    pub(super) key: String,
    pub(super) limit: u32,
    pub(super) window: Duration,
}

impl Rule {
    pub(super) fn new(rule: &'static str, subject: &str, limit: u32, window: Duration) -> Self {
        Self {
            rule,
            key: format!("{rule}:{subject}"),
            limit,
            window,
        }
    }

    /// A budget per email address, normalised, so `A@x.io` and `a@x.io` share it.
    pub(super) fn per_email(rule: &'static str, email: &str, limit: u32, window: Duration) -> Self {
        Self::new(rule, &normalize_email(email), limit, window)
    }

    /// A budget per (client address, email): what one address may try against one mailbox,
    /// without spending the budget of the owner signing in from elsewhere.
    pub(super) fn per_ip_email(
        rule: &'static str,
        ip: &str,
        email: &str,
        limit: u32,
        window: Duration,
    ) -> Self {
        // An address key never holds `|`, so the first one ends it: no two pairs share a key.
        Self::new(
            rule,
            &format!("{ip}|{}", normalize_email(email)),
            limit,
            window,
        )
    }
}
