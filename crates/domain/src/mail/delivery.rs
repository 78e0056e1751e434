//! Delivering the outbox: claim due mails, send each through the [`Mailer`], record the outcome
//! with exponential backoff, and give up after a bounded number of attempts.

use std::sync::Arc;

use chrono::TimeDelta;
use derive_new::new;
use tracing::{info, instrument, warn};

use super::mailer::{MailError, Mailer};
use super::outbox::{AttemptOutcome, ClaimedMail, MailOutbox, MailStatus, OutboxPage};
use crate::error::RepoError;
use crate::job::Paging;
use crate::ports::Clock;

/// A claimed mail is sent only while at least this much of its lease is left: longer than the
/// SMTP adapter's own timeout (15 s), so a send never outlives its claim and no other instance
/// re-claims a mail that is still being sent.
const SEND_BUDGET: TimeDelta = TimeDelta::seconds(30);

/// Claims per delivery pass, so one pass over a long backlog still ends (and the next starts
/// after the poll interval).
const MAX_BATCHES_PER_PASS: u32 = 50;

/// The longest `last_error` kept: enough for an SMTP reply line.
const ERROR_MAX_CHARS: usize = 200;

/// How the outbox retries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeliveryPolicy {
    /// Attempts before a mail is marked failed (`MAIL_MAX_ATTEMPTS`).
    pub max_attempts: u32,
    /// Wait after the first failed attempt; doubled after each further one (`MAIL_RETRY_BASE_SECS`).
    pub retry_base: TimeDelta,
    /// The longest wait between two attempts.
    pub retry_cap: TimeDelta,
    /// How long a claim holds before another instance may take the mail over.
    pub lease: TimeDelta,
    /// Mails claimed at once. `batch` × the adapter's timeout stays well inside `lease`.
    pub batch: u32,
}

impl Default for DeliveryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 8,
            retry_base: TimeDelta::seconds(30),
            retry_cap: TimeDelta::hours(1),
            lease: TimeDelta::minutes(5),
            batch: 10,
        }
    }
}

impl DeliveryPolicy {
    /// The wait after failed attempt number `attempt` (1-based): `retry_base × 2^(attempt-1)`,
    /// at most `retry_cap`.
    pub fn retry_delay(&self, attempt: u32) -> TimeDelta {
        let doublings = attempt.saturating_sub(1).min(30);
        let factor = 1_i32 << doublings;
        self.retry_base
            .checked_mul(factor)
            .map_or(self.retry_cap, |d| d.min(self.retry_cap))
    }
}

/// What one delivery pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: u32,
    /// Failed this time, to be tried again later.
    pub retrying: u32,
    /// Given up for good.
    pub failed: u32,
    /// Claimed but not finished here (lease too short to send, or taken over meanwhile): another
    /// pass picks them up when their lease ends.
    pub deferred: u32,
}

impl DeliveryReport {
    pub fn is_empty(&self) -> bool {
        *self == DeliveryReport::default()
    }
}

#[derive(new)]
pub struct MailOutboxService {
    outbox: Arc<dyn MailOutbox>,
    mailer: Arc<dyn Mailer>,
    clock: Arc<dyn Clock>,
    policy: DeliveryPolicy,
}

impl MailOutboxService {
    /// Delivers every mail due now (up to a bound per pass). A storage failure ends the pass;
    /// what was claimed and not finished is retried after its lease.
    #[instrument(skip_all)]
    pub async fn deliver_due(&self) -> Result<DeliveryReport, RepoError> {
        let mut report = DeliveryReport::default();
        for _ in 0..MAX_BATCHES_PER_PASS {
            let now = self.clock.now();
            let batch = self
                .outbox
                .claim_due(now, now + self.policy.lease, self.policy.batch)
                .await?;
            let claimed = u32::try_from(batch.len()).unwrap_or(u32::MAX);
            for mail in batch {
                self.attempt(mail, &mut report).await?;
            }
            if claimed < self.policy.batch {
                break;
            }
        }
        Ok(report)
    }

    /// The admin list: never the bodies.
    pub async fn list(
        &self,
        status: Option<MailStatus>,
        paging: Paging,
    ) -> Result<OutboxPage, RepoError> {
        self.outbox.list(status, paging).await
    }

    async fn attempt(
        &self,
        claimed: ClaimedMail,
        report: &mut DeliveryReport,
    ) -> Result<(), RepoError> {
        let kind = claimed.mail.kind.as_str();
        let outcome = if claimed.attempts > self.policy.max_attempts {
            // The last allowed attempt never reported back: its instance stopped mid-send.
            AttemptOutcome::Failed {
                error: "no outcome recorded for the last attempt".to_owned(),
            }
        } else if self.clock.now() + SEND_BUDGET > claimed.lease {
            report.deferred += 1;
            return Ok(());
        } else {
            let sent = self.mailer.send(&claimed.message_id, &claimed.mail).await;
            self.outcome(&claimed, sent)
        };
        match &outcome {
            AttemptOutcome::Sent => {
                report.sent += 1;
                info!(outbox_id = claimed.id.0, kind, "mail sent");
            }
            AttemptOutcome::Retry { at, error } => {
                report.retrying += 1;
                warn!(outbox_id = claimed.id.0, kind, attempts = claimed.attempts, retry_at = %at, error = %error, "mail not sent; will retry");
            }
            AttemptOutcome::Failed { error } => {
                report.failed += 1;
                warn!(outbox_id = claimed.id.0, kind, attempts = claimed.attempts, error = %error, "mail failed for good");
            }
        }
        let kept = self
            .outbox
            .finish(claimed.id, claimed.lease, outcome, self.clock.now())
            .await?;
        if !kept {
            report.deferred += 1;
            warn!(
                outbox_id = claimed.id.0,
                "mail claim taken over before its outcome was recorded"
            );
        }
        Ok(())
    }

    fn outcome(&self, claimed: &ClaimedMail, sent: Result<(), MailError>) -> AttemptOutcome {
        match sent {
            Ok(()) => AttemptOutcome::Sent,
            Err(MailError::Invalid(e)) => AttemptOutcome::Failed {
                error: short_error(&format!("invalid: {e}")),
            },
            Err(MailError::Delivery(e)) if claimed.attempts >= self.policy.max_attempts => {
                AttemptOutcome::Failed {
                    error: short_error(&e),
                }
            }
            Err(MailError::Delivery(e)) => AttemptOutcome::Retry {
                at: self.clock.now() + self.policy.retry_delay(claimed.attempts),
                error: short_error(&e),
            },
        }
    }
}

/// One line of at most [`ERROR_MAX_CHARS`] characters: control characters (an SMTP reply's line
/// breaks) become spaces, and any word with an `@` (a recipient the server quotes back) becomes
/// `[address]`, so logs carry no address.
pub(super) fn short_error(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    line.split(' ')
        .map(|word| {
            if word.contains('@') {
                "[address]"
            } else {
                word
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(ERROR_MAX_CHARS)
        .collect::<String>()
        .trim()
        .to_owned()
}
