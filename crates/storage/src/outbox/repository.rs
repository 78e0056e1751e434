//! `MailOutbox` over diesel: the delivery worker's claims and outcomes, and the admin list.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_domain::job::Paging;
use intowork_domain::mail::{
    AttemptOutcome, ClaimedMail, MailOutbox, MailStatus, MessageId, OutboxEntry, OutboxId,
    OutboxPage, OutgoingMail,
};

use super::claim::{claim_due, finish};
use super::queue::Outbox;
use super::rows::ListRow;
use crate::conn::MultiBackend;
use crate::database::{Database, write_tx};
use crate::error::map_db_error;
use crate::schema::mail_outbox as outbox;

#[derive(Clone, Debug)]
pub struct DieselMailOutbox {
    db: Database,
    outbox: Outbox,
}

impl DieselMailOutbox {
    pub fn new(db: Database, outbox: Outbox) -> Self {
        Self { db, outbox }
    }
}

#[async_trait]
impl MailOutbox for DieselMailOutbox {
    #[tracing::instrument(name = "db.mail_outbox.enqueue", skip_all, fields(kind = mail.kind.as_str()))]
    async fn enqueue(
        &self,
        mail: OutgoingMail,
        now: DateTime<Utc>,
    ) -> Result<MessageId, RepoError> {
        let outbox = self.outbox.clone();
        let id = self
            .db
            .run(move |conn| {
                write_tx(conn, |conn| outbox.enqueue(conn, &mail, now)).map_err(map_db_error)
            })
            .await?;
        self.outbox.notify_queued();
        Ok(id)
    }

    #[tracing::instrument(name = "db.mail_outbox.claim", skip_all, fields(limit))]
    async fn claim_due(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<ClaimedMail>, RepoError> {
        self.db
            .run(move |conn| {
                claim_due(
                    conn,
                    now.naive_utc(),
                    lease_until.naive_utc(),
                    i64::from(limit),
                )
                .map_err(map_db_error)?
                .into_iter()
                .map(ClaimedMail::try_from)
                .collect()
            })
            .await
    }

    #[tracing::instrument(name = "db.mail_outbox.finish", skip_all, fields(outbox_id = id.0))]
    async fn finish(
        &self,
        id: OutboxId,
        lease: DateTime<Utc>,
        outcome: AttemptOutcome,
        now: DateTime<Utc>,
    ) -> Result<bool, RepoError> {
        self.db
            .run(move |conn| {
                finish(conn, id.0, lease.naive_utc(), &outcome, now.naive_utc())
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.mail_outbox.list", skip_all)]
    async fn list(
        &self,
        status: Option<MailStatus>,
        paging: Paging,
    ) -> Result<OutboxPage, RepoError> {
        self.db
            .run(move |conn| {
                // Two statements whatever the page size: the page, then the filter's total.
                let mut page = outbox::table.into_boxed::<MultiBackend>();
                let mut total = outbox::table.count().into_boxed::<MultiBackend>();
                if let Some(status) = status {
                    page = page.filter(outbox::status.eq(status.as_str()));
                    total = total.filter(outbox::status.eq(status.as_str()));
                }
                let rows: Vec<ListRow> = page
                    .order(outbox::id.desc())
                    .limit(paging.limit)
                    .offset(paging.offset())
                    .select(ListRow::as_select())
                    .load(conn)
                    .map_err(map_db_error)?;
                let total: i64 = total.get_result(conn).map_err(map_db_error)?;
                Ok(OutboxPage {
                    items: rows
                        .into_iter()
                        .map(OutboxEntry::try_from)
                        .collect::<Result<_, _>>()?,
                    total,
                })
            })
            .await
    }
}
