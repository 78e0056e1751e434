//! One budget as the policy counts it.

use std::time::Duration;

use crate::user::normalize_email;

pub(super) const MINUTE: Duration = Duration::from_secs(60);
/// A mailbox gets at most `auth_per_minute` reset mails an hour, whoever asks: a minute's budget
/// would let anyone mail-bomb an address.
pub(super) const HOUR: Duration = Duration::from_secs(3600);

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
}
