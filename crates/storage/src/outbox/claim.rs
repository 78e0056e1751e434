//! Claiming due mails and recording how their attempt ended.
//!
//! PostgreSQL: the due rows are selected `FOR UPDATE SKIP LOCKED` in the transaction that marks
//! them `sending`, so concurrent instances each take different rows and never wait on each
//! other. SQLite: the same without the locking clause; the write transaction (`BEGIN
//! IMMEDIATE`) already runs claims one at a time.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::mail::AttemptOutcome;

use super::rows::ClaimRow;
use crate::conn::DbConn;
use crate::database::write_tx;
use crate::schema::mail_outbox as outbox;

/// Statuses a due mail can have: queued, or `sending` under a claim that ran out (its
/// `next_attempt_at` is the end of that claim).
const CLAIMABLE: [&str; 2] = ["queued", "sending"];

/// Marks up to `limit` mails due at `now` as `sending` until `lease`, counting one more attempt,
/// and returns them (by id).
pub(super) fn claim_due(
    conn: &mut DbConn,
    now: NaiveDateTime,
    lease: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<ClaimRow>> {
    write_tx(conn, |conn| {
        // The longest due first; the index on (status, next_attempt_at) serves the filter.
        macro_rules! due {
            () => {
                outbox::table
                    .filter(outbox::status.eq_any(CLAIMABLE))
                    .filter(outbox::next_attempt_at.le(now))
                    .order((outbox::next_attempt_at.asc(), outbox::id.asc()))
                    .limit(limit)
                    .select(outbox::id)
            };
        }
        let ids: Vec<i64> = match conn {
            DbConn::Pg(pg) => due!().for_update().skip_locked().load(pg)?,
            DbConn::Sqlite(lite) => due!().load(lite)?,
        };
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut rows = diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
            .set((
                outbox::status.eq("sending"),
                outbox::locked_until.eq(Some(lease)),
                // Due again when the claim ends: a mail whose instance died is retried then.
                outbox::next_attempt_at.eq(lease),
                outbox::attempts.eq(outbox::attempts + 1),
            ))
            // Columns spelled out: `as_returning` does not cross the two-backend connection.
            .returning((
                outbox::id,
                outbox::message_id,
                outbox::kind,
                outbox::to_address,
                outbox::subject,
                outbox::text_body,
                outbox::html_body,
                outbox::headers,
                outbox::attempts,
                outbox::locked_until,
            ))
            .get_results::<ClaimRow>(conn)?;
        rows.sort_by_key(|r| r.id);
        Ok(rows)
    })
}

/// Records the outcome on mail `id` if the claim ending at `lease` is still the current one.
/// Sent and failed mails lose their bodies and headers: they may hold a live link.
pub(super) fn finish(
    conn: &mut DbConn,
    id: i64,
    lease: NaiveDateTime,
    outcome: &AttemptOutcome,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let claimed = outbox::table
        .filter(outbox::id.eq(id))
        .filter(outbox::status.eq("sending"))
        .filter(outbox::locked_until.eq(lease));
    let no_lock = outbox::locked_until.eq(None::<NaiveDateTime>);
    let emptied = (
        outbox::text_body.eq(""),
        outbox::html_body.eq(None::<String>),
        outbox::headers.eq(None::<String>),
    );
    let updated = match outcome {
        AttemptOutcome::Sent => diesel::update(claimed)
            .set((
                outbox::status.eq("sent"),
                outbox::sent_at.eq(Some(now)),
                no_lock,
                emptied,
            ))
            .execute(conn)?,
        AttemptOutcome::Retry { at, error } => diesel::update(claimed)
            .set((
                outbox::status.eq("queued"),
                outbox::next_attempt_at.eq(at.naive_utc()),
                outbox::last_error.eq(Some(error)),
                no_lock,
            ))
            .execute(conn)?,
        AttemptOutcome::Failed { error } => diesel::update(claimed)
            .set((
                outbox::status.eq("failed"),
                outbox::last_error.eq(Some(error)),
                no_lock,
                emptied,
            ))
            .execute(conn)?,
    };
    Ok(updated == 1)
}
