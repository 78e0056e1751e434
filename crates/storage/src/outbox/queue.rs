//! [`Outbox`]: queues mails inside other repositories' transactions and wakes this process's
//! delivery worker.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use intowork_domain::mail::{MessageId, OutgoingMail};
use tokio::sync::Notify;

use super::rows;
use crate::conn::DbConn;
use crate::schema::mail_outbox as outbox;

/// The right-hand side of Message-IDs when the configured one is unusable.
const FALLBACK_ID_DOMAIN: &str = "localhost";

/// Queues mails (see the module docs) and tells this process's delivery worker about them. One
/// per process, cloned into every repository that queues mail and into the worker.
#[derive(Clone)]
pub struct Outbox {
    inner: Arc<Inner>,
}

struct Inner {
    id_domain: String,
    queued: Notify,
}

impl fmt::Debug for Outbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outbox")
            .field("id_domain", &self.inner.id_domain)
            .finish_non_exhaustive()
    }
}

impl Outbox {
    /// `id_domain`: the right-hand side of the Message-IDs generated here, normally the domain of
    /// `MAIL_FROM`; `localhost` when it cannot be used in one.
    pub fn new(id_domain: &str) -> Outbox {
        let id_domain = if MessageId::new("x", id_domain).is_some() {
            id_domain.to_owned()
        } else {
            FALLBACK_ID_DOMAIN.to_owned()
        };
        Outbox {
            inner: Arc::new(Inner {
                id_domain,
                queued: Notify::new(),
            }),
        }
    }

    /// Writes `mail` to the outbox, due at `now`, with a fresh Message-ID (`<uuid@domain>`),
    /// which it returns. Call it inside the write transaction of the change that causes the mail.
    pub fn enqueue(
        &self,
        conn: &mut DbConn,
        mail: &OutgoingMail,
        now: DateTime<Utc>,
    ) -> QueryResult<MessageId> {
        let unique = uuid::Uuid::new_v4().simple().to_string();
        let message_id = MessageId::new(&unique, &self.inner.id_domain).ok_or_else(|| {
            diesel::result::Error::QueryBuilderError("unusable Message-ID domain".into())
        })?;
        let now = now.naive_utc();
        diesel::insert_into(outbox::table)
            .values((
                outbox::message_id.eq(message_id.as_str()),
                outbox::kind.eq(mail.kind.as_str()),
                outbox::to_address.eq(&mail.to),
                outbox::subject.eq(&mail.subject),
                outbox::text_body.eq(&mail.text),
                outbox::html_body.eq(mail.html.as_deref()),
                outbox::headers.eq(rows::encode_headers(&mail.headers)),
                outbox::status.eq("queued"),
                outbox::attempts.eq(0),
                outbox::next_attempt_at.eq(now),
                outbox::created_at.eq(now),
            ))
            .execute(conn)?;
        Ok(message_id)
    }

    /// Wakes this process's delivery worker. Call it once the transaction that queued a mail has
    /// committed (before, the worker would not see the row); other instances find it when they
    /// next poll.
    pub fn notify_queued(&self) {
        self.inner.queued.notify_one();
    }

    /// Returns when a mail was queued in this process since the last call.
    pub async fn queued(&self) {
        self.inner.queued.notified().await;
    }
}
