//! The outbox: queued mails, their delivery state, and the port that stores them.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::message::{MailKind, MessageId, OutgoingMail};
use crate::error::RepoError;
use crate::job::Paging;

/// A row of the outbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutboxId(pub i64);

/// Where a mail stands. `Queued` → `Sending` (claimed by one instance for a lease) → `Sent`, or
/// back to `Queued` with a later attempt, or `Failed` for good.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailStatus {
    Queued,
    Sending,
    Sent,
    Failed,
}

impl MailStatus {
    pub const ALL: [MailStatus; 4] = [
        MailStatus::Queued,
        MailStatus::Sending,
        MailStatus::Sent,
        MailStatus::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MailStatus::Queued => "queued",
            MailStatus::Sending => "sending",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
        }
    }

    pub fn parse(raw: &str) -> Option<MailStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

/// A mail claimed for one delivery attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimedMail {
    pub id: OutboxId,
    pub message_id: MessageId,
    pub mail: OutgoingMail,
    /// Attempts so far, this one included.
    pub attempts: u32,
    /// The claim holds until then; after it another instance may claim the mail again.
    pub lease: DateTime<Utc>,
}

/// How one attempt ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttemptOutcome {
    Sent,
    /// Try again at `at`. `error` is short and internal (never the body).
    Retry {
        at: DateTime<Utc>,
        error: String,
    },
    /// Given up. Same rule for `error`.
    Failed {
        error: String,
    },
}

/// What the admin list shows of a mail: never its body, which may hold a reset link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxEntry {
    pub id: OutboxId,
    pub kind: MailKind,
    pub to: String,
    pub subject: String,
    pub status: MailStatus,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxPage {
    pub items: Vec<OutboxEntry>,
    pub total: i64,
}

/// The outbox store. Use cases whose mail goes with another change queue it through their own
/// repository, in that change's transaction; this port delivers and lists.
#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait MailOutbox: Send + Sync {
    /// Queues `mail` on its own (a mail that no other change causes), due at once. Returns the
    /// Message-ID it will carry.
    async fn enqueue(&self, mail: OutgoingMail, now: DateTime<Utc>)
    -> Result<MessageId, RepoError>;

    /// In one transaction: up to `limit` mails due at `now` (queued and due, or `sending` whose
    /// lease ended, its instance presumably gone), the longest due first, marked `sending` until
    /// `lease_until` with one more attempt counted. MUST never hand one mail to two concurrent
    /// callers while its lease runs, across processes too.
    async fn claim_due(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<ClaimedMail>, RepoError>;

    /// Records how the attempt on a claimed mail ended, only while the claim is the caller's
    /// (`sending` with this `lease`): `false` when another claim took over, and nothing is
    /// written. A mail that is sent or failed keeps no body.
    async fn finish(
        &self,
        id: OutboxId,
        lease: DateTime<Utc>,
        outcome: AttemptOutcome,
        now: DateTime<Utc>,
    ) -> Result<bool, RepoError>;

    /// Newest first (`id DESC`), optionally of one status, with the total of that filter; a
    /// fixed number of statements whatever the page size.
    async fn list(
        &self,
        status: Option<MailStatus>,
        paging: Paging,
    ) -> Result<OutboxPage, RepoError>;
}
