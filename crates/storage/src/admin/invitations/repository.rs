//! `InvitationRepository` over diesel.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use intowork_domain::RepoError;
use intowork_domain::admin::invitations::{InvitationRepository, NewInvitedAccount};
use intowork_domain::admin::{AuditRecord, UserRecord};
use intowork_domain::mail::OutgoingMail;
use intowork_domain::ports::CreateUserError;
use intowork_domain::recovery::IssuedResetToken;

use super::writes::{create_account, reissue};
use crate::Database;
use crate::database::write_tx;
use crate::error::{TxError, map_db_error};
use crate::outbox::Outbox;

#[derive(Clone, Debug)]
pub struct DieselInvitationRepository {
    db: Database,
    outbox: Outbox,
}

impl DieselInvitationRepository {
    /// `outbox` queues each set-password link's mail.
    pub fn new(db: Database, outbox: Outbox) -> Self {
        Self { db, outbox }
    }
}

#[async_trait]
impl InvitationRepository for DieselInvitationRepository {
    #[tracing::instrument(name = "db.admin.create_account", skip_all)]
    async fn create_account(
        &self,
        account: NewInvitedAccount,
        audit: AuditRecord,
    ) -> Result<UserRecord, CreateUserError> {
        let outbox = self.outbox.clone();
        let result = self
            .db
            .run(move |conn| {
                Ok(write_tx(conn, |conn| {
                    create_account(conn, &outbox, &account, &audit)
                }))
            })
            .await?;
        let row = result.map_err(TxError::into_domain)?;
        self.outbox.notify_queued();
        Ok(row.try_into()?)
    }

    #[tracing::instrument(name = "db.admin.reissue_link", skip_all, fields(user_id = token.user.get()))]
    async fn reissue(
        &self,
        token: IssuedResetToken,
        recent_since: DateTime<Utc>,
        audit: AuditRecord,
        mail: OutgoingMail,
    ) -> Result<bool, RepoError> {
        let outbox = self.outbox.clone();
        let stored = self
            .db
            .run(move |conn| {
                write_tx(conn, |conn| {
                    reissue(
                        conn,
                        &outbox,
                        &token,
                        recent_since.naive_utc(),
                        &audit,
                        &mail,
                    )
                })
                .map_err(map_db_error)
            })
            .await?;
        if stored {
            self.outbox.notify_queued();
        }
        Ok(stored)
    }
}
