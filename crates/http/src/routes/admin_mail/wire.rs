//! The query and the answer of the outbox list: delivery state only, never a body (a reset
//! link in it is a credential).

use chrono::{DateTime, Utc};
use intowork_domain::job::Paging;
use intowork_domain::mail::{MailStatus as DomainMailStatus, OutboxEntry, OutboxPage};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::wire::{CodeText, MailStatus, paging, query_int, ser_opt_time, ser_time};

const DEFAULT_LIMIT: i64 = 50;
const MAX_LIMIT: i64 = 200;

// `?status=&page=&limit=`.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// queued, sending, sent or failed (empty: all)
    #[param(inline)]
    status: Option<CodeText>,
    /// Page, ≥ 1 (default 1)
    #[serde(default, deserialize_with = "query_int")]
    page: Option<i64>,
    /// 1 to 200 (default 50)
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
}

impl OutboxQuery {
    pub fn paging(&self) -> Result<Paging, ApiError> {
        paging(self.page, self.limit, DEFAULT_LIMIT, MAX_LIMIT)
    }

    /// An empty `status=` is no filter; another unknown value is a 400.
    pub fn status(&self) -> Result<Option<DomainMailStatus>, ApiError> {
        match self
            .status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Ok(None),
            Some(raw) => DomainMailStatus::parse(&raw.to_ascii_lowercase())
                .map(Some)
                .ok_or_else(|| {
                    ApiError::bad_request("invalid_status", format!("Invalid status: {raw}"))
                }),
        }
    }
}

// One mail of the list.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutboxMail {
    pub id: i64,
    /// What the mail is about (`password_reset`, `set_password`, …)
    pub kind: String,
    pub to: String,
    pub subject: String,
    pub status: MailStatus,
    /// Delivery attempts so far
    pub attempts: u32,
    /// When a queued mail is next tried (for a mail being sent: when its claim ends)
    #[serde(serialize_with = "ser_time")]
    pub next_attempt_at: DateTime<Utc>,
    /// The last failure, as the mail server or the client library reported it
    pub last_error: Option<String>,
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "ser_opt_time")]
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<OutboxEntry> for OutboxMail {
    fn from(e: OutboxEntry) -> Self {
        Self {
            id: e.id.0,
            kind: e.kind.as_str().to_owned(),
            to: e.to,
            subject: e.subject,
            status: e.status.into(),
            attempts: e.attempts,
            next_attempt_at: e.next_attempt_at,
            last_error: e.last_error,
            created_at: e.created_at,
            sent_at: e.sent_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutboxMailList {
    pub mails: Vec<OutboxMail>,
    pub total: i64,
    pub page: i64,
    pub limit: i64,
    pub total_pages: i64,
}

impl OutboxMailList {
    pub fn new(page: OutboxPage, p: Paging) -> Self {
        Self {
            mails: page.items.into_iter().map(OutboxMail::from).collect(),
            total: page.total,
            page: p.page,
            limit: p.limit,
            total_pages: p.total_pages(page.total),
        }
    }
}
