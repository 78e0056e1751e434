//! Outbox rows and their conversion into the domain's types (an unknown status or a malformed
//! stored value is an error, never a panic).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_domain::mail::{
    ClaimedMail, MailHeader, MailKind, MailStatus, MessageId, OutboxEntry, OutboxId, OutgoingMail,
};

use crate::schema::mail_outbox;

/// A claimed row: everything needed to send it, in the column order of the claim's `RETURNING`.
#[derive(Queryable)]
pub(super) struct ClaimRow {
    pub(super) id: i64,
    message_id: String,
    kind: String,
    to_address: String,
    subject: String,
    text_body: String,
    html_body: Option<String>,
    headers: Option<String>,
    attempts: i32,
    locked_until: Option<NaiveDateTime>,
}

/// What the admin list reads: no body, no headers.
#[derive(Queryable, Selectable)]
#[diesel(table_name = mail_outbox)]
pub(super) struct ListRow {
    id: i64,
    kind: String,
    to_address: String,
    subject: String,
    status: String,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    last_error: Option<String>,
    created_at: NaiveDateTime,
    sent_at: Option<NaiveDateTime>,
}

fn corrupt(what: &str, id: i64) -> RepoError {
    RepoError::Internal(format!("mail_outbox row {id}: unreadable {what}"))
}

fn kind(raw: &str, id: i64) -> Result<MailKind, RepoError> {
    MailKind::parse(raw).ok_or_else(|| corrupt("kind", id))
}

fn attempts(raw: i32, id: i64) -> Result<u32, RepoError> {
    u32::try_from(raw).map_err(|_| corrupt("attempts", id))
}

impl TryFrom<ClaimRow> for ClaimedMail {
    type Error = RepoError;

    fn try_from(r: ClaimRow) -> Result<Self, RepoError> {
        let lease = r.locked_until.ok_or_else(|| corrupt("lease", r.id))?;
        Ok(ClaimedMail {
            id: OutboxId(r.id),
            message_id: MessageId::parse(&r.message_id)
                .ok_or_else(|| corrupt("message_id", r.id))?,
            mail: OutgoingMail {
                kind: kind(&r.kind, r.id)?,
                to: r.to_address,
                subject: r.subject,
                text: r.text_body,
                html: r.html_body,
                headers: decode_headers(r.headers.as_deref())
                    .ok_or_else(|| corrupt("headers", r.id))?,
            },
            attempts: attempts(r.attempts, r.id)?,
            lease: lease.and_utc(),
        })
    }
}

impl TryFrom<ListRow> for OutboxEntry {
    type Error = RepoError;

    fn try_from(r: ListRow) -> Result<Self, RepoError> {
        Ok(OutboxEntry {
            id: OutboxId(r.id),
            kind: kind(&r.kind, r.id)?,
            to: r.to_address,
            subject: r.subject,
            status: MailStatus::parse(&r.status).ok_or_else(|| corrupt("status", r.id))?,
            attempts: attempts(r.attempts, r.id)?,
            next_attempt_at: r.next_attempt_at.and_utc(),
            last_error: r.last_error,
            created_at: r.created_at.and_utc(),
            sent_at: r.sent_at.map(|t| t.and_utc()),
        })
    }
}

/// `None` for no header; else a JSON array of `[name, value]` pairs.
pub(super) fn encode_headers(headers: &[MailHeader]) -> Option<String> {
    if headers.is_empty() {
        return None;
    }
    let pairs: Vec<[&str; 2]> = headers.iter().map(|h| [h.name(), h.value()]).collect();
    serde_json::to_string(&pairs).ok()
}

/// The headers stored by [`encode_headers`], each checked again; `None` if any is malformed.
pub(super) fn decode_headers(stored: Option<&str>) -> Option<Vec<MailHeader>> {
    let Some(json) = stored else {
        return Some(Vec::new());
    };
    let pairs: Vec<(String, String)> = serde_json::from_str(json).ok()?;
    pairs
        .iter()
        .map(|(name, value)| MailHeader::new(name, value).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_round_trip_through_json() {
        let headers = vec![
            MailHeader::new("List-Unsubscribe", "<https://api.example.com/u?t=a\"b>").unwrap(),
            MailHeader::new("Reply-To", "Jeanne <j@example.com>").unwrap(),
        ];
        let stored = encode_headers(&headers);
        assert_eq!(decode_headers(stored.as_deref()), Some(headers));
        assert_eq!(encode_headers(&[]), None);
        assert_eq!(decode_headers(None), Some(vec![]));
        assert_eq!(decode_headers(Some("[[\"Bcc\",\"x@y.z\"]]")), None);
        assert_eq!(decode_headers(Some("not json")), None);
    }
}
